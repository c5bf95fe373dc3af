package io.wsk4j;

import static io.wsk4j.GracefulDisconnectTest.assertResetSent;
import static io.wsk4j.Loopback.bytes;
import static io.wsk4j.Loopback.endOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What only the real network shows of SPEC C: the resets the kernel counts (Tcp OutRsts), and application threads
 * racing the I/O thread (a simulation runs on one thread by design). The behaviour every transport shares is in
 * {@code io.wsk4j.conformance.CloseSocketTest}.
 */
@Timeout(60)
class CloseSocketTest {
    @Test
    @DisplayName("C3 on the wire: closing without a disconnect sends an RST (Tcp OutRsts)")
    void closeWithoutDisconnectResets() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            long rsts = Loopback.outRsts();
            lb.closeSocket(c.socket());
            assertEquals("RESET", endOf(c.peer()));
            assertResetSent(rsts);
        }
    }

    @Test
    @DisplayName("C3 on the wire: closing after both directions disconnected sends no RST (Tcp OutRsts unchanged)")
    void closeAfterBothFinsIsQuiet() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            c.dispatch().disconnect(c.socket(), WskBuf.of(bytes("bye")), DisconnectMode.GRACEFUL,
                    lb.completions.irp("graceful"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("graceful").status());
            assertEquals("EOF", endOf(c.peer()));
            c.peer().shutdownOutput();
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                    lb.completions.irp("fin"));
            assertEquals(0, lb.completions.await("fin").information(), "the peer's FIN was read");
            long rsts = Loopback.outRsts();
            lb.closeSocket(c.socket());
            if (rsts >= 0) {
                assertEquals(rsts, Loopback.outRsts(), "no RST went out");
            }
        }
    }

    @Test
    @DisplayName("C5 C2 closeSocket while the I/O thread is inside a dispatch call of the socket: later calls throw, the close runs after that call")
    void closeWhileInsideADispatchCall() throws Exception {
        try (Loopback lb = new Loopback(1)) {
            Connection c = lb.connect();
            Connection other = lb.connect(); // on the same, only I/O thread
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch tried = new CountDownLatch(1);
            Irp trigger = Irp.allocate();
            trigger.setCompletionRoutine((irp, socket) -> {
                // on the I/O thread, in a routine of another socket: this send completes inside its own dispatch
                // call, and its routine waits there
                Irp nested = Irp.allocate();
                nested.setCompletionRoutine((n, ignored) -> {
                    inside.countDown();
                    try {
                        tried.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    n.free();
                    return NtStatus.MORE_PROCESSING_REQUIRED;
                }, null, true, true, true);
                socket.dispatch().send(socket, WskBuf.of(bytes("x")), SendFlags.NONE, nested);
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, c.socket(), true, true, true);
            other.dispatch().getLocalAddress(other.socket(), trigger);
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            NtStatus closing;
            try {
                closing = c.dispatch().closeSocket(c.socket(), lb.completions.irp("close"));
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.dispatch().send(c.socket(),
                        WskBuf.of(bytes("late")), SendFlags.NONE, Irp.allocate()));
                assertTrue(e.getMessage().contains("socket closed"), e.getMessage());
                lb.completions.assertNotCompleted("close"); // the I/O thread is still inside the send call
            } finally {
                tried.countDown();
            }
            assertEquals(NtStatus.PENDING, closing, "the I/O thread's call hands the close over when it returns");
            assertEquals(NtStatus.SUCCESS, lb.completions.await("close").status());
            lb.closeSocket(other.socket());
        }
    }

    @Test
    @DisplayName("B3 C5 close racing sends from other threads: each send completes once or throws; nothing hangs")
    void closeRacingSends() throws Exception {
        try (Loopback lb = new Loopback()) {
            IrpPool pool = new IrpPool(64);
            for (int round = 0; round < 20; round++) {
                Connection c = lb.connect();
                Semaphore completed = new Semaphore(0);
                Semaphore refused = new Semaphore(0);
                CompletionRoutine<Semaphore> counting = (irp, counter) -> {
                    counter.release();
                    pool.recycle(irp);
                    return NtStatus.MORE_PROCESSING_REQUIRED;
                };
                int sendsPerThread = 50;
                Thread[] senders = new Thread[2];
                for (int t = 0; t < senders.length; t++) {
                    senders[t] = new Thread(() -> {
                        for (int i = 0; i < sendsPerThread; i++) {
                            Irp irp = pool.take();
                            irp.setCompletionRoutine(counting, completed, true, true, true);
                            try {
                                c.dispatch().send(c.socket(), WskBuf.of(bytes("0123456789")), SendFlags.NONE, irp);
                            } catch (IllegalStateException closedOrBusy) {
                                refused.release();
                                pool.recycle(irp);
                            }
                        }
                    });
                    senders[t].start();
                }
                boolean closed = false;
                while (!closed) {
                    try {
                        lb.closeSocket(c.socket());
                        closed = true;
                    } catch (IllegalStateException anotherThreadInside) {
                        assertTrue(anotherThreadInside.getMessage().contains("another thread"));
                    }
                }
                for (Thread sender : senders) {
                    sender.join(10_000);
                    assertTrue(!sender.isAlive(), "a sender hung");
                }
                int sent = senders.length * sendsPerThread - refused.availablePermits();
                assertTrue(completed.tryAcquire(sent, 10, TimeUnit.SECONDS), "every accepted send completed");
                assertEquals(0, completed.availablePermits(), "no send completed twice");
                c.peer().close();
            }
            assertEquals(0, pool.outstanding(), "B3: every IRP is back in the pool");
        }
    }
}
