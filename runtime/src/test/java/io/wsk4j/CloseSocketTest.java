package io.wsk4j;

import static io.wsk4j.GracefulDisconnectTest.assertResetSent;
import static io.wsk4j.GracefulDisconnectTest.barrier;
import static io.wsk4j.Loopback.bytes;
import static io.wsk4j.Loopback.endOf;
import static io.wsk4j.Loopback.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CloseSocketTest {
    @Test
    @DisplayName("C1 C2 close with pending send, receive and graceful disconnect completes each first, then SUCCESS")
    void closeWithPendingWork() throws Exception {
        try (Loopback lb = Loopback.withSmallPeerBuffer()) {
            Connection c = lb.connect();
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(16)), ReceiveFlags.NONE,
                    lb.completions.irp("receive"));
            c.dispatch().send(c.socket(), WskBuf.of(pattern(8 << 20, 2)), SendFlags.NONE, lb.completions.irp("send"));
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, lb.completions.irp("graceful"));
            barrier(lb, c);

            c.dispatch().closeSocket(c.socket(), lb.completions.irp("close"));

            assertEquals(NtStatus.SUCCESS, lb.completions.await("close").status());
            assertEquals(NtStatus.CANCELLED, lb.completions.await("receive").status());
            assertEquals(NtStatus.CANCELLED, lb.completions.await("send").status());
            assertEquals(NtStatus.CONNECTION_ABORTED, lb.completions.await("graceful").status());
            List<String> order = lb.completions.namesInOrder();
            assertEquals("close", order.get(order.size() - 1), "C2: the close IRP completes last: " + order);
            lb.completions.assertEachCompletedOnce();
        }
    }

    @Test
    @DisplayName("C2 close with a pending connect completes the connect CANCELLED before the close")
    void closeWithPendingConnect() throws Exception {
        try (Loopback lb = new Loopback();
                ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // a listener that never accepts, with its accept queue filled: further SYNs are dropped, so our connect waits
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort());
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket filler = new Socket();
                    fillers.add(filler);
                    try {
                        filler.connect(target, 200);
                    } catch (java.net.SocketTimeoutException queueFull) {
                        break;
                    }
                }
                lb.provider.socket(null, null, lb.completions.irp("socket"));
                WskSocket socket = lb.completions.await("socket").socket();
                socket.dispatch().connect(socket, target, lb.completions.irp("connect"));
                String barrier = "barrier";
                socket.dispatch().getLocalAddress(socket, lb.completions.irp(barrier));
                lb.completions.await(barrier);
                lb.completions.assertNotCompleted("connect");

                socket.dispatch().closeSocket(socket, lb.completions.irp("close"));

                assertEquals(NtStatus.SUCCESS, lb.completions.await("close").status());
                assertEquals(NtStatus.CANCELLED, lb.completions.await("connect").status());
                List<String> order = lb.completions.namesInOrder();
                assertTrue(order.indexOf("connect") < order.indexOf("close"), order.toString());
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    @DisplayName("C3 closing without a disconnect resets the peer")
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
    @DisplayName("C3 closing after both directions disconnected sends no reset")
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
    @DisplayName("C4 the socket context is not referenced by the runtime after the close IRP completed")
    void contextReleasedAfterClose() throws Exception {
        try (Loopback lb = new Loopback()) {
            Object context = new Object();
            WeakReference<Object> ref = new WeakReference<>(context);
            Connection c = lb.connect(context, new WskClientConnectionDispatch<Object>() {});
            context = null;
            lb.closeSocket(c.socket());
            for (int i = 0; i < 50 && ref.get() != null; i++) {
                System.gc();
            }
            assertNull(ref.get(), "the context was collected: nothing of the runtime holds it");
        }
    }

    @Test
    @DisplayName("C5 every call on a closed socket throws IllegalStateException, a second close included")
    void callsAfterCloseThrow() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            lb.closeSocket(c.socket());
            WskProviderConnectionDispatch d = c.dispatch();
            WskSocket s = c.socket();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> d.send(s, WskBuf.of(bytes("x")), SendFlags.NONE, lb.completions.irp("send")));
            assertTrue(e.getMessage().contains("socket closed"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> d.closeSocket(s, lb.completions.irp("close-2")));
            assertThrows(IllegalStateException.class,
                    () -> d.receive(s, WskBuf.of(ByteBuffer.allocate(1)), ReceiveFlags.NONE, lb.completions.irp("r")));
            assertThrows(IllegalStateException.class,
                    () -> d.disconnect(s, null, DisconnectMode.GRACEFUL, lb.completions.irp("d")));
            assertThrows(IllegalStateException.class, () -> d.getLocalAddress(s, lb.completions.irp("a")));
            for (String refused : List.of("send", "close-2", "r", "d", "a")) {
                lb.completions.assertNotCompleted(refused);
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
