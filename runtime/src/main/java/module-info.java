/**
 * wsk4j runtime: the Winsock Kernel model and a provider that executes it on Java NIO.
 *
 * <p>Only {@code io.wsk4j} is exported; the NIO provider in {@code io.wsk4j.engine} is an implementation detail, reached
 * through {@code io.wsk4j.spi.WskImplementation}.
 */
module io.wsk4j {
    exports io.wsk4j;

    // the Flight Recorder events io.wsk4j.Disconnect and io.wsk4j.Close. Not "static": a static requirement is left
    // out of the module graph unless something else asks for jdk.jfr, so on the module path the events would vanish
    // (and jcmd JFR.start find no jdk.jfr) unless the user added --add-modules jdk.jfr; jdk.jfr is in every JDK, and
    // jlink adds it to an image because of this line
    requires jdk.jfr;

    uses io.wsk4j.spi.WskImplementation;

    provides io.wsk4j.spi.WskImplementation with io.wsk4j.transport.nio.NioImplementation;
}
