package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC G5 (R1 for datagram sockets): a UDP echo driven by its completion routines on the I/O thread, one receiveFrom
 * and one sendTo IRP reused forever, allocates nothing per datagram once warm. Counted per thread by the JVM: exact,
 * not timed.
 */
@Timeout(120)
class DatagramAllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;
    private static final int MESSAGE = 64;

    /** The echo: receiveFrom, then sendTo back to irp.address(), then receiveFrom again, from the routines. */
    static final class Echo {
        final WskDatagramSocket socket;
        final ByteBuffer buffer = ByteBuffer.allocate(MESSAGE);
        final WskBuf receiveBuf = WskBuf.of(buffer);
        final WskBuf sendBuf = WskBuf.of(buffer);
        final Irp receiveIrp = Irp.allocate();
        final Irp sendIrp = Irp.allocate();
        final BlockingQueue<Long> loopThread = new LinkedBlockingQueue<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        /** A permit per receiveFrom in flight: the peer sees the echo before its routine posts the next one. */
        final Semaphore receivesPosted = new Semaphore(0);
        final CompletionRoutine<Echo> received = (irp, echo) -> echo.onReceived();
        final CompletionRoutine<Echo> sent = (irp, echo) -> echo.onSent();

        Echo(WskDatagramSocket socket) {
            this.socket = socket;
        }

        void receive() {
            receiveIrp.reuse(NtStatus.SUCCESS);
            receiveIrp.setCompletionRoutine(received, this, true, true, true);
            buffer.clear();
            socket.dispatch().receiveFrom(socket, receiveBuf, receiveIrp);
            receivesPosted.release();
        }

        NtStatus onReceived() {
            if (loopThread.isEmpty()) {
                loopThread.add(Thread.currentThread().getId());
            }
            if (receiveIrp.status() != NtStatus.SUCCESS) {
                if (receiveIrp.status() != NtStatus.CANCELLED) {
                    failures.add("receiveFrom completed " + receiveIrp.status());
                }
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }
            buffer.flip();
            SocketAddress source = receiveIrp.address();
            sendIrp.reuse(NtStatus.SUCCESS);
            sendIrp.setCompletionRoutine(sent, this, true, true, true);
            socket.dispatch().sendTo(socket, sendBuf, source, sendIrp);
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }

        NtStatus onSent() {
            if (sendIrp.status() == NtStatus.SUCCESS) {
                receive();
            } else {
                failures.add("sendTo completed " + sendIrp.status());
            }
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }
    }

    @Test
    @DisplayName("G5 steady-state sendTo and receiveFrom allocate 0 bytes per operation on the I/O thread")
    void datagramEchoAllocatesNothing() throws Exception {
        Method allocatedBytes = threadAllocatedBytes();
        Object threads = ManagementFactory.getThreadMXBean();
        List<String> errors = new CopyOnWriteArrayList<>();
        try (WskProvider provider = WskProvider.builder().ioThreads(1).closeTimeout(Duration.ofSeconds(2))
                .errorHandler((message, error) -> errors.add(message + ": " + error)).build();
                DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            peer.setSoTimeout(10_000);
            WskDatagramSocket socket = open(provider);
            SocketAddress local = localAddress(socket);
            Echo echo = new Echo(socket);
            echo.receive();
            DatagramPacket out = new DatagramPacket(new byte[MESSAGE], MESSAGE, local);
            DatagramPacket in = new DatagramPacket(new byte[MESSAGE], MESSAGE);

            roundTrips(peer, out, in, WARM_UP);
            Long loopThread = echo.loopThread.poll(10, TimeUnit.SECONDS);
            assertNotNull(loopThread);
            long before = (long) allocatedBytes.invoke(threads, loopThread);
            roundTrips(peer, out, in, MEASURED);
            long after = (long) allocatedBytes.invoke(threads, loopThread);

            double perOperation = (after - before) / (2.0 * MEASURED); // a receiveFrom and a sendTo per round trip
            System.out.printf("G5: %d bytes on the I/O thread over %d datagram round trips = %.3f B/op%n",
                    after - before, MEASURED, perOperation);
            assertTrue(perOperation < 1.0, "allocated " + (after - before) + " bytes over " + MEASURED
                    + " round trips (" + perOperation + " B/op)");
            // closing while the last sendTo's routine is still about to post the next receiveFrom would make that
            // call throw "socket closed" (SPEC C5): close once it is in flight, so that the close cancels it
            assertTrue(echo.receivesPosted.tryAcquire(1 + WARM_UP + MEASURED, 10, TimeUnit.SECONDS));
            close(socket);
            assertEquals(List.of(), echo.failures);
        }
        assertEquals(List.of(), errors);
    }

    private static void roundTrips(DatagramSocket peer, DatagramPacket out, DatagramPacket in, int count)
            throws Exception {
        for (int i = 0; i < count; i++) {
            out.getData()[0] = (byte) i;
            peer.send(out);
            in.setLength(MESSAGE);
            peer.receive(in); // a lost datagram on loopback fails the test through the time-out
            assertEquals((byte) i, in.getData()[0]);
        }
    }

    private static WskDatagramSocket open(WskProvider provider) throws Exception {
        BlockingQueue<Object> made = new LinkedBlockingQueue<>();
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, queue) -> {
            queue.add(done.status() == NtStatus.SUCCESS ? done.datagramSocket() : done.status());
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, made, true, true, true);
        provider.datagramSocket(null, null, irp);
        WskDatagramSocket socket = (WskDatagramSocket) made.poll(10, TimeUnit.SECONDS);
        irp.reuse(NtStatus.SUCCESS);
        irp.setCompletionRoutine((done, queue) -> {
            queue.add(done.status());
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, made, true, true, true);
        socket.dispatch().bind(socket, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), irp);
        assertEquals(NtStatus.SUCCESS, made.poll(10, TimeUnit.SECONDS));
        irp.free();
        return socket;
    }

    private static SocketAddress localAddress(WskDatagramSocket socket) throws Exception {
        BlockingQueue<SocketAddress> seen = new LinkedBlockingQueue<>();
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, queue) -> {
            queue.add(done.address());
            done.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, seen, true, true, true);
        socket.dispatch().getLocalAddress(socket, irp);
        return seen.poll(10, TimeUnit.SECONDS);
    }

    private static void close(WskDatagramSocket socket) throws Exception {
        BlockingQueue<NtStatus> closed = new LinkedBlockingQueue<>();
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, queue) -> {
            queue.add(done.status());
            done.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, closed, true, true, true);
        socket.dispatch().closeSocket(socket, irp);
        assertEquals(NtStatus.SUCCESS, closed.poll(10, TimeUnit.SECONDS));
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
