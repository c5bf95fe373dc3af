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

        Echo(WskSocket socket) {
            this.socket = socket;
        }

        void receive() {
            receiveIrp.reuse(NtStatus.SUCCESS);
            receiveIrp.setCompletionRoutine(received, this, true, true, true);
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
                socket.dispatch().send(socket, sendBuf, SendFlags.NONE, sendIrp);
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
        Method allocatedBytes = threadAllocatedBytes();
        Object threads = ManagementFactory.getThreadMXBean();
        try (Loopback lb = new Loopback(1)) {
            Connection c = lb.connect();
            c.socket().dispatch().send(c.socket(), WskBuf.of(ByteBuffer.allocate(1)), SendFlags.NODELAY,
                    lb.completions.irp("nodelay"));
            lb.completions.await("nodelay");
            c.peer().getInputStream().read();
            c.peer().setTcpNoDelay(true);
            Echo echo = new Echo(c.socket());
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
            System.out.printf("R1: %d bytes on the I/O thread over %d round trips = %.3f B/op%n",
                    after - before, MEASURED, perOperation);
            assertTrue(perOperation < 1.0, "allocated " + (after - before) + " bytes over " + MEASURED
                    + " round trips (" + perOperation + " B/op)");
            lb.closeSocket(c.socket());
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
