package io.wsk4j;

import static io.wsk4j.GracefulDisconnectTest.barrier;
import static io.wsk4j.Loopback.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cases found in review, each kept as a test so that it stays fixed. */
@Timeout(60)
class ReviewRegressionTest {
    private static String text(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("E3 E4 a receive event's data does not change when the event starts a receive on another socket")
    void receiveEventDataIsStable() throws Exception {
        try (Loopback lb = new Loopback(1)) {
            Connection b = lb.connect();
            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            ByteBuffer intoB = ByteBuffer.allocate(64);
            WskClientConnectionDispatch<String> events = new WskClientConnectionDispatch<>() {
                private boolean first = true;

                @Override
                public long onReceive(String context, WskBuf data) {
                    String before = text(data.buffer(0));
                    if (first) {
                        first = false;
                        NtStatus status = b.dispatch().receive(b.socket(), WskBuf.of(intoB), ReceiveFlags.NONE,
                                lb.completions.irp("receive-b"));
                        seen.add("nested " + status);
                    }
                    seen.add(before.equals(text(data.buffer(0))) ? "stable " + before : "changed");
                    return 0; // take nothing: the bytes stay for a receive IRP (SPEC E3)
                }
            };
            Connection a = lb.connect("a", events);
            b.peer().getOutputStream().write("BBBBBBBB".getBytes(StandardCharsets.US_ASCII));
            a.dispatch().controlSocket(a.socket(), WskEvent.RECEIVE, true, lb.completions.irp("enable"));
            lb.completions.await("enable");
            a.peer().getOutputStream().write("AAAAAAAAAAAAAAAA".getBytes(StandardCharsets.US_ASCII));

            assertEquals("nested " + NtStatus.PENDING, seen.poll(10, TimeUnit.SECONDS),
                    "a call made inside a receive event is queued, never run on the event's buffer");
            String stable = seen.poll(10, TimeUnit.SECONDS);
            assertNotNull(stable);
            assertTrue(stable.startsWith("stable A"), stable);
            ByteBuffer intoA = ByteBuffer.allocate(64);
            a.dispatch().receive(a.socket(), WskBuf.of(intoA), ReceiveFlags.WAITALL,
                    lb.completions.irp("receive-a"));
            // WAITALL for 64 bytes: ends at the peer's FIN with everything A was sent, and nothing of B's
            a.peer().shutdownOutput();
            assertEquals(16, lb.completions.await("receive-a").information());
            assertEquals("AAAAAAAAAAAAAAAA", new String(intoA.array(), 0, 16, StandardCharsets.US_ASCII));
            assertEquals(8, lb.completions.await("receive-b").information());
            assertEquals("BBBBBBBB", new String(intoB.array(), 0, 8, StandardCharsets.US_ASCII));
            lb.closeSocket(a.socket());
            lb.closeSocket(b.socket());
        }
    }

    @Test
    @DisplayName("X4 B2 a receive into a read-only buffer completes INVALID_PARAMETER and the socket goes on")
    void readOnlyReceiveBuffer() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            NtStatus status = c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8).asReadOnlyBuffer()),
                    ReceiveFlags.NONE, lb.completions.irp("read-only"));
            assertEquals(NtStatus.INVALID_PARAMETER, status);
            c.peer().getOutputStream().write("ok".getBytes(StandardCharsets.US_ASCII));
            ByteBuffer in = ByteBuffer.allocate(8);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.NONE, lb.completions.irp("receive"));
            assertEquals(2, lb.completions.await("receive").information());
            assertTrue(lb.errors.isEmpty(), lb.errors.toString());
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("E1 E3 bytes read while only the disconnect event was on go to the receive event once it is enabled")
    void keptBytesReachTheReceiveEvent() throws Exception {
        try (Loopback lb = new Loopback()) {
            EventsTest.Recorder recorder = new EventsTest.Recorder();
            Connection c = lb.connect("c", recorder);
            c.dispatch().controlSocket(c.socket(), WskEvent.DISCONNECT, true, lb.completions.irp("disconnect-on"));
            lb.completions.await("disconnect-on");
            OutputStream out = c.peer().getOutputStream();
            out.write("abc".getBytes(StandardCharsets.US_ASCII));
            c.peer().shutdownOutput();
            barrier(lb, c);
            c.dispatch().controlSocket(c.socket(), WskEvent.RECEIVE, true, lb.completions.irp("receive-on"));
            lb.completions.await("receive-on");
            assertEquals("c:receive:abc", recorder.next());
            assertEquals("c:disconnect:GRACEFUL", recorder.next());
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("E2 C2 no event runs once closeSocket was called, even from inside a receive event")
    void noEventAfterCloseBegan() throws Exception {
        try (Loopback lb = new Loopback()) {
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            WskSocket[] self = new WskSocket[1];
            WskClientConnectionDispatch<String> closing = new WskClientConnectionDispatch<>() {
                @Override
                public long onReceive(String context, WskBuf data) {
                    events.add("receive");
                    self[0].dispatch().closeSocket(self[0], lb.completions.irp("close"));
                    return data.length();
                }

                @Override
                public void onDisconnect(String context, DisconnectMode how) {
                    events.add("disconnect");
                }
            };
            Connection c = lb.connect("c", closing);
            self[0] = c.socket();
            c.dispatch().controlSocket(c.socket(), WskEvent.DISCONNECT, true, lb.completions.irp("d-on"));
            c.dispatch().controlSocket(c.socket(), WskEvent.RECEIVE, true, lb.completions.irp("r-on"));
            lb.completions.await("r-on");
            c.peer().getOutputStream().write('x');
            c.peer().shutdownOutput();
            assertEquals(NtStatus.SUCCESS, lb.completions.await("close").status());
            assertEquals(List.of("receive"), new ArrayList<>(events), "no disconnect event after closeSocket began");
        }
    }

    @Test
    @DisplayName("I6 cancelling a WAITALL receive that got part of its bytes reports them; nothing is lost")
    void cancelPartialWaitAll() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            ByteBuffer first = ByteBuffer.allocate(10);
            Irp waitAll = lb.completions.irp("waitall");
            c.dispatch().receive(c.socket(), WskBuf.of(first), ReceiveFlags.WAITALL, waitAll);
            OutputStream out = c.peer().getOutputStream();
            out.write("abcd".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            barrier(lb, c);
            assertTrue(waitAll.cancel(), "a WAITALL receive waiting for more can be cancelled");
            Completions.Done cancelled = lb.completions.await("waitall");
            assertEquals(NtStatus.CANCELLED, cancelled.status());
            out.write("yz".getBytes(StandardCharsets.US_ASCII));
            c.peer().shutdownOutput();
            ByteBuffer rest = ByteBuffer.allocate(10);
            c.dispatch().receive(c.socket(), WskBuf.of(rest), ReceiveFlags.WAITALL, lb.completions.irp("rest"));
            Completions.Done after = lb.completions.await("rest");
            String all = new String(first.array(), 0, (int) cancelled.information(), StandardCharsets.US_ASCII)
                    + new String(rest.array(), 0, (int) after.information(), StandardCharsets.US_ASCII);
            assertEquals("abcdyz", all, "the cancelled receive reported what it had; the rest came next");
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("I1 A6 a receive started in an accept event that then rejects completes CANCELLED")
    void rejectCompletesWhatTheAcceptEventStarted() throws Exception {
        try (Loopback lb = new Loopback()) {
            WskClientListenDispatch<Object> listener = (context, socket, local, remote) -> {
                socket.dispatch().receive(socket, WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                        lb.completions.irp("receive-in-accept"));
                return WskAccept.reject();
            };
            Loopback.Listening listening = lb.listen(null, listener);
            try (Socket client = new Socket()) {
                try {
                    client.connect(listening.address(), Loopback.PEER_TIMEOUT_MILLIS);
                } catch (java.net.SocketException resetAlready) {
                    // the rejection's RST can beat connect() to the client: that is the rejection seen early
                }
                assertEquals(NtStatus.CANCELLED, lb.completions.await("receive-in-accept").status());
            }
            lb.closeSocket(listening.socket());
            lb.completions.assertEachCompletedOnce();
        }
    }

    @Test
    @DisplayName("A6 accepted sockets are spread over the I/O threads, each accept event on its socket's thread")
    void acceptedSocketsSpread() throws Exception {
        try (Loopback lb = new Loopback(2)) {
            BlockingQueue<WskSocket> accepted = new LinkedBlockingQueue<>();
            Set<String> threads = java.util.Collections.synchronizedSet(new HashSet<>());
            WskClientListenDispatch<Object> listener = (context, socket, local, remote) -> {
                threads.add(Thread.currentThread().getName());
                accepted.add(socket);
                return WskAccept.accept(null, null);
            };
            Loopback.Listening listening = lb.listen(null, listener);
            SocketAddress address = listening.address();
            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket client = new Socket();
                    client.connect(address, Loopback.PEER_TIMEOUT_MILLIS);
                    clients.add(client);
                }
                for (int i = 0; i < 4; i++) {
                    WskSocket socket = accepted.poll(10, TimeUnit.SECONDS);
                    assertNotNull(socket);
                    socket.dispatch().send(socket, WskBuf.of(bytes("hi")), SendFlags.NONE, lb.completions.irp("s" + i));
                    assertEquals(NtStatus.SUCCESS, lb.completions.await("s" + i).status());
                    lb.closeSocket(socket);
                }
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
            }
            lb.closeSocket(listening.socket());
            assertEquals(2, threads.size(), "both I/O threads ran accept events: " + threads);
        }
    }
}
