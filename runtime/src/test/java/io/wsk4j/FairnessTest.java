package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SPEC E5: a socket that always has data cannot hold its I/O thread. */
@Timeout(60)
class FairnessTest {
    private static final int BUDGET = 16;

    @Test
    @DisplayName("E5 one I/O thread: a streaming socket whose routine re-issues receives delays another's byte by at most a budget or two")
    void aBusySocketYields() throws Exception {
        try (Loopback lb = new Loopback(1)) {
            Connection busy = lb.connect();
            Connection quiet = lb.connect();
            AtomicBoolean streaming = new AtomicBoolean(true);
            AtomicLong busyCompletions = new AtomicLong();
            WskBuf busyBuffer = WskBuf.of(ByteBuffer.allocateDirect(64 * 1024));
            Irp busyIrp = Irp.allocate();
            CompletionRoutine<WskSocket> again = new CompletionRoutine<>() {
                @Override
                public NtStatus onComplete(Irp irp, WskSocket socket) {
                    busyCompletions.incrementAndGet();
                    irp.reuse(NtStatus.SUCCESS);
                    if (streaming.get() && irp.status().isSuccess()) {
                        busyBuffer.buffer(0).clear();
                        irp.setCompletionRoutine(this, socket, true, true, true);
                        socket.dispatch().receive(socket, busyBuffer, ReceiveFlags.NONE, irp);
                    }
                    return NtStatus.MORE_PROCESSING_REQUIRED;
                }
            };
            busyIrp.setCompletionRoutine(again, busy.socket(), true, true, true);
            busy.dispatch().receive(busy.socket(), busyBuffer, ReceiveFlags.NONE, busyIrp);
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> stream(busy, streaming));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (busyCompletions.get() < 2000 && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // the busy socket gets going
            }
            assertTrue(busyCompletions.get() >= 2000, "the stream got going");

            AtomicLong atQuietCompletion = new AtomicLong(-1);
            Irp quietIrp = Irp.allocate();
            quietIrp.setCompletionRoutine((irp, count) -> {
                count.set(busyCompletions.get());
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, atQuietCompletion, true, true, true);
            quiet.dispatch().receive(quiet.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE, quietIrp);
            GracefulDisconnectTest.barrier(lb, quiet); // the receive is queued before the byte is sent
            long beforeByte = busyCompletions.get();
            quiet.peer().getOutputStream().write(1);
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (atQuietCompletion.get() < 0 && System.nanoTime() < waitUntil) {
                Thread.onSpinWait();
            }
            streaming.set(false);
            long delay = atQuietCompletion.get() - beforeByte;
            assertTrue(atQuietCompletion.get() >= 0, "the quiet socket's receive completed");
            assertTrue(delay <= 3 * BUDGET, "the quiet socket's byte waited behind " + delay
                    + " completions of the busy socket; E5 allows about one budget of " + BUDGET);
            busy.peer().shutdownOutput();
            stream.get(20, TimeUnit.SECONDS);
            lb.closeSocket(busy.socket());
            lb.closeSocket(quiet.socket());
            assertEquals(0, lb.errors.size(), lb.errors.toString());
        }
    }

    private static void stream(Connection busy, AtomicBoolean streaming) {
        byte[] chunk = new byte[256 * 1024];
        try {
            OutputStream out = busy.peer().getOutputStream();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (streaming.get() && System.nanoTime() < deadline) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // the socket was closed under the writer: the test is over
        }
    }
}
