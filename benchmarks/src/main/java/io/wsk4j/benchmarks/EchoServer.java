package io.wsk4j.benchmarks;

import java.net.InetSocketAddress;

/**
 * One echo server under test. Every implementation does the same work with one I/O thread: send back what arrives
 * (a 4 KiB buffer per connection), and on the client's FIN answer with its own FIN and close quietly.
 */
interface EchoServer extends AutoCloseable {
    InetSocketAddress address();

    @Override
    void close() throws Exception;

    static EchoServer start(String kind) throws Exception {
        return switch (kind) {
            case "nio" -> new NioEchoServer();
            case "wsk4j" -> new WskEchoServer();
            case "netty" -> new NettyEchoServer();
            default -> throw new IllegalArgumentException("unknown server " + kind + "; use nio, wsk4j or netty");
        };
    }
}
