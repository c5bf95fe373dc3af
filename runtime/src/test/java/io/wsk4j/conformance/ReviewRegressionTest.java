package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.WskAccept;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskClientListenDispatch;
import io.wsk4j.WskEvent;
import io.wsk4j.WskSocket;
import io.wsk4j.conformance.Network.Connection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/** Cases found in review, each kept as a test so that it stays fixed; on both transports. */
@Timeout(60)
class ReviewRegressionTest {
    private static String text(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @OnBothTransports
    @DisplayName("E3 E4 a receive event's data does not change when the event starts a receive on another socket")
    void receiveEventDataIsStable(Transport transport) throws Exception {
        try (Network net = transport.openOneIoThread()) {
            Connection b = net.connect();
            Log seen = new Log(net);
            ByteBuffer intoB = ByteBuffer.allocate(64);
            WskClientConnectionDispatch<String> events = new WskClientConnectionDispatch<>() {
                private boolean first = true;

                @Override
                public long onReceive(String context, WskBuf data) {
                    String before = text(data.buffer(0));
                    if (first) {
                        first = false;
                        NtStatus status = b.dispatch().receive(b.socket(), WskBuf.of(intoB), ReceiveFlags.NONE,
                                net.completions.irp("receive-b"));
                        seen.add("nested " + status);
                    }
                    seen.add(before.equals(text(data.buffer(0))) ? "stable " + before : "changed");
                    return 0; // take nothing: the bytes stay for a receive IRP (SPEC E3)
                }
            };
            Connection a = net.connect("a", events);
            b.peer().write("BBBBBBBB");
            net.enable(a.socket(), WskEvent.RECEIVE);
            a.peer().write("AAAAAAAAAAAAAAAA");

            assertEquals("nested " + NtStatus.PENDING, seen.next(),
                    "a call made inside a receive event is queued, never run on the event's buffer");
            String stable = seen.next();
            assertTrue(stable.startsWith("stable A"), stable);
            ByteBuffer intoA = ByteBuffer.allocate(64);
            a.dispatch().receive(a.socket(), WskBuf.of(intoA), ReceiveFlags.WAITALL,
                    net.completions.irp("receive-a"));
            // WAITALL for 64 bytes: ends at the peer's FIN with everything A was sent, and nothing of B's
            a.peer().shutdownOutput();
            assertEquals(16, net.completions.await("receive-a").information());
            assertEquals("AAAAAAAAAAAAAAAA", new String(intoA.array(), 0, 16, StandardCharsets.US_ASCII));
            assertEquals(8, net.completions.await("receive-b").information());
            assertEquals("BBBBBBBB", new String(intoB.array(), 0, 8, StandardCharsets.US_ASCII));
            net.closeSocket(a.socket());
            net.closeSocket(b.socket());
        }
    }

    @OnBothTransports
    @DisplayName("X4 B2 a receive into a read-only buffer completes INVALID_PARAMETER and the socket goes on")
    void readOnlyReceiveBuffer(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            NtStatus status = c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8).asReadOnlyBuffer()),
                    ReceiveFlags.NONE, net.completions.irp("read-only"));
            assertEquals(NtStatus.INVALID_PARAMETER, status);
            c.peer().write("ok");
            ByteBuffer in = ByteBuffer.allocate(8);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.NONE, net.completions.irp("receive"));
            assertEquals(2, net.completions.await("receive").information());
            assertEquals(List.of(), net.errors());
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("E1 E3 bytes read while only the disconnect event was on go to the receive event once it is enabled")
    void keptBytesReachTheReceiveEvent(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            EventsTest.Recorder recorder = new EventsTest.Recorder(net);
            Connection c = net.connect("c", recorder);
            net.enable(c.socket(), WskEvent.DISCONNECT);
            c.peer().write("abc");
            c.peer().shutdownOutput();
            net.barrier(c);
            net.enable(c.socket(), WskEvent.RECEIVE);
            assertEquals("c:receive:abc", recorder.events.next());
            assertEquals("c:disconnect:GRACEFUL", recorder.events.next());
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("E2 C2 no event runs once closeSocket was called, even from inside a receive event")
    void noEventAfterCloseBegan(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Log events = new Log(net);
            WskSocket[] self = new WskSocket[1];
            WskClientConnectionDispatch<String> closing = new WskClientConnectionDispatch<>() {
                @Override
                public long onReceive(String context, WskBuf data) {
                    events.add("receive");
                    self[0].dispatch().closeSocket(self[0], net.completions.irp("close"));
                    return data.length();
                }

                @Override
                public void onDisconnect(String context, DisconnectMode how) {
                    events.add("disconnect");
                }
            };
            Connection c = net.connect("c", closing);
            self[0] = c.socket();
            net.enable(c.socket(), WskEvent.DISCONNECT);
            net.enable(c.socket(), WskEvent.RECEIVE);
            c.peer().write("x");
            c.peer().shutdownOutput();
            assertEquals(NtStatus.SUCCESS, net.completions.await("close").status());
            net.settle();
            assertEquals(List.of("receive"), events.all(), "no disconnect event after closeSocket began");
        }
    }

    @OnBothTransports
    @DisplayName("I6 cancelling a WAITALL receive that got part of its bytes reports them; nothing is lost")
    void cancelPartialWaitAll(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            ByteBuffer first = ByteBuffer.allocate(10);
            Irp waitAll = net.completions.irp("waitall");
            c.dispatch().receive(c.socket(), WskBuf.of(first), ReceiveFlags.WAITALL, waitAll);
            c.peer().write("abcd");
            net.barrier(c);
            assertTrue(waitAll.cancel(), "a WAITALL receive waiting for more can be cancelled");
            Completions.Done cancelled = net.completions.await("waitall");
            assertEquals(NtStatus.CANCELLED, cancelled.status());
            c.peer().write("yz");
            c.peer().shutdownOutput();
            ByteBuffer rest = ByteBuffer.allocate(10);
            c.dispatch().receive(c.socket(), WskBuf.of(rest), ReceiveFlags.WAITALL, net.completions.irp("rest"));
            Completions.Done after = net.completions.await("rest");
            String all = new String(first.array(), 0, (int) cancelled.information(), StandardCharsets.US_ASCII)
                    + new String(rest.array(), 0, (int) after.information(), StandardCharsets.US_ASCII);
            assertEquals("abcdyz", all, "the cancelled receive reported what it had; the rest came next");
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("I1 A6 a receive started in an accept event that then rejects completes CANCELLED")
    void rejectCompletesWhatTheAcceptEventStarted(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            WskClientListenDispatch<Object> listener = (context, socket, local, remote) -> {
                socket.dispatch().receive(socket, WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                        net.completions.irp("receive-in-accept"));
                return WskAccept.reject();
            };
            Network.Listening listening = net.listen(null, listener);
            assertEquals("RESET", net.connectPeerAndEnd(listening.address()));
            assertEquals(NtStatus.CANCELLED, net.completions.await("receive-in-accept").status());
            net.closeSocket(listening.socket());
            net.completions.assertEachCompletedOnce();
        }
    }
}
