package io.wsk4j.examples.events;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnAcceptEvent;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnDisconnectEvent;
import io.wsk4j.annotations.OnListenComplete;
import io.wsk4j.annotations.OnReceiveComplete;
import io.wsk4j.annotations.OnReceiveEvent;
import io.wsk4j.annotations.OnSendComplete;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An echo server driven by the receive event, the way SPEC E3 means it: the event copies what it keeps into the
 * connection's own buffer (its data is valid only while it runs, B4) and returns how many bytes it took, measured
 * before reading them (E7). While an echo is still being sent it returns 0: that is back-pressure, and the bytes stay
 * with the provider, which offers the event nothing more until receive IRPs have taken them all (E3). So the event
 * notes how many it declined, and the send's completions post receive IRPs until that many are taken; the event then
 * resumes. The peer's FIN arrives as the disconnect event, after every byte before it; the server then disconnects
 * gracefully behind its last echo and closes.
 */
public final class EventEchoServer {
    static final int BUFFER_SIZE = 4096;

    /** The listening socket's context. */
    public static final class Listener {
        final CompletableFuture<WskListenSocket> socket = new CompletableFuture<>();
        final CompletableFuture<NtStatus> closed = new CompletableFuture<>();

        /** {@return the listening socket, once listening; it fails with the status if listening failed} */
        public CompletableFuture<WskListenSocket> socket() {
            return socket;
        }

        /** {@return the close's status, once the listening socket is closed} */
        public CompletableFuture<NtStatus> closed() {
            return closed;
        }
    }

    /** One connection: the bytes it owes its peer, and where it stands. */
    public static final class Connection {
        final WskSocket socket;
        final ByteBuffer echo = ByteBuffer.allocate(BUFFER_SIZE);
        final WskBuf echoData = WskBuf.of(echo);
        final ByteBuffer rest = ByteBuffer.allocate(BUFFER_SIZE);
        final WskBuf restData = WskBuf.of(rest);
        boolean sending;
        /** Bytes the event declined that receive IRPs have not taken yet: until then the event is not called. */
        long declined;
        boolean peerFinished;
        boolean disconnecting;
        long echoed;

        Connection(WskSocket socket) {
            this.socket = socket;
        }
    }

    /** What happened to one connection. */
    public record Done(long echoed, NtStatus close) {}

    private final EventEchoServerDispatch glue;
    private final BlockingQueue<Done> done = new LinkedBlockingQueue<>();

    private EventEchoServer(EventEchoServerDispatch glue) {
        this.glue = glue;
    }

    public static EventEchoServer create() {
        return new EventEchoServerDispatch(EventEchoServer::new).handlers();
    }

    /** Listens on {@code address}; {@link Listener#socket()} says how it went. */
    public Listener listen(WskProvider provider, SocketAddress address) {
        Listener listener = new Listener();
        glue.listen(provider, address, listener);
        return listener;
    }

    public void stopListening(Listener listener) {
        glue.close(listener.socket.join(), listener);
    }

    /** Connections finished with, in order. */
    public BlockingQueue<Done> done() {
        return done;
    }

    @OnListenComplete
    void listening(NtStatus status, WskListenSocket socket, Listener listener) {
        if (status.isSuccess()) {
            listener.socket.complete(socket);
        } else {
            listener.socket.completeExceptionally(new IllegalStateException("listen completed " + status));
        }
    }

    @OnCloseComplete
    void stoppedListening(NtStatus status, Listener listener) {
        listener.closed.complete(status);
    }

    @OnAcceptEvent
    Connection accepted(WskSocket socket, SocketAddress remote, Listener listener) {
        return new Connection(socket);
    }

    @OnReceiveEvent
    long received(WskBuf data, Connection connection) {
        long offered = data.length(); // measured before reading (SPEC E7)
        if (connection.sending || connection.disconnecting) {
            connection.declined = offered;
            return 0; // back-pressure: the bytes stay for the receive IRPs that sent() posts
        }
        int take = (int) Math.min(offered, BUFFER_SIZE);
        ByteBuffer from = data.buffer(0);
        connection.echo.clear();
        for (int i = 0; i < take; i++) {
            connection.echo.put(from.get()); // a copy: the event's data is gone once it returns (B4)
        }
        connection.echo.flip();
        connection.sending = true;
        glue.send(connection.socket, connection.echoData, connection);
        connection.declined = offered - take; // a partial take declines the rest just as returning 0 does (E3)
        return take;
    }

    @OnSendComplete
    void sent(NtStatus status, long bytes, Connection connection) {
        connection.sending = false;
        if (status != NtStatus.SUCCESS) {
            glue.close(connection.socket, connection);
            return;
        }
        connection.echoed += bytes;
        if (connection.declined > 0) {
            connection.rest.clear();
            glue.receive(connection.socket, connection.restData, connection); // takes what the event declined
        } else if (connection.peerFinished) {
            disconnect(connection);
        }
    }

    @OnReceiveComplete
    void receivedRest(NtStatus status, long bytes, Connection connection) {
        if (status != NtStatus.SUCCESS) {
            glue.close(connection.socket, connection);
            return;
        }
        if (bytes == 0) {
            connection.peerFinished = true; // the FIN came to the receive IRP instead of the event
            disconnect(connection);
            return;
        }
        connection.declined = Math.max(0, connection.declined - bytes);
        connection.rest.flip();
        connection.echo.clear();
        connection.echo.put(connection.rest).flip();
        connection.sending = true;
        glue.send(connection.socket, connection.echoData, connection);
    }

    @OnDisconnectEvent
    void peerDisconnected(DisconnectMode how, Connection connection) {
        connection.peerFinished = true;
        if (how == DisconnectMode.ABORTIVE) {
            glue.close(connection.socket, connection);
        } else if (!connection.sending && connection.declined == 0) {
            disconnect(connection);
        } // else sent() disconnects once the last echo is out
    }

    private void disconnect(Connection connection) {
        if (!connection.disconnecting) {
            connection.disconnecting = true;
            glue.disconnect(connection.socket, connection); // graceful, behind the last echo (SPEC D3)
        }
    }

    @OnDisconnectComplete
    void disconnected(NtStatus status, Connection connection) {
        glue.close(connection.socket, connection);
    }

    @OnCloseComplete
    void closed(NtStatus status, Connection connection) {
        done.add(new Done(connection.echoed, status));
    }
}
