package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import io.wsk4j.conformance.Network.Connection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC D: WskDisconnect, abortive (D7), its bad arguments (D2) and a socket never connected (D1), on both transports.
 */
@Timeout(60)
class AbortiveDisconnectTest {
    @OnBothTransports
    @DisplayName("D7 abortive disconnect: RST, pending sends CANCELLED, receives CONNECTION_ABORTED, later calls too")
    void abortiveWithPendingWork(Transport transport) throws Exception {
        try (Network net = transport.open(GracefulDisconnectTest.SMALL_PEER_BUFFER)) {
            Connection c = net.connect();
            c.dispatch().send(c.socket(), WskBuf.of(Bytes.pattern(GracefulDisconnectTest.STUCK_BYTES, 1)),
                    SendFlags.NONE, net.completions.irp("send"));
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(16)), ReceiveFlags.NONE,
                    net.completions.irp("receive"));
            net.barrier(c);

            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, net.completions.irp("abort"));

            assertEquals(NtStatus.SUCCESS, net.completions.await("abort").status());
            assertEquals(NtStatus.CANCELLED, net.completions.await("send").status());
            assertEquals(NtStatus.CONNECTION_ABORTED, net.completions.await("receive").status());
            assertEquals("RESET", c.peer().endOf(), "the peer sees Connection reset, never EOF");

            c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("x")), SendFlags.NONE,
                    net.completions.irp("send-later"));
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(4)), ReceiveFlags.NONE,
                    net.completions.irp("receive-later"));
            assertEquals(NtStatus.CONNECTION_ABORTED, net.completions.await("send-later").status());
            assertEquals(NtStatus.CONNECTION_ABORTED, net.completions.await("receive-later").status());
            net.closeSocket(c.socket());
            net.completions.assertEachCompletedOnce();
            assertEquals(java.util.List.of(), net.errors());
        }
    }

    @OnBothTransports
    @DisplayName("D7 abortive disconnect of an idle connection resets the peer without a FIN first")
    void abortiveIdle(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, net.completions.irp("abort"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("abort").status());
            assertEquals("RESET", c.peer().endOf());
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("D2 B2 abortive with a buffer is INVALID_PARAMETER, sends nothing and leaves the socket usable")
    void abortiveWithBuffer(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            NtStatus status = c.dispatch().disconnect(c.socket(), WskBuf.of(Bytes.ascii("no")),
                    DisconnectMode.ABORTIVE, net.completions.irp("abort"));
            assertEquals(NtStatus.INVALID_PARAMETER, status, "completed synchronously with the status");
            Completions.Done done = net.completions.await("abort");
            assertEquals(NtStatus.INVALID_PARAMETER, done.status());
            assertFalse(done.pendingReturned());

            c.dispatch().disconnect(c.socket(), WskBuf.of(Bytes.ascii("still fine")), DisconnectMode.GRACEFUL,
                    net.completions.irp("graceful"));
            assertEquals("still fine", new String(c.peer().readToEnd(), StandardCharsets.US_ASCII),
                    "nothing of the refused abort reached the wire, and the socket still works");
            assertEquals(NtStatus.SUCCESS, net.completions.await("graceful").status());
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("D1 disconnect on a never-connected socket is INVALID_CONNECTION and touches nothing")
    void disconnectNeverConnected(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            WskSocket socket = net.socket(null, null);
            socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, net.completions.irp("graceful"));
            socket.dispatch().disconnect(socket, null, DisconnectMode.ABORTIVE, net.completions.irp("abortive"));
            assertEquals(NtStatus.INVALID_CONNECTION, net.completions.await("graceful").status());
            assertEquals(NtStatus.INVALID_CONNECTION, net.completions.await("abortive").status());

            socket.dispatch().connect(socket, net.peerAddress(), net.completions.irp("connect"));
            Peer peer = net.acceptPeer();
            assertEquals(NtStatus.SUCCESS, net.completions.await("connect").status(), "still connectable");
            peer.close();
            net.closeSocket(socket);
        }
    }
}
