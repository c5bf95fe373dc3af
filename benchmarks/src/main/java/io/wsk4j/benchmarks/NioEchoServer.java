package io.wsk4j.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline every ratio divides by: N hand-written selector loops, the way one writes an echo without a library.
 * Port i's listener belongs to loop i mod N and the connections it accepts stay on that loop, so no connection is
 * handed between threads; the client spreads its connections round-robin over the ports, which balances the loops.
 */
final class NioEchoServer implements EchoServer {
    private static final int BACKLOG = 1024;

    private final List<NioEchoLoop> loops = new ArrayList<>();
    private final List<InetSocketAddress> addresses = new ArrayList<>();

    NioEchoServer(int threads, int ports, ServerTally tally) throws IOException {
        for (int i = 0; i < threads; i++) {
            loops.add(new NioEchoLoop("nio-echo-" + i, tally));
        }
        for (int i = 0; i < ports; i++) {
            ServerSocketChannel listener = ServerSocketChannel.open();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
            listener.configureBlocking(false);
            // registered before the loops start, so no select has to be woken for it
            loops.get(i % threads).listen(listener);
            addresses.add((InetSocketAddress) listener.getLocalAddress());
        }
        for (NioEchoLoop loop : loops) {
            loop.start();
        }
    }

    @Override
    public List<InetSocketAddress> addresses() {
        return addresses;
    }

    @Override
    public void close() {
        for (NioEchoLoop loop : loops) {
            loop.stop();
        }
    }
}
