package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.conformance.Network.Connection;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/** SPEC D: WskDisconnect, graceful (D3–D6, D8, D9), on both transports. */
@Timeout(60)
class GracefulDisconnectTest {
    static final int MIB = 1024 * 1024;
    /** More than the largest send buffer Linux grows to (tcp_wmem max, 4 MiB), so that it cannot drain unread. */
    static final int STUCK_BYTES = 8 * MIB;
    static final int SMALL_PEER_BUFFER = 4096;

    @OnBothTransports
    @DisplayName("D3 D4 X1 graceful disconnect after 3 pending sends of 1 MiB: peer reads 3 MiB in order, then EOF")
    void gracefulAfterPendingSends(Transport transport) throws Exception {
        try (Network net = transport.open(SMALL_PEER_BUFFER)) {
            Connection c = net.connect();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int i = 0; i < 3; i++) {
                ByteBuffer chunk = Bytes.pattern(MIB, i);
                expected.write(chunk.array());
                c.dispatch().send(c.socket(), WskBuf.of(chunk), SendFlags.NONE, net.completions.irp("send" + i));
            }
            NtStatus started = c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL,
                    net.completions.irp("disconnect"));
            assertEquals(NtStatus.PENDING, started, "the peer has not read yet, so the disconnect cannot be done");
            net.barrier(c);
            net.completions.assertNotCompleted("disconnect");

            byte[] received = c.peer().readToEnd();

            assertArrayEquals(expected.toByteArray(), received, "3 MiB in order, then EOF");
            Completions.Done disconnect = net.completions.await("disconnect");
            assertEquals(NtStatus.SUCCESS, disconnect.status());
            assertEquals(0, disconnect.information(), "D4: a disconnect reports information 0");
            List<String> order = net.completions.namesInOrder().stream()
                    .filter(name -> name.startsWith("send") || name.startsWith("disconnect"))
                    .toList();
            assertEquals(List.of("send0", "send1", "send2", "disconnect"), order,
                    "the disconnect IRP completes after the last send IRP");
            for (int i = 0; i < 3; i++) {
                assertEquals(MIB, net.completions.await("send" + i).information(), "I7: bytes sent");
            }
            net.closeSocket(c.socket());
            net.completions.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("D3 D4 graceful disconnect with a final buffer: the peer reads the data, the final buffer, then EOF")
    void gracefulWithFinalBuffer(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("hello ")), SendFlags.NONE,
                    net.completions.irp("send"));
            c.dispatch().disconnect(c.socket(), WskBuf.of(Bytes.ascii("world")), DisconnectMode.GRACEFUL,
                    net.completions.irp("disconnect"));

            assertEquals("hello world", new String(c.peer().readToEnd(), StandardCharsets.US_ASCII));
            Completions.Done disconnect = net.completions.await("disconnect");
            assertEquals(NtStatus.SUCCESS, disconnect.status());
            assertEquals(0, disconnect.information(), "D4: information 0 even with a final buffer");
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("D5 after a graceful disconnect the socket receives until the peer's FIN; a later send is PIPE_DISCONNECTED")
    void halfClose(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            ByteBuffer early = ByteBuffer.allocate(64);
            c.dispatch().receive(c.socket(), WskBuf.of(early), ReceiveFlags.NONE, net.completions.irp("receive-early"));
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, net.completions.irp("disconnect"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("disconnect").status());
            assertEquals(0, c.peer().readToEnd().length, "the peer sees our FIN");

            c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("too late")), SendFlags.NONE,
                    net.completions.irp("send-after"));
            assertEquals(NtStatus.PIPE_DISCONNECTED, net.completions.await("send-after").status());

            c.peer().write("still talking");
            Completions.Done received = net.completions.await("receive-early");
            assertEquals(NtStatus.SUCCESS, received.status());
            assertEquals("still talking", Bytes.text(early, received.information()));

            c.peer().shutdownOutput();
            ByteBuffer last = ByteBuffer.allocate(64);
            c.dispatch().receive(c.socket(), WskBuf.of(last), ReceiveFlags.NONE, net.completions.irp("receive-fin"));
            Completions.Done fin = net.completions.await("receive-fin");
            assertEquals(NtStatus.SUCCESS, fin.status());
            assertEquals(0, fin.information(), "X2: 0 bytes at the peer's FIN");
            net.closeSocket(c.socket());
            net.completions.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("D6 D7 a graceful disconnect that cannot drain stays pending; an abortive disconnect forces it")
    void stuckGracefulThenAbort(Transport transport) throws Exception {
        try (Network net = transport.open(SMALL_PEER_BUFFER)) {
            Connection c = stuckGraceful(net, net.completions.irp("disconnect"));

            NtStatus abort = c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE,
                    net.completions.irp("abort"));

            assertEquals(NtStatus.SUCCESS, net.completions.await("abort").status());
            assertEquals(NtStatus.CONNECTION_ABORTED, net.completions.await("disconnect").status());
            assertEquals(NtStatus.CANCELLED, net.completions.await("send").status());
            assertTrue(abort == NtStatus.SUCCESS || abort == NtStatus.PENDING);
            assertEquals("RESET", c.peer().endOf());
            net.closeSocket(c.socket());
            net.completions.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("D6 C2 a graceful disconnect that cannot drain is forced by closeSocket with CONNECTION_ABORTED")
    void stuckGracefulThenClose(Transport transport) throws Exception {
        try (Network net = transport.open(SMALL_PEER_BUFFER)) {
            Connection c = stuckGraceful(net, net.completions.irp("disconnect"));

            c.dispatch().closeSocket(c.socket(), net.completions.irp("close"));

            assertEquals(NtStatus.SUCCESS, net.completions.await("close").status());
            List<String> order = net.completions.namesInOrder();
            assertTrue(order.indexOf("disconnect") < order.indexOf("close"), "C2: pending IRPs before close: " + order);
            assertTrue(order.indexOf("send") < order.indexOf("close"), "C2: pending IRPs before close: " + order);
            assertEquals(NtStatus.CONNECTION_ABORTED, net.completions.await("disconnect").status());
            assertEquals(NtStatus.CANCELLED, net.completions.await("send").status());
            assertEquals("RESET", c.peer().endOf());
            net.completions.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("D6 I6 cancelling a graceful disconnect that cannot drain completes it CANCELLED and keeps the queue")
    void stuckGracefulThenCancel(Transport transport) throws Exception {
        try (Network net = transport.open(SMALL_PEER_BUFFER)) {
            Irp disconnect = net.completions.irp("disconnect");
            Connection c = stuckGraceful(net, disconnect);

            assertTrue(disconnect.cancel(), "a pending graceful disconnect can be cancelled");
            Completions.Done cancelled = net.completions.await("disconnect");
            assertEquals(NtStatus.CANCELLED, cancelled.status());
            assertEquals(0, cancelled.information());
            net.completions.assertNotCompleted("send");

            // the queue was kept: the peer still gets every byte, and a new graceful disconnect then ends cleanly
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, net.completions.irp("disconnect-2"));
            byte[] all = c.peer().readToEnd();
            assertEquals(STUCK_BYTES, all.length);
            assertEquals(NtStatus.SUCCESS, net.completions.await("send").status());
            assertEquals(NtStatus.SUCCESS, net.completions.await("disconnect-2").status());
            net.closeSocket(c.socket());
            net.completions.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("D9 a peer reset during a graceful disconnect completes it and the pending sends with CONNECTION_RESET")
    void peerResetDuringGraceful(Transport transport) throws Exception {
        try (Network net = transport.open(SMALL_PEER_BUFFER)) {
            Connection c = stuckGraceful(net, net.completions.irp("disconnect"));

            c.peer().reset();

            assertEquals(NtStatus.CONNECTION_RESET, net.completions.await("disconnect").status());
            Completions.Done send = net.completions.await("send");
            assertEquals(NtStatus.CONNECTION_RESET, send.status());
            assertTrue(send.information() < STUCK_BYTES, "no byte is claimed as sent that the transport did not take");
            net.closeSocket(c.socket());
            net.completions.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("D8 a second graceful or abortive disconnect is INVALID_DEVICE_STATE and leaves the first alone")
    void secondDisconnect(Transport transport) throws Exception {
        try (Network net = transport.open(SMALL_PEER_BUFFER)) {
            Connection c = stuckGraceful(net, net.completions.irp("disconnect"));

            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, net.completions.irp("graceful-2"));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, net.completions.await("graceful-2").status());
            net.completions.assertNotCompleted("disconnect");

            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, net.completions.irp("abort-1"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("abort-1").status(),
                    "abortive after graceful is allowed");
            assertEquals(NtStatus.CONNECTION_ABORTED, net.completions.await("disconnect").status());
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, net.completions.irp("abort-2"));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, net.completions.await("abort-2").status());
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, net.completions.irp("graceful-3"));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, net.completions.await("graceful-3").status());
            net.closeSocket(c.socket());
            net.completions.assertEachCompletedOnce();
        }
    }

    /** A connection whose peer does not read: STUCK_BYTES queued, then a graceful disconnect that cannot drain. */
    static Connection stuckGraceful(Network net, Irp disconnect) throws Exception {
        Connection c = net.connect();
        c.dispatch().send(c.socket(), WskBuf.of(Bytes.pattern(STUCK_BYTES, 7)), SendFlags.NONE,
                net.completions.irp("send"));
        c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, disconnect);
        net.barrier(c);
        net.completions.assertNotCompleted("disconnect");
        net.completions.assertNotCompleted("send");
        return c;
    }
}
