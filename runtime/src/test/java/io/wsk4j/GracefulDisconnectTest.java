package io.wsk4j;

import static io.wsk4j.Loopback.bytes;
import static io.wsk4j.Loopback.endOf;
import static io.wsk4j.Loopback.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What only the real network shows of SPEC D: the resets counted by the kernel (Tcp OutRsts). The behaviour every
 * transport shares is in {@code io.wsk4j.conformance.GracefulDisconnectTest}; the helpers here serve the other NIO tests.
 */
@Timeout(60)
class GracefulDisconnectTest {
    private static final int MIB = 1024 * 1024;

    @Test
    @DisplayName("D5 C3 on the wire: closing after both FINs sends no reset (Tcp OutRsts unchanged)")
    void halfClose() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            ByteBuffer early = ByteBuffer.allocate(64);
            c.dispatch().receive(c.socket(), WskBuf.of(early), ReceiveFlags.NONE, lb.completions.irp("receive-early"));
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, lb.completions.irp("disconnect"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("disconnect").status());
            assertEquals(-1, c.peer().getInputStream().read(), "the peer sees our FIN");

            c.dispatch().send(c.socket(), WskBuf.of(bytes("too late")), SendFlags.NONE,
                    lb.completions.irp("send-after"));
            assertEquals(NtStatus.PIPE_DISCONNECTED, lb.completions.await("send-after").status());

            OutputStream out = c.peer().getOutputStream();
            out.write("still talking".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Completions.Done received = lb.completions.await("receive-early");
            assertEquals(NtStatus.SUCCESS, received.status());
            assertEquals("still talking", text(early, received.information()));

            c.peer().shutdownOutput();
            ByteBuffer last = ByteBuffer.allocate(64);
            c.dispatch().receive(c.socket(), WskBuf.of(last), ReceiveFlags.NONE, lb.completions.irp("receive-fin"));
            Completions.Done fin = lb.completions.await("receive-fin");
            assertEquals(NtStatus.SUCCESS, fin.status());
            assertEquals(0, fin.information(), "X2: 0 bytes at the peer's FIN");

            long rsts = Loopback.outRsts();
            lb.closeSocket(c.socket());
            if (rsts >= 0) {
                assertEquals(rsts, Loopback.outRsts(), "C3: closing after both FINs sends no reset");
            }
            lb.completions.assertEachCompletedOnce();
        }
    }

    @Test
    @DisplayName("D7 on the wire: the abort of a stuck graceful disconnect sends an RST (Tcp OutRsts)")
    void stuckGracefulThenAbort() throws Exception {
        try (Loopback lb = Loopback.withSmallPeerBuffer()) {
            Connection c = stuckGraceful(lb);
            long rsts = Loopback.outRsts();

            NtStatus abort = c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE,
                    lb.completions.irp("abort"));

            assertEquals(NtStatus.SUCCESS, lb.completions.await("abort").status());
            assertEquals(NtStatus.CONNECTION_ABORTED, lb.completions.await("disconnect").status());
            assertEquals(NtStatus.CANCELLED, lb.completions.await("send").status());
            assertTrue(abort == NtStatus.SUCCESS || abort == NtStatus.PENDING);
            assertEquals("RESET", endOf(c.peer()));
            assertResetSent(rsts);
            lb.closeSocket(c.socket());
            lb.completions.assertEachCompletedOnce();
        }
    }

    @Test
    @DisplayName("C3 on the wire: closing a stuck graceful disconnect sends an RST (Tcp OutRsts)")
    void stuckGracefulThenClose() throws Exception {
        try (Loopback lb = Loopback.withSmallPeerBuffer()) {
            Connection c = stuckGraceful(lb);
            long rsts = Loopback.outRsts();

            c.dispatch().closeSocket(c.socket(), lb.completions.irp("close"));

            assertEquals(NtStatus.SUCCESS, lb.completions.await("close").status());
            List<String> order = lb.completions.namesInOrder();
            assertTrue(order.indexOf("disconnect") < order.indexOf("close"), "C2: pending IRPs before close: " + order);
            assertTrue(order.indexOf("send") < order.indexOf("close"), "C2: pending IRPs before close: " + order);
            assertEquals(NtStatus.CONNECTION_ABORTED, lb.completions.await("disconnect").status());
            assertEquals(NtStatus.CANCELLED, lb.completions.await("send").status());
            assertEquals("RESET", endOf(c.peer()));
            assertResetSent(rsts);
            lb.completions.assertEachCompletedOnce();
        }
    }

    static final int STUCK_BYTES = 8 * MIB; // more than the largest send buffer Linux grows to (tcp_wmem max, 4 MiB)

    private static Connection stuckGraceful(Loopback lb) throws Exception {
        return stuckGraceful(lb, lb.completions.irp("disconnect"));
    }

    /** A connection whose peer does not read: STUCK_BYTES queued, then a graceful disconnect that cannot drain. */
    static Connection stuckGraceful(Loopback lb, Irp disconnect) throws Exception {
        Connection c = lb.connect();
        c.dispatch().send(c.socket(), WskBuf.of(pattern(STUCK_BYTES, 7)), SendFlags.NONE, lb.completions.irp("send"));
        c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, disconnect);
        barrier(lb, c);
        lb.completions.assertNotCompleted("disconnect");
        lb.completions.assertNotCompleted("send");
        return c;
    }

    /** Waits until the socket's loop has handled everything issued before (an operation queued behind them). */
    static void barrier(Loopback lb, Connection c) throws InterruptedException {
        String name = "barrier-" + System.nanoTime();
        c.dispatch().getLocalAddress(c.socket(), lb.completions.irp(name));
        assertEquals(NtStatus.SUCCESS, lb.completions.await(name).status());
    }

    static void assertResetSent(long rstsBefore) throws Exception {
        if (rstsBefore >= 0) {
            assertTrue(Loopback.outRsts() > rstsBefore, "Tcp OutRsts rose: an RST went on the wire");
        }
    }

    private static byte[] readSlowly(InputStream in) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            all.write(chunk, 0, n);
        }
        return all.toByteArray();
    }

    private static String text(ByteBuffer buffer, long length) {
        return new String(buffer.array(), 0, (int) length, StandardCharsets.US_ASCII);
    }
}
