package io.wsk4j;

import static io.wsk4j.Loopback.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Defects a review of the provider core found, each reproduced before it was fixed. */
@Timeout(60)
class ReviewFindingsTest {
    private static Irp recorded(List<String> order, String name) {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, label) -> {
            order.add(label + ":" + done.status());
            done.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, name, true, true, true);
        return irp;
    }

    @Test
    @DisplayName("C2 X1 a close from a routine does not overtake a call another thread queued for the socket before it")
    void aDeferredCloseKeepsItsPlaceBehindQueuedCalls() throws Exception {
        try (Loopback lb = new Loopback(1)) {
            Connection c = lb.connect();
            List<String> order = new CopyOnWriteArrayList<>();
            Irp receive = Irp.allocate();
            receive.setCompletionRoutine((irp, socket) -> {
                irp.free();
                Thread other = new Thread(() -> socket.dispatch().send(socket, WskBuf.of(bytes("x")), SendFlags.NONE,
                        recorded(order, "send")));
                other.start();
                try {
                    other.join(10_000); // the send is queued for the loop, behind nothing
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                socket.dispatch().closeSocket(socket, recorded(order, "close"));
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, c.socket(), true, true, true);
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE, receive);
            c.peer().getOutputStream().write(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (order.size() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(2, order.size(), order.toString());
            assertEquals("close:" + NtStatus.SUCCESS, order.get(1), "the close completes last: " + order);
        }
    }

    @Test
    @DisplayName("D6 I6 a graceful disconnect cancelled from the routine of the send before it leaves the socket usable")
    void aGracefulCancelledAtTheHeadLeavesTheSocketSendable() throws Exception {
        try (Loopback lb = Loopback.withSmallPeerBuffer()) {
            Connection c = lb.connect();
            List<String> order = new CopyOnWriteArrayList<>();
            Irp graceful = recorded(order, "graceful");
            int size = 8 * 1024 * 1024;
            Irp send = Irp.allocate();
            send.setCompletionRoutine((irp, g) -> {
                order.add("send:" + irp.status());
                irp.free();
                g.cancel(); // the graceful is now at the head of the queue
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, graceful, true, true, true);
            c.dispatch().send(c.socket(), WskBuf.of(ByteBuffer.allocate(size)), SendFlags.NONE, send);
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, graceful);
            CompletableFuture<byte[]> peer = CompletableFuture.supplyAsync(() -> {
                try {
                    return Loopback.readToEnd(c.peer());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (order.size() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(List.of("send:" + NtStatus.SUCCESS, "graceful:" + NtStatus.CANCELLED), order);
            c.dispatch().send(c.socket(), WskBuf.of(bytes("after")), SendFlags.NONE, lb.completions.irp("after"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("after").status(), "sendable again (D6)");
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, lb.completions.irp("again"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("again").status(), "a new graceful disconnect");
            byte[] got = peer.get(30, TimeUnit.SECONDS);
            assertEquals(size + 5, got.length, "everything, then EOF");
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("C5 C6 WskProvider.close() while another thread is inside a dispatch call: later calls throw, none spins")
    void aForcedCloseWithACallInside() throws Exception {
        Loopback lb = new Loopback();
        try {
            Connection c = lb.connect();
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            WskBuf blocking = new WskBuf() { // foreign: the provider asks its buffer count inside the call, then refuses it
                @Override
                public long length() {
                    return 1;
                }

                @Override
                public int bufferCount() {
                    inside.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 1;
                }

                @Override
                public ByteBuffer buffer(int index) {
                    return ByteBuffer.allocate(1);
                }
            };
            BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();
            Thread caller = new Thread(() -> {
                for (WskBuf buffer : new WskBuf[] {blocking, WskBuf.of(bytes("y"))}) {
                    try {
                        c.dispatch().send(c.socket(), buffer, SendFlags.NONE, Irp.allocate());
                        outcomes.add("returned");
                    } catch (RuntimeException e) {
                        outcomes.add(e.getMessage());
                    }
                }
            });
            caller.start();
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            lb.provider.close(); // closes the forgotten socket while the caller is inside
            release.countDown();
            String first = outcomes.poll(10, TimeUnit.SECONDS);
            String second = outcomes.poll(10, TimeUnit.SECONDS);
            caller.join(10_000);
            assertTrue(first != null && !first.equals("returned"), "the foreign buffer is refused: " + first);
            assertTrue(second != null && second.contains("socket closed"), "the next call throws: " + second);
        } finally {
            lb.close();
        }
    }

    @Test
    @DisplayName("C3 D4 WskProvider.close() right after the seed's close still lets the peer read everything, then EOF")
    void providerCloseWaitsForLingeringConnections() throws Exception {
        int size = 4 * 1024 * 1024;
        Loopback lb = Loopback.withPeerReceiveBuffer(64 * 1024);
        try {
            Connection c = lb.connect();
            ByteBuffer data = Loopback.pattern(size, 5);
            byte[] expected = data.array().clone();
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return Loopback.readToEnd(c.peer());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            c.dispatch().send(c.socket(), WskBuf.of(data), SendFlags.NONE, lb.completions.irp("send"));
            lb.disconnectThenClose(c.socket(), "close");
            assertEquals(NtStatus.SUCCESS, lb.completions.await("close").status());
            CompletableFuture<Void> providerClosed = CompletableFuture.runAsync(lb.provider::close);
            byte[] chunk = new byte[4096];
            for (int i = 0; i < 64; i++) {
                c.peer().getOutputStream().write(chunk); // the peer goes on sending while it reads
            }
            assertArrayEquals(expected, read.get(30, TimeUnit.SECONDS), "all 4 MiB, then EOF");
            c.peer().close();
            providerClosed.get(30, TimeUnit.SECONDS);
        } finally {
            lb.close();
        }
    }

}
