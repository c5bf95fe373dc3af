package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** WskProvider.stats(): open sockets, IRPs pending by operation, completions by status. */
class StatsTest {
    @Test
    @DisplayName("stats() counts a pending receive, its cancel and the close, and ends with nothing pending")
    void pendingAndCompletions() throws Exception {
        try (Loopback loopback = new Loopback(1)) {
            WskStats before = loopback.provider.stats();
            assertEquals(0, before.openSockets());
            assertEquals(0, before.pendingTotal());
            Loopback.Connection connection = loopback.connect();
            WskSocket socket = connection.socket();
            Irp receive = loopback.completions.irp("receive");
            socket.dispatch().receive(socket, WskBuf.of(ByteBuffer.allocate(16)), ReceiveFlags.NONE, receive);
            // the snapshot's task runs on the I/O thread after the receive's, so the receive has been taken up
            WskStats pending = loopback.provider.stats();
            assertEquals(1, pending.openSockets());
            assertEquals(1L, pending.pendingIrps().get("WskReceive"), pending.toString());
            assertEquals(1, pending.pendingTotal(), pending.toString());
            assertTrue(pending.completed(NtStatus.SUCCESS) >= 1, "the connect: " + pending);
            assertTrue(receive.cancel());
            assertEquals(NtStatus.CANCELLED, loopback.completions.await("receive").status());
            loopback.closeSocket(socket);
            WskStats after = loopback.provider.stats();
            assertEquals(0, after.openSockets());
            assertEquals(0, after.pendingTotal(), after.toString());
            assertEquals(1, after.completed(NtStatus.CANCELLED), after.toString());
            assertEquals(before.completed(NtStatus.SUCCESS) + 2, after.completed(NtStatus.SUCCESS), after.toString());
            connection.peer().close();
        }
    }

    @Test
    @DisplayName("stats() counts a bad parameter found in the dispatch call, off the I/O thread")
    void offLoopCompletion() throws Exception {
        try (Loopback loopback = new Loopback(1)) {
            loopback.provider.socketConnect(null, null, null, loopback.completions.irp("bad"));
            assertEquals(NtStatus.INVALID_PARAMETER, loopback.completions.await("bad").status());
            assertEquals(1, loopback.provider.stats().completed(NtStatus.INVALID_PARAMETER));
        }
    }

    @Test
    @DisplayName("stats() from completion routines on two I/O threads at once returns without waiting for either")
    void fromCompletionRoutinesOnTwoIoThreads() throws Exception {
        try (WskProvider provider = WskProvider.builder().ioThreads(2).closeTimeout(Duration.ofSeconds(2)).build()) {
            Completions completions = new Completions();
            // sockets are spread over the I/O threads in turn: one on each
            WskSocket[] sockets = new WskSocket[2];
            for (int i = 0; i < 2; i++) {
                provider.socket(null, null, completions.irp("socket" + i));
                sockets[i] = completions.await("socket" + i).socket();
            }
            // both routines are inside at once, each on its own I/O thread, when they call stats(): a stats() that
            // waited for the other I/O thread's copy would wait for a thread that is itself waiting
            CountDownLatch bothInside = new CountDownLatch(2);
            java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.List<CompletableFuture<Long>> millis = java.util.List.of(new CompletableFuture<>(),
                    new CompletableFuture<>());
            for (int i = 0; i < 2; i++) {
                Irp irp = Irp.allocate();
                irp.setCompletionRoutine((done, future) -> {
                    done.free();
                    threads.add(Thread.currentThread().getName());
                    bothInside.countDown();
                    try {
                        if (!bothInside.await(Completions.WAIT_SECONDS, TimeUnit.SECONDS)) {
                            future.completeExceptionally(new AssertionError("the other routine never ran"));
                            return NtStatus.MORE_PROCESSING_REQUIRED;
                        }
                        long started = System.nanoTime();
                        WskStats stats = provider.stats();
                        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                        if (stats.openSockets() != 2) {
                            future.completeExceptionally(new AssertionError("2 open sockets: " + stats));
                        }
                        future.complete(took);
                    } catch (Throwable t) {
                        future.completeExceptionally(t);
                    }
                    return NtStatus.MORE_PROCESSING_REQUIRED;
                }, millis.get(i), true, true, true);
                sockets[i].dispatch().getLocalAddress(sockets[i], irp);
            }
            for (int i = 0; i < 2; i++) {
                long took = millis.get(i).get(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
                // waiting for the other I/O thread would take its whole bound (a second): reading takes microseconds
                assertTrue(took < 500, "stats() on I/O thread " + i + " took " + took + " ms");
            }
            assertEquals(2, threads.size(), "one routine on each I/O thread: " + threads);
            for (int i = 0; i < 2; i++) {
                sockets[i].dispatch().closeSocket(sockets[i], completions.irp("close" + i));
                assertEquals(NtStatus.SUCCESS, completions.await("close" + i).status());
            }
        }
    }
}
