package io.wsk4j.examples.first;

import io.wsk4j.NtStatus;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnReceiveComplete;
import java.util.concurrent.CompletableFuture;

/** The README's first program, part 1: handlers, each told the status and its context, typed. */
public final class Greeter {
    /** One connection's context: each handler settles one step, so main can wait for it. */
    public static final class Session {
        final CompletableFuture<WskSocket> connected = new CompletableFuture<>();
        final CompletableFuture<NtStatus> disconnected = new CompletableFuture<>();
        final CompletableFuture<Long> received = new CompletableFuture<>();
        final CompletableFuture<NtStatus> closed = new CompletableFuture<>();
    }

    @OnConnectComplete
    void connected(NtStatus status, WskSocket socket, Session session) {
        if (status.isSuccess()) {
            session.connected.complete(socket);
        } else {
            session.connected.completeExceptionally(new IllegalStateException("connect completed " + status));
        }
    }

    @OnDisconnectComplete
    void disconnected(NtStatus status, Session session) {
        session.disconnected.complete(status);
    }

    @OnReceiveComplete
    void received(NtStatus status, long bytes, Session session) {
        session.received.complete(bytes);
    }

    @OnCloseComplete
    void closed(NtStatus status, Session session) {
        session.closed.complete(status);
    }
}
