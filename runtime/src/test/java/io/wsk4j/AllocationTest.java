package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC R1: an echo driven by completion routines on the I/O thread, as a server written the WSK way would be, must
 * allocate nothing per round trip once warm. Allocation is counted per thread by the JVM, so this is exact, not
 * timed.
 */
@Timeout(120)
class AllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;
    private static final int MESSAGE = 64;

    /** Echo state: one receive IRP and one send IRP, reused forever, as the seed's routines would. */
    static final class Echo {
        final WskSocket socket;
        final ByteBuffer buffer = ByteBuffer.allocate(MESSAGE);
        final WskBuf receiveBuf = WskBuf.of(buffer);
        final WskBuf sendBuf = WskBuf.of(buffer);
        final Irp receiveIrp = Irp.allocate();
        final Irp sendIrp = Irp.allocate();
        final BlockingQueue<Long> loopThread = new LinkedBlockingQueue<>();
        final CompletionRoutine<Echo> received = (irp, echo) -> echo.onReceived();
        final CompletionRoutine<Echo> sent = (irp, echo) -> echo.onSent();
        /** SPEC N2: the deadline of every receive and send, or null for none. */
        final java.time.Duration deadline;

        Echo(WskSocket socket, java.time.Duration deadline) {
            this.socket = socket;
            this.deadline = deadline;
        }

        void receive() {
            receiveIrp.reuse(NtStatus.SUCCESS);
            receiveIrp.setCompletionRoutine(received, this, true, true, true);
            if (deadline != null) {
                receiveIrp.cancelAfter(deadline);
            }
            buffer.clear();
            socket.dispatch().receive(socket, receiveBuf, ReceiveFlags.WAITALL, receiveIrp);
        }

        NtStatus onReceived() {
            if (loopThread.isEmpty()) {
                loopThread.add(Thread.currentThread().getId());
            }
            if (receiveIrp.status() == NtStatus.SUCCESS && receiveIrp.information() == MESSAGE) {
                buffer.flip();
                sendIrp.reuse(NtStatus.SUCCESS);
                sendIrp.setCompletionRoutine(sent, this, true, true, true);
                if (deadline != null) {
                    sendIrp.cancelAfter(deadline);
                }
                socket.dispatch().send(socket, sendBuf, SendFlags.NODELAY, sendIrp);
            }
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }

        NtStatus onSent() {
            if (sendIrp.status() == NtStatus.SUCCESS) {
                receive();
            }
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }
    }

    @Test
    @DisplayName("R1 steady-state send and receive allocate 0 bytes per operation on the I/O thread")
    void echoAllocatesNothing() throws Exception {
        echo(null);
    }

    @Test
    @DisplayName("N2 R1 with a deadline on every send and receive (armed, then disarmed by the completion), still 0 B/op")
    void deadlinesAllocateNothing() throws Exception {
        echo(java.time.Duration.ofMinutes(1));
    }

    private void echo(java.time.Duration deadline) throws Exception {
        Method allocatedBytes = threadAllocatedBytes();
        Object threads = ManagementFactory.getThreadMXBean();
        try (Loopback lb = new Loopback(1)) {
            Connection c = lb.connect();
            c.socket().dispatch().send(c.socket(), WskBuf.of(ByteBuffer.allocate(1)), SendFlags.NODELAY,
                    lb.completions.irp("nodelay"));
            lb.completions.await("nodelay");
            c.peer().getInputStream().read();
            c.peer().setTcpNoDelay(true);
            Echo echo = new Echo(c.socket(), deadline);
            echo.receive();
            OutputStream out = c.peer().getOutputStream();
            DataInputStream in = new DataInputStream(c.peer().getInputStream());
            byte[] message = new byte[MESSAGE];
            byte[] reply = new byte[MESSAGE];

            roundTrips(out, in, message, reply, WARM_UP);
            Long loopThread = echo.loopThread.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(loopThread);
            long before = (long) allocatedBytes.invoke(threads, loopThread);
            roundTrips(out, in, message, reply, MEASURED);
            long after = (long) allocatedBytes.invoke(threads, loopThread);

            double perOperation = (after - before) / (2.0 * MEASURED); // a receive and a send per round trip
            System.out.printf("R1%s: %d bytes on the I/O thread over %d round trips = %.3f B/op%n",
                    deadline == null ? "" : " with deadlines", after - before, MEASURED, perOperation);
            assertTrue(perOperation < 1.0, "allocated " + (after - before) + " bytes over " + MEASURED
                    + " round trips (" + perOperation + " B/op)");
            lb.closeSocket(c.socket());
        }
    }

    /** A client that runs whole lifecycles from its completion routines, on the I/O thread, one after another. */
    static final class Churn {
        final WskProvider provider;
        final java.net.SocketAddress server;
        final IrpPool pool = new IrpPool(16);
        final ByteBuffer message = ByteBuffer.allocate(MESSAGE);
        final WskBuf messageBuf = WskBuf.of(message);
        final ByteBuffer sink = ByteBuffer.allocate(16);
        final WskBuf sinkBuf = WskBuf.of(sink);
        final java.util.concurrent.CountDownLatch done;
        final BlockingQueue<Long> loopThread = new LinkedBlockingQueue<>();
        final BlockingQueue<String> failures = new LinkedBlockingQueue<>();
        final CompletionRoutine<Churn> connected = (irp, c) -> c.step(irp, 0);
        final CompletionRoutine<Churn> sent = (irp, c) -> c.step(irp, 1);
        final CompletionRoutine<Churn> disconnected = (irp, c) -> c.step(irp, 2);
        final CompletionRoutine<Churn> finReceived = (irp, c) -> c.step(irp, 3);
        final CompletionRoutine<Churn> closed = (irp, c) -> c.step(irp, 4);
        WskSocket socket;
        int remaining;

        Churn(WskProvider provider, java.net.SocketAddress server, int lifecycles) {
            this.provider = provider;
            this.server = server;
            this.remaining = lifecycles;
            this.done = new java.util.concurrent.CountDownLatch(1);
        }

        private Irp irp(CompletionRoutine<Churn> routine) {
            Irp irp = pool.take();
            irp.setCompletionRoutine(routine, this, true, true, true);
            return irp;
        }

        void start() {
            provider.socketConnect(server, this, null, irp(connected));
        }

        NtStatus step(Irp irp, int which) {
            NtStatus status = irp.status();
            WskSocket made = irp.socket();
            long information = irp.information();
            pool.recycle(irp);
            if (loopThread.isEmpty()) {
                loopThread.add(Thread.currentThread().getId());
            }
            if (status != NtStatus.SUCCESS) {
                failures.add("step " + which + " completed " + status);
                done.countDown();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }
            switch (which) {
                case 0 -> {
                    socket = made;
                    message.clear();
                    socket.dispatch().send(socket, messageBuf, SendFlags.NONE, irp(sent));
                }
                case 1 -> socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, irp(disconnected));
                case 2 -> {
                    sink.clear();
                    socket.dispatch().receive(socket, sinkBuf, ReceiveFlags.NONE, irp(finReceived));
                }
                case 3 -> {
                    if (information != 0) {
                        failures.add("the peer sent data");
                    }
                    socket.dispatch().closeSocket(socket, irp(closed));
                }
                default -> {
                    if (--remaining > 0) {
                        start();
                    } else {
                        done.countDown();
                    }
                }
            }
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }
    }

    @Test
    @DisplayName("R1 what one whole graceful lifecycle allocates on the I/O thread (connect, send, FIN, FIN, close)")
    void lifecycleAllocation() throws Exception {
        Method allocatedBytes = threadAllocatedBytes();
        Object threads = ManagementFactory.getThreadMXBean();
        int warmUp = 300;
        int measured = 1000;
        try (Loopback lb = new Loopback(1)) {
            Thread peers = new Thread(() -> {
                try {
                    for (int i = 0; i < warmUp + measured; i++) {
                        try (java.net.Socket peer = lb.server.accept()) {
                            peer.setSoTimeout(Loopback.PEER_TIMEOUT_MILLIS);
                            peer.getInputStream().readAllBytes(); // the message, then our FIN
                        } // the peer's FIN
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "lifecycle-peers");
            peers.setDaemon(true);
            peers.start();

            Churn warm = new Churn(lb.provider, lb.address(), warmUp);
            warm.start();
            assertTrue(warm.done.await(60, TimeUnit.SECONDS), "warm-up finished");
            assertTrue(warm.failures.isEmpty(), warm.failures.toString());
            long loopThread = warm.loopThread.take();

            Churn churn = new Churn(lb.provider, lb.address(), measured);
            long before = (long) allocatedBytes.invoke(threads, loopThread);
            churn.start();
            assertTrue(churn.done.await(60, TimeUnit.SECONDS), "lifecycles finished");
            long after = (long) allocatedBytes.invoke(threads, loopThread);
            assertTrue(churn.failures.isEmpty(), churn.failures.toString());
            long perLifecycle = (after - before) / measured;
            System.out.printf("R1: one graceful lifecycle allocates about %d bytes on the I/O thread"
                    + " (%d lifecycles, JDK channel objects included)%n", perLifecycle, measured);
            assertTrue(perLifecycle < 64 * 1024, perLifecycle + " bytes per lifecycle");
            assertEquals(0, lb.provider.openSocketCount());
            assertTrue(lb.errors.isEmpty(), lb.errors.toString());
            peers.join(10_000);
        }
    }

    private static void roundTrips(OutputStream out, DataInputStream in, byte[] message, byte[] reply, int count)
            throws Exception {
        for (int i = 0; i < count; i++) {
            message[0] = (byte) i;
            out.write(message);
            in.readFully(reply);
            assertEquals(message[0], reply[0]);
        }
    }

    private static Method threadAllocatedBytes() {
        try {
            Class<?> bean = Class.forName("com.sun.management.ThreadMXBean");
            Assumptions.assumeTrue(bean.isInstance(ManagementFactory.getThreadMXBean()));
            return bean.getMethod("getThreadAllocatedBytes", long.class);
        } catch (ReflectiveOperationException e) {
            Assumptions.abort("this JVM does not count allocation per thread: " + e);
            return null;
        }
    }
}
