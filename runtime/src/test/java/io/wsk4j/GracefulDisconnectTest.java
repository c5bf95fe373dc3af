package io.wsk4j;

import static io.wsk4j.Loopback.bytes;
import static io.wsk4j.Loopback.endOf;
import static io.wsk4j.Loopback.pattern;
import static io.wsk4j.Loopback.readToEnd;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

@Timeout(60)
class GracefulDisconnectTest {
    private static final int MIB = 1024 * 1024;

    @Test
    @DisplayName("D3 D4 X1 graceful disconnect after 3 pending sends of 1 MiB: peer reads 3 MiB in order, then EOF")
    void gracefulAfterPendingSends() throws Exception {
        try (Loopback lb = Loopback.withSmallPeerBuffer()) {
            Connection c = lb.connect();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int i = 0; i < 3; i++) {
                ByteBuffer chunk = pattern(MIB, i);
                expected.write(chunk.array());
                c.dispatch().send(c.socket(), WskBuf.of(chunk), SendFlags.NONE, lb.completions.irp("send" + i));
            }
            NtStatus started = c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL,
                    lb.completions.irp("disconnect"));
            assertEquals(NtStatus.PENDING, started, "the peer has not read yet, so the disconnect cannot be done");
            barrier(lb, c);
            lb.completions.assertNotCompleted("disconnect");

            byte[] received = readSlowly(c.peer().getInputStream());

            assertArrayEquals(expected.toByteArray(), received, "3 MiB in order, then EOF");
            Completions.Done disconnect = lb.completions.await("disconnect");
            assertEquals(NtStatus.SUCCESS, disconnect.status());
            assertEquals(0, disconnect.information(), "D4: a disconnect reports information 0");
            List<String> order = lb.completions.namesInOrder().stream()
                    .filter(name -> name.startsWith("send") || name.startsWith("disconnect"))
                    .toList();
            assertEquals(List.of("send0", "send1", "send2", "disconnect"), order,
                    "the disconnect IRP completes after the last send IRP");
            for (int i = 0; i < 3; i++) {
                assertEquals(MIB, lb.completions.await("send" + i).information(), "I7: bytes sent");
            }
            lb.closeSocket(c.socket());
            lb.completions.assertEachCompletedOnce();
        }
    }

    @Test
    @DisplayName("D3 D4 graceful disconnect with a final buffer: the peer reads the data, the final buffer, then EOF")
    void gracefulWithFinalBuffer() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            c.dispatch().send(c.socket(), WskBuf.of(bytes("hello ")), SendFlags.NONE, lb.completions.irp("send"));
            c.dispatch().disconnect(c.socket(), WskBuf.of(bytes("world")), DisconnectMode.GRACEFUL,
                    lb.completions.irp("disconnect"));

            assertEquals("hello world", new String(readToEnd(c.peer()), StandardCharsets.US_ASCII));
            Completions.Done disconnect = lb.completions.await("disconnect");
            assertEquals(NtStatus.SUCCESS, disconnect.status());
            assertEquals(0, disconnect.information(), "D4: information 0 even with a final buffer");
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("D5 after a graceful disconnect the socket receives until the peer's FIN; a later send is PIPE_DISCONNECTED")
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
    @DisplayName("D6 D7 a graceful disconnect that cannot drain stays pending; an abortive disconnect forces it")
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
    @DisplayName("D6 C2 a graceful disconnect that cannot drain is forced by closeSocket with CONNECTION_ABORTED")
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

    @Test
    @DisplayName("D6 I6 cancelling a graceful disconnect that cannot drain completes it CANCELLED and keeps the queue")
    void stuckGracefulThenCancel() throws Exception {
        try (Loopback lb = Loopback.withSmallPeerBuffer()) {
            Irp disconnect = lb.completions.irp("disconnect");
            Connection c = stuckGraceful(lb, disconnect);

            assertTrue(disconnect.cancel(), "a pending graceful disconnect can be cancelled");
            Completions.Done cancelled = lb.completions.await("disconnect");
            assertEquals(NtStatus.CANCELLED, cancelled.status());
            assertEquals(0, cancelled.information());
            lb.completions.assertNotCompleted("send");

            // the queue was kept: the peer still gets every byte, and a new graceful disconnect then ends cleanly
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, lb.completions.irp("disconnect-2"));
            byte[] all = readSlowly(c.peer().getInputStream());
            assertEquals(STUCK_BYTES, all.length);
            assertEquals(NtStatus.SUCCESS, lb.completions.await("send").status());
            assertEquals(NtStatus.SUCCESS, lb.completions.await("disconnect-2").status());
            lb.closeSocket(c.socket());
            lb.completions.assertEachCompletedOnce();
        }
    }

    @Test
    @DisplayName("D9 a peer reset during a graceful disconnect completes it and the pending sends with CONNECTION_RESET")
    void peerResetDuringGraceful() throws Exception {
        try (Loopback lb = Loopback.withSmallPeerBuffer()) {
            Connection c = stuckGraceful(lb);

            c.peer().setSoLinger(true, 0);
            c.peer().close();

            assertEquals(NtStatus.CONNECTION_RESET, lb.completions.await("disconnect").status());
            Completions.Done send = lb.completions.await("send");
            assertEquals(NtStatus.CONNECTION_RESET, send.status());
            assertTrue(send.information() < STUCK_BYTES, "no byte is claimed as sent that the transport did not take");
            lb.closeSocket(c.socket());
            lb.completions.assertEachCompletedOnce();
        }
    }

    @Test
    @DisplayName("D8 a second graceful or abortive disconnect is INVALID_DEVICE_STATE and leaves the first alone")
    void secondDisconnect() throws Exception {
        try (Loopback lb = Loopback.withSmallPeerBuffer()) {
            Connection c = stuckGraceful(lb);

            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, lb.completions.irp("graceful-2"));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, lb.completions.await("graceful-2").status());
            lb.completions.assertNotCompleted("disconnect");

            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, lb.completions.irp("abort-1"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("abort-1").status(), "abortive after graceful is allowed");
            assertEquals(NtStatus.CONNECTION_ABORTED, lb.completions.await("disconnect").status());
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, lb.completions.irp("abort-2"));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, lb.completions.await("abort-2").status());
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, lb.completions.irp("graceful-3"));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, lb.completions.await("graceful-3").status());
            lb.closeSocket(c.socket());
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
