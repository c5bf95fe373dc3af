package io.wsk4j;

import static io.wsk4j.Loopback.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Defects a review of the provider core found, each reproduced before it was fixed, that need application threads
 * racing the I/O thread (a simulation runs on one thread by design). The others are in {@code
 * io.wsk4j.conformance.ReviewFindingsTest}, on both transports.
 */
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

}
