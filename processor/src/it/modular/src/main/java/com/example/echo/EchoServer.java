package com.example.echo;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnAcceptEvent;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnReceiveComplete;
import io.wsk4j.annotations.OnSendComplete;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** Echoes what each connection sends; at the peer's FIN it disconnects gracefully, then closes. */
public final class EchoServer {
    /** The listening socket's context. */
    public record Listener(String name) {}

    /** One accepted connection. */
    static final class Connection {
        final WskSocket socket;
        final ByteBuffer buffer = ByteBuffer.allocate(1024);
        final WskBuf data = WskBuf.of(buffer);

        Connection(WskSocket socket) {
            this.socket = socket;
        }
    }

    private EchoServerDispatch glue;

    private EchoServer() {}

    /** A server whose glue is set before any handler can run. */
    public static EchoServer create() {
        EchoServer server = new EchoServer();
        server.glue = new EchoServerDispatch(server);
        return server;
    }

    /** Listens on {@code address}; the future completes with the listening socket, or fails with the status. */
    public CompletableFuture<WskListenSocket> listen(WskProvider provider, SocketAddress address) {
        CompletableFuture<WskListenSocket> listening = new CompletableFuture<>();
        CompletionRoutine<CompletableFuture<WskListenSocket>> done = (irp, future) -> {
            if (irp.status() == NtStatus.SUCCESS) {
                future.complete(irp.listenSocket());
            } else {
                future.completeExceptionally(new IllegalStateException("listen completed " + irp.status()));
            }
            irp.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        };
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine(done, listening, true, true, true);
        glue.listen(provider, address, irp, new Listener("echo"));
        return listening;
    }

    @OnAcceptEvent
    Connection accepted(WskSocket socket, SocketAddress remote, Listener listener) {
        Connection connection = new Connection(socket);
        glue.receive(socket, connection.data, connection);
        return connection;
    }

    @OnReceiveComplete
    void received(NtStatus status, long bytes, Connection connection) {
        if (status == NtStatus.SUCCESS && bytes > 0) {
            connection.buffer.flip();
            glue.send(connection.socket, connection.data, connection);
        } else if (status == NtStatus.SUCCESS) {
            glue.disconnect(connection.socket, connection); // the peer's FIN: ours after every echo
        } else {
            glue.close(connection.socket, connection);
        }
    }

    @OnSendComplete
    void sent(NtStatus status, long bytes, Connection connection) {
        if (status == NtStatus.SUCCESS) {
            connection.buffer.clear();
            glue.receive(connection.socket, connection.data, connection);
        } else {
            glue.close(connection.socket, connection);
        }
    }

    @OnDisconnectComplete
    void disconnected(NtStatus status, Connection connection) {
        glue.close(connection.socket, connection); // both directions are done: a quiet close
    }

    @OnCloseComplete
    void closed(NtStatus status, Connection connection) {}
}
