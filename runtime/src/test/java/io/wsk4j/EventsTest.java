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
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class EventsTest {
    /** Records each event as text ("receive:abc", "disconnect:GRACEFUL") with the thread it ran on. */
    static final class Recorder implements WskClientConnectionDispatch<String> {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final List<String> threads = new ArrayList<>();
        volatile long take = Long.MAX_VALUE;

        @Override
        public long onReceive(String context, WskBuf data) {
            threads.add(Thread.currentThread().getName());
            ByteBuffer view = data.buffer(0).duplicate();
            int n = (int) Math.min(take, view.remaining());
            byte[] taken = new byte[n];
            view.get(taken);
            events.add(context + ":receive:" + new String(taken, StandardCharsets.US_ASCII));
            return n;
        }

        @Override
        public void onDisconnect(String context, DisconnectMode how) {
            threads.add(Thread.currentThread().getName());
            events.add(context + ":disconnect:" + how);
        }

        String next() throws InterruptedException {
            String event = events.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(event, "no event within " + Completions.WAIT_SECONDS + " s");
            return event;
        }
    }

    private static void enable(Loopback lb, WskSocket socket, WskEvent event) throws InterruptedException {
        String name = "enable-" + event + "-" + System.nanoTime();
        socket.dispatch().controlSocket(socket, event, true, lb.completions.irp(name));
        assertEquals(NtStatus.SUCCESS, lb.completions.await(name).status());
    }

    @Test
    @DisplayName("E1 events start disabled and need a connected socket; enabled, they deliver what arrived before")
    void eventsStartDisabled() throws Exception {
        try (Loopback lb = new Loopback()) {
            Recorder recorder = new Recorder();
            lb.provider.socket("s", recorder, lb.completions.irp("socket"));
            WskSocket unconnected = lb.completions.await("socket").socket();
            unconnected.dispatch().controlSocket(unconnected, WskEvent.RECEIVE, true, lb.completions.irp("early"));
            assertEquals(NtStatus.INVALID_CONNECTION, lb.completions.await("early").status());
            lb.closeSocket(unconnected);

            Connection c = lb.connect("c", recorder);
            OutputStream out = c.peer().getOutputStream();
            out.write("abc".getBytes(StandardCharsets.US_ASCII));
            c.peer().shutdownOutput();
            barrier(lb, c);
            assertTrue(recorder.events.isEmpty(), "no event before enabling: " + recorder.events);

            enable(lb, c.socket(), WskEvent.RECEIVE);
            enable(lb, c.socket(), WskEvent.DISCONNECT);
            assertEquals("c:receive:abc", recorder.next());
            assertEquals("c:disconnect:GRACEFUL", recorder.next());
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("E2 the graceful disconnect event waits until the data before the FIN was delivered, and fires once")
    void disconnectEventAfterData() throws Exception {
        try (Loopback lb = new Loopback()) {
            Recorder recorder = new Recorder();
            Connection c = lb.connect("c", recorder);
            enable(lb, c.socket(), WskEvent.DISCONNECT);
            OutputStream out = c.peer().getOutputStream();
            out.write("data".getBytes(StandardCharsets.US_ASCII));
            c.peer().shutdownOutput();
            barrier(lb, c);
            assertTrue(recorder.events.isEmpty(), "the data is not delivered yet: " + recorder.events);

            ByteBuffer in = ByteBuffer.allocate(16);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.NONE, lb.completions.irp("receive"));
            assertEquals(4, lb.completions.await("receive").information());
            assertEquals("c:disconnect:GRACEFUL", recorder.next());
            c.dispatch().receive(c.socket(), WskBuf.of(in.clear()), ReceiveFlags.NONE, lb.completions.irp("again"));
            assertEquals(0, lb.completions.await("again").information());
            barrier(lb, c);
            assertTrue(recorder.events.isEmpty(), "at most once: " + recorder.events);
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("E2 a peer reset raises the disconnect event with ABORTIVE")
    void disconnectEventOnReset() throws Exception {
        try (Loopback lb = new Loopback()) {
            Recorder recorder = new Recorder();
            Connection c = lb.connect("c", recorder);
            enable(lb, c.socket(), WskEvent.DISCONNECT);
            c.peer().setSoLinger(true, 0);
            c.peer().close();
            assertEquals("c:disconnect:ABORTIVE", recorder.next());
            lb.closeSocket(c.socket());
            assertTrue(recorder.events.isEmpty());
        }
    }

    @Test
    @DisplayName("E2 no disconnect event for a local disconnect or after closeSocket")
    void noEventForLocalDisconnect() throws Exception {
        try (Loopback lb = new Loopback()) {
            Recorder recorder = new Recorder();
            Connection aborted = lb.connect("a", recorder);
            enable(lb, aborted.socket(), WskEvent.DISCONNECT);
            aborted.dispatch().disconnect(aborted.socket(), null, DisconnectMode.ABORTIVE, lb.completions.irp("abort"));
            lb.completions.await("abort");
            lb.closeSocket(aborted.socket());

            Connection closed = lb.connect("b", recorder);
            enable(lb, closed.socket(), WskEvent.DISCONNECT);
            lb.closeSocket(closed.socket());
            closed.peer().close();
            Connection witness = lb.connect("w", recorder);
            barrier(lb, witness);
            assertTrue(recorder.events.isEmpty(), "no event: " + recorder.events);
            lb.closeSocket(witness.socket());
        }
    }

    @Test
    @DisplayName("E3 a queued receive IRP takes precedence; data the event does not take stays for the next receive")
    void receiveEventPrecedenceAndPartialTake() throws Exception {
        try (Loopback lb = new Loopback()) {
            Recorder recorder = new Recorder();
            Connection c = lb.connect("c", recorder);
            enable(lb, c.socket(), WskEvent.RECEIVE);
            ByteBuffer in = ByteBuffer.allocate(16);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.NONE, lb.completions.irp("irp"));
            barrier(lb, c); // the receive is queued on the loop before the data arrives
            OutputStream out = c.peer().getOutputStream();
            out.write("first".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals(5, lb.completions.await("irp").information());
            assertTrue(recorder.events.isEmpty(), "the IRP got it, not the event");

            recorder.take = 2;
            out.write("12345".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("c:receive:12", recorder.next());
            ByteBuffer rest = ByteBuffer.allocate(16);
            c.dispatch().receive(c.socket(), WskBuf.of(rest), ReceiveFlags.NONE, lb.completions.irp("rest"));
            assertEquals(3, lb.completions.await("rest").information());
            assertEquals("345", new String(rest.array(), 0, 3, StandardCharsets.US_ASCII));
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("E4 callbacks run on the socket's I/O thread and may start operations (an echo)")
    void callbacksOnLoopMayDispatch() throws Exception {
        try (Loopback lb = new Loopback()) {
            IrpPool pool = new IrpPool(8);
            CompletionRoutine<Object> recycle = (irp, ignored) -> {
                pool.recycle(irp);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            };
            List<String> threads = new ArrayList<>();
            WskSocket[] self = new WskSocket[1];
            WskClientConnectionDispatch<String> echo = new WskClientConnectionDispatch<>() {
                @Override
                public long onReceive(String context, WskBuf data) {
                    threads.add(Thread.currentThread().getName());
                    ByteBuffer copy = ByteBuffer.allocate((int) data.length()).put(data.buffer(0).duplicate()).flip();
                    Irp irp = pool.take();
                    irp.setCompletionRoutine(recycle, null, true, true, true);
                    self[0].dispatch().send(self[0], WskBuf.of(copy), SendFlags.NONE, irp);
                    return copy.limit();
                }
            };
            Connection c = lb.connect("c", echo);
            self[0] = c.socket();
            enable(lb, c.socket(), WskEvent.RECEIVE);
            OutputStream out = c.peer().getOutputStream();
            out.write("echo me".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("echo me", new String(c.peer().getInputStream().readNBytes(7), StandardCharsets.US_ASCII));
            assertTrue(threads.stream().allMatch(t -> t.startsWith("wsk4j-io-")), threads.toString());
            lb.closeSocket(c.socket());
            assertEquals(0, pool.outstanding());
        }
    }

    @Test
    @DisplayName("A6 a listening socket hands accepted sockets to the accept event, with events enabled as asked")
    void acceptEvent() throws Exception {
        try (Loopback lb = new Loopback()) {
            Recorder recorder = new Recorder();
            BlockingQueue<WskSocket> accepted = new LinkedBlockingQueue<>();
            WskClientListenDispatch<String> listener = (context, socket, local, remote) -> {
                accepted.add(socket);
                return WskAccept.accept(context + "-conn", recorder, EnumSet.of(WskEvent.RECEIVE, WskEvent.DISCONNECT));
            };
            Loopback.Listening listening = lb.listen("server", listener);
            SocketAddress bound = listening.address();

            try (Socket client = new Socket()) {
                client.connect(bound, Loopback.PEER_TIMEOUT_MILLIS);
                client.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
                client.shutdownOutput();
                assertEquals("server-conn:receive:hi", recorder.next());
                assertEquals("server-conn:disconnect:GRACEFUL", recorder.next());
                WskSocket socket = accepted.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
                socket.dispatch().disconnect(socket, WskBuf.of(bytes("bye")), DisconnectMode.GRACEFUL,
                        lb.completions.irp("bye"));
                client.setSoTimeout(Loopback.PEER_TIMEOUT_MILLIS);
                assertEquals("bye", new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
                lb.completions.await("bye");
                lb.closeSocket(socket);
            }
            lb.closeSocket(listening.socket());
            assertEquals(0, lb.provider.openSocketCount());
        }
    }

    @Test
    @DisplayName("A6 an accept event that rejects resets the client")
    void acceptReject() throws Exception {
        try (Loopback lb = new Loopback()) {
            Loopback.Listening listening = lb.listen(null,
                    (Object context, WskSocket socket, SocketAddress local, SocketAddress remote) -> WskAccept.reject());
            SocketAddress bound = listening.address();
            String seen;
            try (Socket client = new Socket()) {
                client.setSoTimeout(Loopback.PEER_TIMEOUT_MILLIS);
                try {
                    client.connect(bound, Loopback.PEER_TIMEOUT_MILLIS);
                    seen = Loopback.endOf(client);
                } catch (java.net.SocketException e) {
                    seen = String.valueOf(e.getMessage()).contains("reset") ? "RESET" : e.toString();
                }
            }
            assertEquals("RESET", seen);
            lb.closeSocket(listening.socket());
            assertEquals(0, lb.provider.openSocketCount());
        }
    }

    @Test
    @DisplayName("C2 an accept event that closes its listener gets no further accept event, even for connections waiting")
    void acceptEventClosesItsListener() throws Exception {
        try (Loopback lb = new Loopback(1)) {
            java.util.concurrent.atomic.AtomicInteger events = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CountDownLatch othersWaiting = new java.util.concurrent.CountDownLatch(1);
            WskSocket[] self = new WskSocket[1];
            BlockingQueue<WskSocket> accepted = new LinkedBlockingQueue<>();
            WskClientListenDispatch<String> listener = (context, socket, local, remote) -> {
                if (events.incrementAndGet() == 1) {
                    try {
                        othersWaiting.await(Completions.WAIT_SECONDS, TimeUnit.SECONDS); // both in the backlog now
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    self[0].dispatch().closeSocket(self[0], lb.completions.irp("close-listener"));
                }
                accepted.add(socket);
                return WskAccept.accept(context, null);
            };
            Loopback.Listening listening = lb.listen("server", listener);
            self[0] = listening.socket();
            try (Socket first = new Socket(); Socket second = new Socket(); Socket third = new Socket()) {
                first.connect(listening.address(), Loopback.PEER_TIMEOUT_MILLIS);
                second.connect(listening.address(), Loopback.PEER_TIMEOUT_MILLIS);
                third.connect(listening.address(), Loopback.PEER_TIMEOUT_MILLIS);
                othersWaiting.countDown();
                assertEquals(NtStatus.SUCCESS, lb.completions.await("close-listener").status());
                WskSocket socket = accepted.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
                assertNotNull(socket);
                assertEquals(1, events.get(), "no accept event once the listener's close began");
                lb.closeSocket(socket);
            }
            assertEquals(0, lb.provider.openSocketCount());
        }
    }

    @Test
    @DisplayName("E1 enabling the send-backlog event reports the send buffer size once, on the I/O thread")
    void sendBacklogEvent() throws Exception {
        try (Loopback lb = new Loopback()) {
            BlockingQueue<String> backlog = new LinkedBlockingQueue<>();
            WskClientConnectionDispatch<String> events = new WskClientConnectionDispatch<>() {
                @Override
                public void onSendBacklog(String context, long idealBacklogSize) {
                    backlog.add(context + ":" + (idealBacklogSize > 0) + ":" + Thread.currentThread().getName());
                }
            };
            Connection c = lb.connect("c", events);
            enable(lb, c.socket(), WskEvent.SEND_BACKLOG);
            String event = backlog.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(event);
            assertTrue(event.startsWith("c:true:wsk4j-io-"), event);
            barrier(lb, c);
            assertTrue(backlog.isEmpty(), "once");
            lb.closeSocket(c.socket());
        }
    }
}
