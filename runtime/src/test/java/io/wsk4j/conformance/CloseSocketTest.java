package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskProviderConnectionDispatch;
import io.wsk4j.WskSocket;
import io.wsk4j.conformance.Network.Connection;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/** SPEC C: WskCloseSocket (C1–C5), on both transports. */
@Timeout(60)
class CloseSocketTest {
    @OnBothTransports
    @DisplayName("C1 C2 close with pending send, receive and graceful disconnect completes each first, then SUCCESS")
    void closeWithPendingWork(Transport transport) throws Exception {
        try (Network net = transport.open(GracefulDisconnectTest.SMALL_PEER_BUFFER)) {
            Connection c = net.connect();
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(16)), ReceiveFlags.NONE,
                    net.completions.irp("receive"));
            c.dispatch().send(c.socket(), WskBuf.of(Bytes.pattern(GracefulDisconnectTest.STUCK_BYTES, 2)),
                    SendFlags.NONE, net.completions.irp("send"));
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, net.completions.irp("graceful"));
            net.barrier(c);

            c.dispatch().closeSocket(c.socket(), net.completions.irp("close"));

            assertEquals(NtStatus.SUCCESS, net.completions.await("close").status());
            assertEquals(NtStatus.CANCELLED, net.completions.await("receive").status());
            assertEquals(NtStatus.CANCELLED, net.completions.await("send").status());
            assertEquals(NtStatus.CONNECTION_ABORTED, net.completions.await("graceful").status());
            List<String> order = net.completions.namesInOrder();
            assertEquals("close", order.get(order.size() - 1), "C2: the close IRP completes last: " + order);
            assertEquals("RESET", c.peer().endOf(), "C3: the unsent bytes end in a reset");
            net.completions.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("C2 close with a pending connect completes the connect CANCELLED before the close")
    void closeWithPendingConnect(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            WskSocket socket = net.socket(null, null);
            socket.dispatch().connect(socket, net.unansweredAddress(), net.completions.irp("connect"));
            socket.dispatch().getLocalAddress(socket, net.completions.irp("barrier"));
            net.completions.await("barrier");
            net.settle();
            net.completions.assertNotCompleted("connect");

            socket.dispatch().closeSocket(socket, net.completions.irp("close"));

            assertEquals(NtStatus.SUCCESS, net.completions.await("close").status());
            assertEquals(NtStatus.CANCELLED, net.completions.await("connect").status());
            List<String> order = net.completions.namesInOrder();
            assertTrue(order.indexOf("connect") < order.indexOf("close"), order.toString());
            net.completions.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("C3 closing without a disconnect resets the peer")
    void closeWithoutDisconnectResets(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            net.closeSocket(c.socket());
            assertEquals("RESET", c.peer().endOf());
        }
    }

    @OnBothTransports
    @DisplayName("C3 closing after both directions disconnected: the peer saw every byte, then EOF")
    void closeAfterBothFins(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            c.dispatch().disconnect(c.socket(), WskBuf.of(Bytes.ascii("bye")), DisconnectMode.GRACEFUL,
                    net.completions.irp("graceful"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("graceful").status());
            assertEquals("bye", new String(c.peer().readToEnd(), java.nio.charset.StandardCharsets.US_ASCII));
            c.peer().shutdownOutput();
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                    net.completions.irp("fin"));
            assertEquals(0, net.completions.await("fin").information(), "the peer's FIN was read");
            net.closeSocket(c.socket());
            assertEquals(List.of(), net.errors());
        }
    }

    @OnBothTransports
    @DisplayName("C4 the socket context is not referenced by the runtime after the close IRP completed")
    void contextReleasedAfterClose(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            WeakReference<Object> ref = connectAndClose(net);
            for (int i = 0; i < 50 && ref.get() != null; i++) {
                System.gc();
            }
            assertNull(ref.get(), "the context was collected: nothing of the runtime holds it");
        }
    }

    /** In a method of its own, so that no local variable of the test keeps the context. */
    private static WeakReference<Object> connectAndClose(Network net) throws Exception {
        Object context = new Object();
        Connection c = net.connect(context, new WskClientConnectionDispatch<Object>() {});
        net.closeSocket(c.socket());
        return new WeakReference<>(context);
    }

    @OnBothTransports
    @DisplayName("C5 every call on a closed socket throws IllegalStateException, a second close included")
    void callsAfterCloseThrow(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            net.closeSocket(c.socket());
            WskProviderConnectionDispatch d = c.dispatch();
            WskSocket s = c.socket();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> d.send(s, WskBuf.of(Bytes.ascii("x")), SendFlags.NONE, net.completions.irp("send")));
            assertTrue(e.getMessage().contains("socket closed"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> d.closeSocket(s, net.completions.irp("second-close")));
            assertThrows(IllegalStateException.class, () -> d.receive(s, WskBuf.of(ByteBuffer.allocate(1)),
                    ReceiveFlags.NONE, net.completions.irp("r")));
            assertThrows(IllegalStateException.class,
                    () -> d.disconnect(s, null, DisconnectMode.GRACEFUL, net.completions.irp("d")));
            assertThrows(IllegalStateException.class, () -> d.getLocalAddress(s, net.completions.irp("a")));
            net.settle();
            for (String refused : List.of("send", "second-close", "r", "d", "a")) {
                net.completions.assertNotCompleted(refused);
            }
        }
    }
}
