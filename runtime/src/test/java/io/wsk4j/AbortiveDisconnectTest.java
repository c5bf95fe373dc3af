package io.wsk4j;

import static io.wsk4j.GracefulDisconnectTest.assertResetSent;
import static io.wsk4j.GracefulDisconnectTest.barrier;
import static io.wsk4j.Loopback.bytes;
import static io.wsk4j.Loopback.endOf;
import static io.wsk4j.Loopback.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsk4j.Loopback.Connection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AbortiveDisconnectTest {
    @Test
    @DisplayName("D7 abortive disconnect: RST, pending sends CANCELLED, receives CONNECTION_ABORTED, later calls too")
    void abortiveWithPendingWork() throws Exception {
        try (Loopback lb = Loopback.withSmallPeerBuffer()) {
            Connection c = lb.connect();
            c.dispatch().send(c.socket(), WskBuf.of(pattern(8 << 20, 1)), SendFlags.NONE, lb.completions.irp("send"));
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(16)), ReceiveFlags.NONE,
                    lb.completions.irp("receive"));
            barrier(lb, c);
            long rsts = Loopback.outRsts();

            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, lb.completions.irp("abort"));

            assertEquals(NtStatus.SUCCESS, lb.completions.await("abort").status());
            assertEquals(NtStatus.CANCELLED, lb.completions.await("send").status());
            assertEquals(NtStatus.CONNECTION_ABORTED, lb.completions.await("receive").status());
            assertEquals("RESET", endOf(c.peer()), "the peer sees Connection reset, never EOF");
            assertResetSent(rsts);

            c.dispatch().send(c.socket(), WskBuf.of(bytes("x")), SendFlags.NONE, lb.completions.irp("send-later"));
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(4)), ReceiveFlags.NONE,
                    lb.completions.irp("receive-later"));
            assertEquals(NtStatus.CONNECTION_ABORTED, lb.completions.await("send-later").status());
            assertEquals(NtStatus.CONNECTION_ABORTED, lb.completions.await("receive-later").status());
            lb.closeSocket(c.socket());
            lb.completions.assertEachCompletedOnce();
        }
    }

    @Test
    @DisplayName("D7 abortive disconnect of an idle connection resets the peer without a FIN first")
    void abortiveIdle() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            long rsts = Loopback.outRsts();
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, lb.completions.irp("abort"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("abort").status());
            assertEquals("RESET", endOf(c.peer()));
            assertResetSent(rsts);
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("D2 B2 abortive with a buffer is INVALID_PARAMETER, sends nothing and leaves the socket usable")
    void abortiveWithBuffer() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            NtStatus status = c.dispatch().disconnect(c.socket(), WskBuf.of(bytes("no")), DisconnectMode.ABORTIVE,
                    lb.completions.irp("abort"));
            assertEquals(NtStatus.INVALID_PARAMETER, status, "completed synchronously with the status");
            Completions.Done done = lb.completions.await("abort");
            assertEquals(NtStatus.INVALID_PARAMETER, done.status());
            assertEquals(false, done.pendingReturned());

            c.dispatch().disconnect(c.socket(), WskBuf.of(bytes("still fine")), DisconnectMode.GRACEFUL,
                    lb.completions.irp("graceful"));
            assertEquals("still fine", new String(Loopback.readToEnd(c.peer()), StandardCharsets.US_ASCII),
                    "nothing of the refused abort reached the wire, and the socket still works");
            assertEquals(NtStatus.SUCCESS, lb.completions.await("graceful").status());
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("D1 disconnect on a never-connected socket is INVALID_CONNECTION and touches nothing")
    void disconnectNeverConnected() throws Exception {
        try (Loopback lb = new Loopback()) {
            lb.provider.socket(null, null, lb.completions.irp("socket"));
            WskSocket socket = lb.completions.await("socket").socket();
            socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, lb.completions.irp("graceful"));
            socket.dispatch().disconnect(socket, null, DisconnectMode.ABORTIVE, lb.completions.irp("abortive"));
            assertEquals(NtStatus.INVALID_CONNECTION, lb.completions.await("graceful").status());
            assertEquals(NtStatus.INVALID_CONNECTION, lb.completions.await("abortive").status());

            socket.dispatch().connect(socket, lb.address(), lb.completions.irp("connect"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("connect").status(), "still connectable");
            lb.server.accept().close();
            lb.closeSocket(socket);
        }
    }
}
