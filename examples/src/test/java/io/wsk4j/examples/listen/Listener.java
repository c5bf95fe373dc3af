package io.wsk4j.examples.listen;

import io.wsk4j.NtStatus;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnAcceptEvent;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnListenComplete;
import java.net.SocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A listener written only against its generated glue, which it holds in a final field (SPEC P5 factory
 * constructor): {@code new ListenerDispatch(Listener::new)}.
 */
record Listener(ListenerDispatch glue) {
    /** One listening socket's context: how its listen and its close ended, and who connected. */
    static final class Port {
        final CompletableFuture<NtStatus> listened = new CompletableFuture<>();
        final CompletableFuture<NtStatus> closed = new CompletableFuture<>();
        final BlockingQueue<Peer> accepted = new LinkedBlockingQueue<>();
        volatile WskListenSocket socket;
    }

    /** An accepted connection, closed when the test is done with it. */
    record Peer(WskSocket socket, SocketAddress remote, CompletableFuture<NtStatus> closed) {}

    @OnListenComplete
    void listening(NtStatus status, WskListenSocket listener, Port port) {
        port.socket = listener;
        port.listened.complete(status);
    }

    @OnAcceptEvent
    Peer accepted(WskSocket socket, SocketAddress remote, Port port) {
        Peer peer = new Peer(socket, remote, new CompletableFuture<>());
        port.accepted.add(peer);
        return peer; // kept (a reject would reset the peer, maybe before its connect returns)
    }

    @OnCloseComplete
    void closed(NtStatus status, Port port) {
        port.closed.complete(status);
    }

    @OnCloseComplete
    void peerClosed(NtStatus status, Peer peer) {
        peer.closed().complete(status);
    }
}
