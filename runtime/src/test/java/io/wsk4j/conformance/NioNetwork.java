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

/** Real sockets on 127.0.0.1 or ::1: the NIO provider with two I/O threads, and plain {@link Socket} peers. */
final class NioNetwork extends Network {
    static final int PEER_TIMEOUT_MILLIS = 10_000;
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final WskProvider provider;
    private final ServerSocket server;
    private final List<Socket> peers = new ArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    /** Listeners and sockets that only hold a place (the unanswered address), closed with the network. */
    private final List<java.io.Closeable> held = new ArrayList<>();
    private final List<Thread> peerThreads = new CopyOnWriteArrayList<>();

    /** The loopback address of this network's family: its peers listen and connect there. */
    private final InetAddress loopback;

    NioNetwork(int peerReceiveBuffer, int ioThreads) throws IOException {
        this(peerReceiveBuffer, ioThreads, builder -> builder, InetAddress.getLoopbackAddress());
    }

    /** {@code options} adds to the provider's builder (the verifier, for one); {@code loopback}: 127.0.0.1 or ::1. */
    NioNetwork(int peerReceiveBuffer, int ioThreads, java.util.function.UnaryOperator<WskProvider.Builder> options,
            InetAddress loopback) throws IOException {
        this.loopback = loopback;
        server = new ServerSocket();
        if (peerReceiveBuffer > 0) {
            server.setReceiveBufferSize(peerReceiveBuffer); // what the peer does not read backs up into our sends
        }
        server.bind(new InetSocketAddress(loopback, 0), 50);
        server.setSoTimeout(PEER_TIMEOUT_MILLIS); // a connect that never happens fails the test instead of hanging it
        provider = options.apply(WskProvider.builder().ioThreads(ioThreads).closeTimeout(Duration.ofSeconds(2))
                .errorHandler((message, error) -> errors.add(message + ": " + error))).build();
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
        return new InetSocketAddress(loopback, server.getLocalPort());
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

    @Override
    String connectPeerAndEnd(SocketAddress address) throws IOException {
        Socket socket = new Socket();
        peers.add(socket);
        socket.setSoTimeout(PEER_TIMEOUT_MILLIS);
        try {
            socket.connect(address, PEER_TIMEOUT_MILLIS);
        } catch (SocketException e) {
            if (String.valueOf(e.getMessage()).contains("reset")) {
                return "RESET"; // the rejection's RST can beat connect() to the client: the same end, seen early
            }
            throw e;
        }
        return new SocketPeer(socket).endOf();
    }

    @Override
    PeerConnect startPeerConnect(SocketAddress address) {
        String outcome;
        try (Socket late = new Socket()) {
            late.connect(address, 5_000);
            outcome = "connected";
        } catch (java.net.ConnectException refused) {
            outcome = "refused";
        } catch (IOException e) {
            outcome = e.toString();
        }
        String seen = outcome;
        return () -> seen;
    }

    @Override
    SocketAddress closedAddress() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
            return new InetSocketAddress(loopback, probe.getLocalPort());
        }
    }

    @Override
    SocketAddress unansweredAddress() throws IOException {
        // a listener that never accepts, its accept queue filled: Linux drops further SYNs, so a connect waits
        ServerSocket full = new ServerSocket(0, 1, loopback);
        held.add(full);
        InetSocketAddress target = new InetSocketAddress(loopback, full.getLocalPort());
        for (int i = 0; i < 4; i++) {
            Socket filler = new Socket();
            held.add(filler);
            try {
                filler.connect(target, 200);
            } catch (java.net.SocketTimeoutException queueFull) {
                break;
            }
        }
        return target;
    }

    @Override
    boolean onIoThread() {
        return Thread.currentThread().getName().startsWith("wsk4j-io-");
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
    InetAddress loopback() {
        return loopback;
    }

    @Override
    long nanoTime() {
        return System.nanoTime();
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
            for (java.io.Closeable placeHolder : held) {
                placeHolder.close();
            }
            server.close();
            for (Thread thread : peerThreads) {
                try {
                    thread.join(TimeUnit.NANOSECONDS.toMillis(WAIT_NANOS)); // its socket is closed: it ends now
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "NIO on " + loopback.getHostAddress();
    }

    /** A plain socket; every read is bounded by its SO_TIMEOUT. */
    private final class SocketPeer implements Peer {
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

        @Override
        public Reading readToEndInBackground(boolean thenClose) {
            java.util.concurrent.CompletableFuture<byte[]> read = new java.util.concurrent.CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    byte[] all = socket.getInputStream().readAllBytes();
                    if (thenClose) {
                        socket.close();
                    }
                    read.complete(all);
                } catch (IOException | RuntimeException e) {
                    read.completeExceptionally(e);
                }
            }, "peer-reader");
            peerThreads.add(reader);
            reader.setDaemon(true);
            reader.start();
            return () -> read.get(WAIT_NANOS, TimeUnit.NANOSECONDS);
        }

        @Override
        public void stream(long bytes) {
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[256 * 1024];
                try {
                    for (long left = bytes; left > 0; left -= chunk.length) {
                        socket.getOutputStream().write(chunk, 0, (int) Math.min(chunk.length, left));
                    }
                } catch (IOException closedUnderTheWriter) {
                    // the test is over: its end closed the connection
                }
            }, "peer-writer");
            peerThreads.add(writer);
            writer.setDaemon(true);
            writer.start();
        }

        @Override
        public SocketAddress localAddress() {
            return socket.getLocalSocketAddress();
        }

        @Override
        public SocketAddress remoteAddress() {
            return socket.getRemoteSocketAddress();
        }
    }

    static void assertEof(Peer peer) throws Exception {
        assertEquals("EOF", peer.endOf());
    }
}
