package io.wsk4j.examples.lifecycle;

import io.wsk4j.NtStatus;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnReceiveComplete;
import io.wsk4j.annotations.OnSendComplete;

/**
 * Completion handlers in the simple shape: the generated {@code LifecycleDispatch} owns the IRPs (pooled), and each
 * handler gets the status and its {@link Conversation}, typed. Nothing here allocates, frees or casts anything.
 */
public final class Lifecycle {
    @OnConnectComplete
    void connected(NtStatus status, WskSocket socket, Conversation conversation) {
        if (status == NtStatus.SUCCESS) {
            conversation.connected.complete(socket);
        } else {
            conversation.connected.completeExceptionally(new IllegalStateException("connect completed " + status));
        }
    }

    @OnSendComplete
    void sent(NtStatus status, long bytes, Conversation conversation) {
        conversation.sent.complete(status);
    }

    @OnReceiveComplete
    void received(NtStatus status, long bytes, Conversation conversation) {
        if (status == NtStatus.SUCCESS) {
            conversation.received.complete(bytes);
        } else {
            conversation.received.completeExceptionally(new IllegalStateException("receive completed " + status));
        }
    }

    @OnDisconnectComplete
    void disconnected(NtStatus status, Conversation conversation) {
        conversation.disconnected.complete(status);
    }

    @OnCloseComplete
    void closed(NtStatus status, Conversation conversation) {
        conversation.closed.complete(status);
    }
}
