package io.wsk4j.examples.echo;

import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnAcceptEvent;
import io.wsk4j.annotations.OnAddressComplete;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnListenComplete;
import io.wsk4j.annotations.OnReceiveComplete;
import io.wsk4j.annotations.OnSendComplete;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An echo server in the shape of Microsoft's echosrv sample: every accepted connection keeps two receives in flight,
 * sends back what each one got, disconnects gracefully when the peer's FIN arrives (a receive of 0 bytes), and closes
 * the socket when that disconnect completes. It is written only against the generated {@code EchoServerDispatch}
 * and the runtime.
 */
public final class EchoServer {
    private static final int SLOTS = 2;
    private static final int BUFFER_SIZE = 4096;
    /** How many times in a row a request that found no memory is tried again before the connection is given up. */
    private static final int RETRIES = 16;

    /** The listening socket's context: how its listen ended, where it listens, and how its close went. */
    public static final class Listener {
        final String name;
        final CompletableFuture<WskListenSocket> socket = new CompletableFuture<>();
        final CompletableFuture<SocketAddress> address = new CompletableFuture<>();
        final CompletableFuture<NtStatus> closed = new CompletableFuture<>();

        public Listener(String name) {
            this.name = name;
        }

        /** The listening socket once the listen succeeds; fails with the status if it does not. */
        public CompletableFuture<WskListenSocket> socket() {
            return socket;
        }

        /**
         * The address the listening socket is bound to (WskGetLocalAddress), with the port the provider chose when
         * asked for port 0; fails with the status if the listen or the query fails.
         */
        public CompletableFuture<SocketAddress> address() {
            return address;
        }

        /** The status of the listening socket's close. */
        public CompletableFuture<NtStatus> closed() {
            return closed;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One accepted connection. */
    public static final class Connection {
        final WskSocket socket;
        final SocketAddress remote;
        int openSlots = SLOTS;
        NtStatus failure;
        long echoed;
        int retries;

        Connection(WskSocket socket, SocketAddress remote) {
            this.socket = socket;
            this.remote = remote;
        }
    }

    /** One receive-then-send cycle of a connection, with its own buffer, as echosrv's per-IRP context. */
    public static final class Slot {
        final Connection connection;
        final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
        final WskBuf data = WskBuf.of(buffer);

        Slot(Connection connection) {
            this.connection = connection;
        }
    }

    /** What the server did with one connection, for whoever watches it. */
    public record Closed(SocketAddress remote, long echoed, NtStatus disconnect, NtStatus close) {}

    private final BlockingQueue<Closed> closed = new LinkedBlockingQueue<>();
    private final EchoServerDispatch glue;

    private EchoServer(EchoServerDispatch glue) {
        this.glue = glue;
    }

    /** The handlers start their next operations through the glue, which hands itself to their constructor. */
    public static EchoServer create() {
        return new EchoServerDispatch(EchoServer::new).handlers();
    }

    public EchoServerDispatch glue() {
        return glue;
    }

    /** Listens on {@code address}; {@link Listener#socket()} says how it went. */
    public Listener listen(WskProvider provider, SocketAddress address, String name) {
        Listener listener = new Listener(name);
        glue.listen(provider, address, listener);
        return listener;
    }

    /** Closes the listening socket: connections already accepted go on; {@link Listener#closed()} completes. */
    public void stopListening(Listener listener) {
        glue.close(listener.socket.join(), listener);
    }

    /** Connections the server has finished with, in order. */
    public BlockingQueue<Closed> closedConnections() {
        return closed;
    }

    @OnListenComplete
    void listening(NtStatus status, WskListenSocket socket, Listener listener) {
        if (status.isSuccess()) {
            listener.socket.complete(socket);
            glue.localAddress(socket, listener); // the port, if the listen asked for port 0
        } else {
            listener.socket.completeExceptionally(new IllegalStateException("listen completed " + status));
            listener.address.completeExceptionally(new IllegalStateException("listen completed " + status));
        }
    }

    @OnAddressComplete
    void listeningAt(NtStatus status, SocketAddress address, Listener listener) {
        if (status.isSuccess()) {
            listener.address.complete(address);
        } else {
            listener.address.completeExceptionally(new IllegalStateException("WskGetLocalAddress completed " + status));
        }
    }

    @OnCloseComplete
    void stoppedListening(NtStatus status, Listener listener) {
        listener.closed.complete(status);
    }

    @OnAcceptEvent
    Connection accepted(WskSocket socket, SocketAddress remote, Listener listener) {
        Connection connection = new Connection(socket, remote);
        for (int i = 0; i < SLOTS; i++) {
            Slot slot = new Slot(connection);
            glue.receive(socket, slot.data, slot);
        }
        return connection;
    }

    @OnReceiveComplete
    void received(NtStatus status, long bytes, Slot slot) {
        if (retry(status, slot.connection)) {
            glue.receive(slot.connection.socket, slot.data, slot);
        } else if (status == NtStatus.SUCCESS && bytes > 0) {
            slot.buffer.flip();
            glue.send(slot.connection.socket, slot.data, slot);
        } else {
            slotDone(slot.connection, status); // 0 bytes: the peer's FIN
        }
    }

    @OnSendComplete
    void sent(NtStatus status, long bytes, Slot slot) {
        if (retry(status, slot.connection)) {
            glue.send(slot.connection.socket, slot.data, slot);
        } else if (status == NtStatus.SUCCESS) {
            slot.connection.echoed += bytes;
            slot.buffer.clear();
            glue.receive(slot.connection.socket, slot.data, slot);
        } else {
            slotDone(slot.connection, status);
        }
    }

    /**
     * A request that completed INSUFFICIENT_RESOURCES did nothing (the provider found no memory for it), so it is tried
     * again, a bounded number of times in a row; taking it as the connection's end would close it abortively and
     * reset the echo the peer has not read yet.
     */
    private static boolean retry(NtStatus status, Connection connection) {
        if (status != NtStatus.INSUFFICIENT_RESOURCES || connection.retries == RETRIES) {
            connection.retries = 0;
            return false;
        }
        connection.retries++;
        return true;
    }

    private void slotDone(Connection connection, NtStatus status) {
        if (status != NtStatus.SUCCESS && connection.failure == null) {
            connection.failure = status;
        }
        if (--connection.openSlots > 0) {
            return;
        }
        if (connection.failure == null) {
            glue.disconnect(connection.socket, connection); // graceful: every echo goes out before our FIN
        } else {
            glue.close(connection.socket, connection); // the connection broke: nothing graceful is left to do
        }
    }

    @OnDisconnectComplete
    void disconnected(NtStatus status, Connection connection) {
        if (retry(status, connection)) {
            glue.disconnect(connection.socket, connection);
            return;
        }
        connection.failure = status;
        glue.close(connection.socket, connection);
    }

    @OnCloseComplete
    void closed(NtStatus status, Connection connection) {
        closed.add(new Closed(connection.remote, connection.echoed, connection.failure, status));
    }

    /**
     * Runs the server on 127.0.0.1 until interrupted (Ctrl-C): {@code EchoServer [port]}, port 7007 unless given, 0 for
     * an ephemeral one. It prints its address, then a line for each connection it has finished with. Try it with
     * {@code printf 'hello\n' | ncat 127.0.0.1 7007} or {@code socat - TCP:127.0.0.1:7007}.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7007;
        Thread serving = Thread.currentThread();
        Thread stop = new Thread(() -> {
            serving.interrupt(); // Ctrl-C: let serve() close the listening socket and the provider
            try {
                serving.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "echo-server-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), System.out);
    }

    /** Serves on {@code address} until the calling thread is interrupted, then closes everything and returns. */
    static void serve(SocketAddress address, PrintStream out) throws Exception {
        EchoServer server = create();
        try (WskProvider provider = WskProvider.open()) {
            Listener listener = server.listen(provider, address, "echo");
            SocketAddress listening;
            try {
                listening = listener.address().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException failed) {
                out.println("echo server: could not listen on " + address + ": " + failed.getCause().getMessage());
                if (!listener.socket().isCompletedExceptionally()) { // listening, but its address query failed
                    server.stopListening(listener);
                    listener.closed().get(10, TimeUnit.SECONDS);
                }
                return;
            }
            out.println("echo server listening on " + listening + " (stop it with Ctrl-C)");
            try {
                while (true) {
                    Closed closed = server.closedConnections().take();
                    out.println("echo server: " + closed.remote() + " done, " + closed.echoed() + " bytes echoed, "
                            + "disconnect " + closed.disconnect());
                }
            } catch (InterruptedException stop) {
                server.stopListening(listener);
                listener.closed().get(10, TimeUnit.SECONDS);
                out.println("echo server stopped");
            }
        }
    }
}
