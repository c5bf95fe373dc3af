/**
 * wsk4j runtime: the Winsock Kernel model and a provider that executes it on Java NIO.
 *
 * <p>Only {@code io.wsk4j} is exported; the NIO provider in {@code io.wsk4j.nio} is an implementation detail.
 */
module io.wsk4j {
    exports io.wsk4j;
}
