/**
 * wsk4j runtime: the Winsock Kernel model, an engine that holds its rules, and two transports under it: Java NIO (the
 * default provider) and a simulated network for tests.
 *
 * <p>Exported: {@code io.wsk4j} (the model and the provider) and {@code io.wsk4j.sim} (the simulation). The engine
 * ({@code io.wsk4j.engine}), the transport interface ({@code io.wsk4j.transport}) and the transports
 * ({@code io.wsk4j.transport.nio}, {@code io.wsk4j.transport.sim}) are implementation details; the API reaches them
 * through {@code io.wsk4j.spi.WskImplementation}.
 */
module io.wsk4j {
    exports io.wsk4j;
    exports io.wsk4j.sim;

    // the Flight Recorder events io.wsk4j.Disconnect and io.wsk4j.Close. Not "static": a static requirement is left
    // out of the module graph unless something else asks for jdk.jfr, so on the module path the events would vanish
    // (and jcmd JFR.start find no jdk.jfr) unless the user added --add-modules jdk.jfr; jdk.jfr is in every JDK, and
    // jlink adds it to an image because of this line
    requires jdk.jfr;

    // TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT (SPEC K3): jdk.net.ExtendedSocketOptions. Not "static" for the same
    // reason as jdk.jfr: java.base offers the extended options to channels only when jdk.net is in the module graph,
    // and jdk.net is in every JDK
    requires jdk.net;

    uses io.wsk4j.spi.WskImplementation;

    provides io.wsk4j.spi.WskImplementation with io.wsk4j.transport.nio.NioImplementation;
}
