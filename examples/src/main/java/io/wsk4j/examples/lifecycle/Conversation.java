package io.wsk4j.examples.lifecycle;

import io.wsk4j.NtStatus;
import io.wsk4j.WskSocket;
import io.wsk4j.examples.peer.Peer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The context of one demo connection: each completion handler of {@link Lifecycle} settles one of these futures, so
 * the demo can wait for each step with a bounded wait.
 */
public final class Conversation {
    final CompletableFuture<WskSocket> connected = new CompletableFuture<>();
    final CompletableFuture<NtStatus> sent = new CompletableFuture<>();
    final CompletableFuture<Long> received = new CompletableFuture<>();
    final CompletableFuture<NtStatus> disconnected = new CompletableFuture<>();
    final CompletableFuture<NtStatus> closed = new CompletableFuture<>();

    public WskSocket awaitConnected() throws Exception {
        return await(connected, "connect");
    }

    public NtStatus awaitSent() throws Exception {
        return await(sent, "send");
    }

    /** Bytes received; 0 means the peer's FIN. */
    public long awaitReceived() throws Exception {
        return await(received, "receive");
    }

    public NtStatus awaitDisconnected() throws Exception {
        return await(disconnected, "disconnect");
    }

    public NtStatus awaitClosed() throws Exception {
        return await(closed, "close");
    }

    private static <T> T await(CompletableFuture<T> step, String name) throws Exception {
        try {
            return step.get(Peer.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the " + name + " did not complete within " + Peer.TIMEOUT_MILLIS + " ms");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the " + name + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
