package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider plus a plain {@link ServerSocket} on 127.0.0.1 (ephemeral port): the peer of every test is an ordinary
 * {@link Socket} that sees what a real remote would see, bytes, EOF or "Connection reset".
 */
final class Loopback implements AutoCloseable {
    /** The peers {@link #connect} accepted; tests need not close them. */
    private final java.util.List<Socket> peers = new java.util.ArrayList<>();
    static final int PEER_TIMEOUT_MILLIS = 10_000;

    final WskProvider provider;
    final ServerSocket server;
    final Completions completions = new Completions();
    final List<String> errors = new CopyOnWriteArrayList<>();

    Loopback() throws IOException {
        this(2);
    }

    Loopback(int ioThreads) throws IOException {
        this(ioThreads, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    private Loopback(int ioThreads, ServerSocket server) throws IOException {
        this.server = server;
        server.setSoTimeout(PEER_TIMEOUT_MILLIS); // a connect that never happens fails the test instead of hanging it
        provider = WskProvider.builder()
                .ioThreads(ioThreads)
                .closeTimeout(Duration.ofSeconds(2))
                .errorHandler((message, error) -> errors.add(message + ": " + error))
                .build();
    }

    /** A peer with a small receive buffer, so that what it does not read backs up into our send queue. */
    static Loopback withSmallPeerBuffer() throws IOException {
        return withPeerReceiveBuffer(4096);
    }

    /** A peer whose sockets have a receive buffer of {@code bytes} (the kernel may round it). */
    static Loopback withPeerReceiveBuffer(int bytes) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReceiveBufferSize(bytes);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        return new Loopback(2, server);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** A connected pair: our socket (from WskSocketConnect) and the plain peer. */
    record Connection(WskSocket socket, Socket peer) {
        WskProviderConnectionDispatch dispatch() {
            return socket.dispatch();
        }
    }

    Connection connect() throws Exception {
        return connect(null, null);
    }

    <C> Connection connect(C context, WskClientConnectionDispatch<C> events) throws Exception {
        String name = "connect-" + System.nanoTime();
        provider.socketConnect(address(), context, events, completions.irp(name));
        Socket peer = server.accept();
        peers.add(peer);
        peer.setSoTimeout(PEER_TIMEOUT_MILLIS);
        Completions.Done done = completions.await(name);
        assertEquals(NtStatus.SUCCESS, done.status(), "connect");
        assertNotNull(done.socket());
        return new Connection(done.socket(), peer);
    }

    /** A listening socket of ours and the address it listens at. */
    record Listening(WskListenSocket socket, java.net.SocketAddress address) {}

    /** Listens on 127.0.0.1 at an ephemeral port. */
    <L> Listening listen(L context, WskClientListenDispatch<L> listener) throws InterruptedException {
        String name = "listen-" + System.nanoTime();
        provider.socketListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), context, listener,
                completions.irp(name));
        WskListenSocket socket = completions.await(name).listenSocket();
        java.util.concurrent.BlockingQueue<java.net.SocketAddress> address =
                new java.util.concurrent.LinkedBlockingQueue<>();
        Irp where = Irp.allocate();
        where.setCompletionRoutine((irp, queue) -> {
            queue.add(irp.address());
            irp.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, address, true, true, true);
        socket.dispatch().getLocalAddress(socket, where);
        java.net.SocketAddress bound = address.poll(Completions.WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        assertNotNull(bound, "the listening socket's address");
        return new Listening(socket, bound);
    }

    /**
     * The seed's pattern: a graceful disconnect whose completion routine performs the next operation, the close,
     * recorded under {@code closeName}.
     */
    void disconnectThenClose(WskSocket socket, String closeName) {
        Irp disconnect = Irp.allocate();
        disconnect.setCompletionRoutine((irp, s) -> {
            irp.free();
            s.dispatch().closeSocket(s, completions.irp(closeName));
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, socket, true, true, true);
        socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, disconnect);
    }

    /** Closes our socket and waits for the close IRP. */
    void closeSocket(WskBasicSocket socket) throws InterruptedException {
        String name = "close-" + System.nanoTime();
        socket.dispatch().closeSocket(socket, completions.irp(name));
        assertEquals(NtStatus.SUCCESS, completions.await(name).status());
    }

    /** Closes the provider, then every peer a test left open, so that no descriptor waits for the collector. */
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

    // ---- what the peer observes ----

    /** Reads until EOF; throws SocketException("Connection reset") if the peer is reset instead. */
    static byte[] readToEnd(Socket peer) throws IOException {
        return peer.getInputStream().readAllBytes();
    }

    /** What the peer saw after all data: "EOF" or "RESET". */
    static String endOf(Socket peer) throws IOException {
        InputStream in = peer.getInputStream();
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

    static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static ByteBuffer pattern(int size, int seed) {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            buffer.put((byte) (i * 31 + seed));
        }
        return buffer.flip();
    }

    // ---- /proc/net/snmp: proof that a reset really went on the wire ----

    /** {@code Tcp: OutRsts}, or -1 where /proc/net/snmp does not exist. */
    static long outRsts() throws IOException {
        Path snmp = Path.of("/proc/net/snmp");
        if (!Files.isReadable(snmp)) {
            return -1;
        }
        List<String> lines = Files.readAllLines(snmp);
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("Tcp:") && lines.get(i + 1).startsWith("Tcp:")) {
                String[] names = lines.get(i).split("\\s+");
                String[] values = lines.get(i + 1).split("\\s+");
                for (int k = 0; k < names.length; k++) {
                    if (names[k].equals("OutRsts")) {
                        return Long.parseLong(values[k]);
                    }
                }
            }
        }
        return -1;
    }
}
