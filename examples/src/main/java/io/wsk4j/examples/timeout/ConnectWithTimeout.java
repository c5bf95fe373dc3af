package io.wsk4j.examples.timeout;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;

/**
 * A connect with a time-out. WSK has none (the transport gives up after its own SYN retries, minutes later), so the
 * application's own timer cancels the connect IRP; the user guide (docs/guide/wire.md) shows this method.
 */
public final class ConnectWithTimeout {
    private ConnectWithTimeout() {}

    /**
     * Connects to {@code remote}. The future completes with the connected socket (close it when done), or fails
     * with an {@link IllegalStateException} naming the connect's status: CANCELLED if {@code timeout} passed first.
     */
    public static CompletableFuture<WskSocket> connect(
            WskProvider provider, SocketAddress remote, Duration timeout, ScheduledExecutorService timer) {
        CompletableFuture<WskSocket> connected = new CompletableFuture<>();
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, future) -> {
            NtStatus status = done.status();
            WskSocket socket = done.socket();
            done.free(); // never reused, so a late cancel() from the timer finds it freed and returns false
            if (status == NtStatus.SUCCESS) {
                future.complete(socket);
            } else {
                future.completeExceptionally(new IllegalStateException("connect completed " + status));
            }
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, connected, true, true, true);
        provider.socketConnect(remote, null, null, irp);
        ScheduledFuture<?> expiry = timer.schedule(irp::cancel, timeout.toMillis(), MILLISECONDS);
        connected.whenComplete((socket, failure) -> expiry.cancel(false)); // at once if it completed already
        return connected;
    }
}
