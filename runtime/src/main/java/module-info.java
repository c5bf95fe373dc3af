/**
 * wsk4j runtime: the Winsock Kernel model and a provider that executes it on Java NIO.
 *
 * <p>Only {@code io.wsk4j} is exported; the NIO provider in {@code io.wsk4j.nio} is an implementation detail, reached
 * through {@code io.wsk4j.spi.WskImplementation}.
 */
module io.wsk4j {
    exports io.wsk4j;

    uses io.wsk4j.spi.WskImplementation;

    provides io.wsk4j.spi.WskImplementation with io.wsk4j.nio.NioImplementation;
}
