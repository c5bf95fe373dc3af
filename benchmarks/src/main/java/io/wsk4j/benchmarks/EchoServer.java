package io.wsk4j.benchmarks;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * One echo server under test. Every implementation does the same thing on every connection, whatever the workload:
 * send back what arrives; at the peer's FIN, finish sending, send its own FIN and close; at the peer's reset, close.
 * It reports each of those endings to its {@link ServerTally}, which is how the harness checks the server's side.
 */
interface EchoServer {
    /** The loopback addresses it listens on, one per port. */
    List<InetSocketAddress> addresses();

    /** Stops listening and stops the I/O threads, waiting a bounded time; problems go to the tally as errors. */
    void close();
}
