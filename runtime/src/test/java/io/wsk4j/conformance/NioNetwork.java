package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.wsk4j.WskProvider;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Real sockets on 127.0.0.1: the NIO provider with two I/O threads, and plain {@link Socket} peers. */
final class NioNetwork extends Network {
    static final int PEER_TIMEOUT_MILLIS = 10_000;
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final WskProvider provider;
    private final ServerSocket server;
    private final List<Socket> peers = new ArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    NioNetwork(int peerReceiveBuffer) throws IOException {
        server = new ServerSocket();
        if (peerReceiveBuffer > 0) {
            server.setReceiveBufferSize(peerReceiveBuffer); // what the peer does not read backs up into our sends
        }
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setSoTimeout(PEER_TIMEOUT_MILLIS); // a connect that never happens fails the test instead of hanging it
        provider = WskProvider.builder().ioThreads(2).closeTimeout(Duration.ofSeconds(2))
                .errorHandler((message, error) -> errors.add(message + ": " + error)).build();
    }

    @Override
    WskProvider provider() {
        return provider;
    }

    @Override
    List<String> errors() {
        return errors;
    }

    @Override
    SocketAddress peerAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    @Override
    Peer acceptPeer() throws IOException {
        return peer(server.accept());
    }

    @Override
    Peer connectPeer(SocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, PEER_TIMEOUT_MILLIS);
        return peer(socket);
    }

    private Peer peer(Socket socket) throws SocketException {
        peers.add(socket);
        socket.setSoTimeout(PEER_TIMEOUT_MILLIS);
        return new SocketPeer(socket);
    }

    @Override
    void await(Object monitor, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        synchronized (monitor) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("waited 10 s for " + what);
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
        }
    }

    @Override
    void settle() {
        // the I/O threads run by themselves; a barrier IRP is the way to wait for them
    }

    @Override
    public void close() throws IOException {
        try {
            provider.close();
        } finally {
            for (Socket peer : peers) {
                peer.close();
            }
            server.close();
        }
    }

    @Override
    public String toString() {
        return "NIO on loopback";
    }

    /** A plain socket; every read is bounded by its SO_TIMEOUT. */
    private static final class SocketPeer implements Peer {
        private final Socket socket;

        SocketPeer(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }

        @Override
        public byte[] readExactly(int n) throws IOException {
            byte[] bytes = new byte[n];
            new DataInputStream(socket.getInputStream()).readFully(bytes);
            return bytes;
        }

        @Override
        public byte[] readToEnd() throws IOException {
            return socket.getInputStream().readAllBytes();
        }

        @Override
        public String endOf() throws IOException {
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[8192];
            try {
                while (in.read(sink) >= 0) {
                    // drain what reached the peer before the end
                }
                return "EOF";
            } catch (SocketException e) {
                if (String.valueOf(e.getMessage()).contains("reset")) {
                    return "RESET";
                }
                throw e;
            }
        }

        @Override
        public void shutdownOutput() throws IOException {
            socket.shutdownOutput();
        }

        @Override
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static void assertEof(Peer peer) throws Exception {
        assertEquals("EOF", peer.endOf());
    }
}
