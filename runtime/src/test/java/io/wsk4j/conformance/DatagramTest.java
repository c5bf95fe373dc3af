package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientDatagramDispatch;
import io.wsk4j.WskDatagramSocket;
import io.wsk4j.WskEvent;
import io.wsk4j.WskOption;
import io.wsk4j.WskProviderDatagramDispatch;
import io.wsk4j.conformance.Datagrams.Datagram;
import io.wsk4j.conformance.Datagrams.DatagramPeer;
import io.wsk4j.conformance.Datagrams.Done;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/** SPEC G (datagram sockets) and the datagram kind of K1, K2, K4, on both transports. */
@Timeout(60)
class DatagramTest {
    private static WskBuf buf(String text) {
        return WskBuf.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String text(ByteBuffer buffer, long n) {
        return new String(buffer.array(), 0, (int) n, StandardCharsets.US_ASCII);
    }

    /** Logs each receive-from event as "context:text<-source" and what its view allowed. */
    static final class Recorder implements WskClientDatagramDispatch<String> {
        final Log events;
        final Log misuse;
        private final Network net;
        volatile WskDatagramSocket socket;

        Recorder(Network net) {
            this.net = net;
            this.events = new Log(net);
            this.misuse = new Log(net);
        }

        @Override
        public void onReceiveFrom(String context, WskBuf datagram, SocketAddress source) {
            ByteBuffer view = datagram.buffer(0).duplicate();
            byte[] bytes = new byte[view.remaining()];
            view.get(bytes);
            events.add(context + ":" + new String(bytes, StandardCharsets.US_ASCII) + "<-" + source
                    + (net.onIoThread() ? "" : " (not on the I/O thread)"));
            WskDatagramSocket s = socket;
            if (s != null) {
                Irp irp = Irp.allocate();
                irp.setCompletionRoutine((done, ignored) -> NtStatus.MORE_PROCESSING_REQUIRED, null, true, true, true);
                try {
                    s.dispatch().sendTo(s, datagram, source, irp);
                    misuse.add("accepted");
                } catch (IllegalArgumentException e) {
                    misuse.add("refused: " + e.getMessage());
                }
                irp.free();
            }
        }
    }

    @OnBothTransports
    @DisplayName("K2 datagramSocket hands back a WskDatagramSocket in irp.datagramSocket(); irp.socket() names it")
    void datagramSocketIsItsOwnKind(Transport transport) throws Exception {
        try (Network net = transport.open(); Datagrams d = new Datagrams(net)) {
            Irp irp = Irp.allocate();
            Object[] seen = new Object[2];
            irp.setCompletionRoutine((done, box) -> {
                synchronized (d) {
                    box[0] = done.datagramSocket();
                    box[1] = assertThrows(IllegalStateException.class, done::socket).getMessage();
                    d.notifyAll();
                }
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, seen, true, true, true);
            net.provider().datagramSocket("ctx", null, irp);
            net.await(d, () -> {
                synchronized (d) {
                    return seen[1] != null;
                }
            }, "the datagram socket");
            WskDatagramSocket socket = (WskDatagramSocket) seen[0];
            assertInstanceOf(WskProviderDatagramDispatch.class, socket.dispatch());
            assertTrue(((String) seen[1]).contains("datagramSocket()"), (String) seen[1]);
            irp.free();
            d.close(socket);
            assertEquals(0, net.provider().openSocketCount());
        }
    }

    @OnBothTransports
    @DisplayName("K1 a datagram socket refuses the events of other kinds NOT_SUPPORTED; G6 and sendTo before bind")
    void otherKindsEventsAreNotSupported(Transport transport) throws Exception {
        try (Network net = transport.open(); Datagrams d = new Datagrams(net)) {
            WskDatagramSocket socket = d.socket("s", new Recorder(net));
            for (WskEvent event : new WskEvent[] {WskEvent.RECEIVE, WskEvent.DISCONNECT, WskEvent.ACCEPT}) {
                socket.dispatch().controlSocket(socket, event, true, d.irp("enable-" + event));
                assertEquals(NtStatus.NOT_SUPPORTED, d.await("enable-" + event).status(), event.toString());
            }
            DatagramPeer peer = d.peer();
            socket.dispatch().sendTo(socket, buf("early"), peer.address(), d.irp("unbound-send"));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, d.await("unbound-send").status());
            d.close(socket);
        }
    }

    @OnBothTransports
    @DisplayName("G1 sendTo sends one datagram per call, in issue order, information its length; a null address needs"
            + " SIO_WSK_SET_REMOTE_ADDRESS, else INVALID_PARAMETER")
    void sendToSendsOneDatagramEach(Transport transport) throws Exception {
        try (Network net = transport.open(); Datagrams d = new Datagrams(net)) {
            WskDatagramSocket socket = d.bound("s", null);
            SocketAddress local = d.localAddress(socket);
            DatagramPeer peer = d.peer();
            String[] texts = {"one", "datagram", "", "each"};
            for (int i = 0; i < texts.length; i++) {
                socket.dispatch().sendTo(socket, buf(texts[i]), peer.address(), d.irp("send-" + i));
            }
            socket.dispatch().sendTo(socket, WskBuf.of(ByteBuffer.wrap("gath".getBytes(StandardCharsets.US_ASCII)),
                    ByteBuffer.wrap("ered".getBytes(StandardCharsets.US_ASCII))), peer.address(), d.irp("send-chain"));
            for (int i = 0; i < texts.length; i++) {
                Done done = d.await("send-" + i);
                assertEquals(NtStatus.SUCCESS, done.status());
                assertEquals(texts[i].length(), done.information());
            }
            assertEquals(8, d.await("send-chain").information());
            for (String expected : texts) {
                Datagram datagram = peer.receive();
                assertEquals(expected, datagram.text());
                assertEquals(local, datagram.source());
            }
            assertEquals("gathered", peer.receive().text());

            socket.dispatch().sendTo(socket, buf("nowhere"), null, d.irp("no-address"));
            assertEquals(NtStatus.INVALID_PARAMETER, d.await("no-address").status());
            assertEquals(NtStatus.SUCCESS, d.set(socket, WskOption.SIO_WSK_SET_REMOTE_ADDRESS, peer.address()));
            Done fixed = d.sendTo(socket, "fixed", null);
            assertEquals(NtStatus.SUCCESS, fixed.status());
            assertEquals(5, fixed.information());
            assertEquals("fixed", peer.receive().text());
            d.close(socket);
            d.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("G2 receiveFrom receives one datagram: information its length, irp.address() its source; longer than"
            + " the buffer completes BUFFER_OVERFLOW with the bytes that fit, never silently")
    void receiveFromReportsSourceAndOverflow(Transport transport) throws Exception {
        try (Network net = transport.open(); Datagrams d = new Datagrams(net)) {
            WskDatagramSocket socket = d.bound("s", null);
            SocketAddress local = d.localAddress(socket);
            DatagramPeer peer = d.peer();

            ByteBuffer into = ByteBuffer.allocate(64);
            socket.dispatch().receiveFrom(socket, WskBuf.of(into), d.irp("receive-1"));
            d.assertNotCompleted("receive-1");
            peer.send("hello", local);
            Done first = d.await("receive-1");
            assertEquals(NtStatus.SUCCESS, first.status());
            assertEquals(5, first.information());
            assertEquals(peer.address(), first.address());
            assertEquals(5, into.position(), "the caller's position advanced by the bytes received");
            assertEquals("hello", text(into, 5));

            byte[] longer = new byte[100];
            Arrays.fill(longer, (byte) 'x');
            longer[0] = 'a';
            peer.send(longer, local);
            peer.send("next", local);
            ByteBuffer small = ByteBuffer.allocate(10);
            socket.dispatch().receiveFrom(socket, WskBuf.of(small), d.irp("receive-2"));
            Done overflow = d.await("receive-2");
            assertEquals(NtStatus.BUFFER_OVERFLOW, overflow.status());
            assertFalse(overflow.status().isSuccess());
            assertEquals(10, overflow.information());
            assertEquals(peer.address(), overflow.address());
            assertEquals("axxxxxxxxx", text(small, 10));

            ByteBuffer after = ByteBuffer.allocate(64);
            socket.dispatch().receiveFrom(socket, WskBuf.of(after), d.irp("receive-3"));
            Done next = d.await("receive-3");
            assertEquals(NtStatus.SUCCESS, next.status(), "the rest of the long datagram is not a datagram of its own");
            assertEquals("next", text(after, next.information()));

            byte[] largest = new byte[65_507]; // the largest UDP payload over IPv4
            largest[65_506] = 'z';
            peer.send(largest, local);
            ByteBuffer big = ByteBuffer.allocateDirect(65_535);
            socket.dispatch().receiveFrom(socket, WskBuf.of(big), d.irp("receive-4"));
            Done whole = d.await("receive-4");
            assertEquals(NtStatus.SUCCESS, whole.status());
            assertEquals(65_507, whole.information());
            assertEquals('z', big.get(65_506));

            socket.dispatch().receiveFrom(socket, WskBuf.of(ByteBuffer.allocate(0)), d.irp("empty"));
            assertEquals(NtStatus.INVALID_PARAMETER, d.await("empty").status());
            d.close(socket);
            d.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("G3 the receive-from event is off until enabled, then delivers one datagram per call with its source"
            + " on the I/O thread; its view is valid only during the call (B4); a queued receiveFrom goes first (E3)")
    void receiveFromEvent(Transport transport) throws Exception {
        try (Network net = transport.open(); Datagrams d = new Datagrams(net)) {
            Recorder recorder = new Recorder(net);
            WskDatagramSocket socket = d.bound("c", recorder);
            SocketAddress local = d.localAddress(socket);
            DatagramPeer peer = d.peer();
            peer.send("early", local);

            ByteBuffer into = ByteBuffer.allocate(16);
            socket.dispatch().receiveFrom(socket, WskBuf.of(into), d.irp("before-events"));
            assertEquals("early", text(into, d.await("before-events").information()));
            recorder.events.assertNoMore(); // off until enabled

            socket.dispatch().controlSocket(socket, WskEvent.RECEIVE_FROM, true, d.irp("enable"));
            assertEquals(NtStatus.SUCCESS, d.await("enable").status());
            peer.send("one", local);
            peer.send("two", local);
            assertEquals("c:one<-" + peer.address(), recorder.events.next());
            assertEquals("c:two<-" + peer.address(), recorder.events.next());

            ByteBuffer queued = ByteBuffer.allocate(16);
            socket.dispatch().receiveFrom(socket, WskBuf.of(queued), d.irp("queued"));
            d.localAddress(socket); // a barrier: the receiveFrom reached the socket's loop before the datagram comes
            peer.send("to-the-irp", local);
            assertEquals("to-the-irp", text(queued, d.await("queued").information()));
            peer.send("three", local);
            assertEquals("c:three<-" + peer.address(), recorder.events.next());
            recorder.events.assertNoMore();

            recorder.socket = socket; // the event now passes its view to sendTo: B4 refuses it
            peer.send("four", local);
            assertEquals("c:four<-" + peer.address(), recorder.events.next());
            String misuse = recorder.misuse.next();
            assertTrue(misuse.startsWith("refused: ") && misuse.contains("B4"), misuse);
            recorder.socket = null;

            socket.dispatch().controlSocket(socket, WskEvent.RECEIVE_FROM, false, d.irp("disable"));
            assertEquals(NtStatus.SUCCESS, d.await("disable").status());
            peer.send("five", local);
            ByteBuffer last = ByteBuffer.allocate(16);
            socket.dispatch().receiveFrom(socket, WskBuf.of(last), d.irp("after-events"));
            assertEquals("five", text(last, d.await("after-events").information()));
            recorder.events.assertNoMore();
            d.close(socket);
            assertEquals(java.util.List.of(), net.errors());
        }
    }

    @OnBothTransports
    @DisplayName("G4 a port unreachable the OS reports completes the next operation CONNECTION_REFUSED, and the"
            + " socket stays usable")
    void portUnreachableIsReportedOnce(Transport transport) throws Exception {
        try (Network net = transport.open(); Datagrams d = new Datagrams(net)) {
            WskDatagramSocket socket = d.bound("s", null);
            SocketAddress local = d.localAddress(socket);
            SocketAddress closed = d.closedAddress();
            assertEquals(NtStatus.SUCCESS, d.set(socket, WskOption.SIO_WSK_SET_REMOTE_ADDRESS, closed));

            ByteBuffer into = ByteBuffer.allocate(16);
            socket.dispatch().receiveFrom(socket, WskBuf.of(into), d.irp("receive"));
            assertEquals(NtStatus.SUCCESS, d.sendTo(socket, "lost", null).status(), "the datagram left");
            Done refused = d.await("receive");
            assertEquals(NtStatus.CONNECTION_REFUSED, refused.status());
            assertEquals(0, refused.information());

            DatagramPeer peer = d.peer();
            assertEquals(NtStatus.SUCCESS, d.set(socket, WskOption.SIO_WSK_SET_REMOTE_ADDRESS, peer.address()));
            assertEquals(NtStatus.SUCCESS, d.sendTo(socket, "usable", null).status());
            assertEquals("usable", peer.receive().text());
            peer.send("back", local);
            ByteBuffer reply = ByteBuffer.allocate(16);
            socket.dispatch().receiveFrom(socket, WskBuf.of(reply), d.irp("reply"));
            Done back = d.await("reply");
            assertEquals(NtStatus.SUCCESS, back.status());
            assertEquals("back", text(reply, back.information()));
            d.close(socket);
            d.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("G4 an unconnected socket is told nothing of a datagram lost to a closed port, as Linux reports ICMP"
            + " errors only to a connected one")
    void unconnectedSocketHearsNoIcmp(Transport transport) throws Exception {
        try (Network net = transport.open(); Datagrams d = new Datagrams(net)) {
            WskDatagramSocket socket = d.bound("s", null);
            SocketAddress local = d.localAddress(socket);
            assertEquals(NtStatus.SUCCESS, d.sendTo(socket, "lost", d.closedAddress()).status());
            DatagramPeer peer = d.peer();
            peer.send("after", local);
            ByteBuffer into = ByteBuffer.allocate(16);
            socket.dispatch().receiveFrom(socket, WskBuf.of(into), d.irp("receive"));
            Done done = d.await("receive");
            assertEquals(NtStatus.SUCCESS, done.status());
            assertEquals("after", text(into, done.information()));
            assertEquals(NtStatus.SUCCESS, d.sendTo(socket, "still", peer.address()).status());
            assertEquals("still", peer.receive().text());
            d.close(socket);
        }
    }

    @OnBothTransports
    @DisplayName("G4 close completes pending receiveFrom IRPs CANCELLED before its own (C2); cancel() ends one (I6)")
    void closeCancelsPendingReceives(Transport transport) throws Exception {
        try (Network net = transport.open(); Datagrams d = new Datagrams(net)) {
            WskDatagramSocket socket = d.bound("s", null);
            Irp cancelled = d.irp("cancelled");
            socket.dispatch().receiveFrom(socket, WskBuf.of(ByteBuffer.allocate(8)), cancelled);
            assertTrue(cancelled.cancel());
            Done done = d.await("cancelled");
            assertEquals(NtStatus.CANCELLED, done.status());
            assertEquals(0, done.information());
            assertNull(done.address());

            socket.dispatch().receiveFrom(socket, WskBuf.of(ByteBuffer.allocate(8)), d.irp("pending-1"));
            socket.dispatch().receiveFrom(socket, WskBuf.of(ByteBuffer.allocate(8)), d.irp("pending-2"));
            socket.dispatch().closeSocket(socket, d.irp("close"));
            assertEquals(NtStatus.SUCCESS, d.await("close").status());
            assertEquals(NtStatus.CANCELLED, d.await("pending-1").status());
            assertEquals(NtStatus.CANCELLED, d.await("pending-2").status());
            assertEquals(java.util.List.of("cancelled", "pending-1", "pending-2", "close"),
                    d.namesInOrder().subList(d.namesInOrder().indexOf("cancelled"), d.namesInOrder().size()));
            assertThrows(IllegalStateException.class, () -> socket.dispatch().receiveFrom(socket,
                    WskBuf.of(ByteBuffer.allocate(8)), Irp.allocate()), "C5: socket closed");
            assertEquals(0, net.provider().openSocketCount());
            d.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("G6 a second bind, no client dispatch, another address than the fixed one, a throwing receive-from"
            + " event: each its status or report, and the socket goes on")
    void datagramChoices(Transport transport) throws Exception {
        try (Network net = transport.open(); Datagrams d = new Datagrams(net)) {
            WskDatagramSocket plain = d.bound("plain", null);
            plain.dispatch().bind(plain, new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                    d.irp("second-bind"));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, d.await("second-bind").status());
            plain.dispatch().controlSocket(plain, WskEvent.RECEIVE_FROM, true, d.irp("no-dispatch"));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, d.await("no-dispatch").status());
            DatagramPeer peer = d.peer();
            DatagramPeer other = d.peer();
            assertEquals(NtStatus.SUCCESS, d.set(plain, WskOption.SIO_WSK_SET_REMOTE_ADDRESS, peer.address()));
            assertEquals(NtStatus.INVALID_PARAMETER, d.sendTo(plain, "elsewhere", other.address()).status());
            assertEquals(NtStatus.SUCCESS, d.sendTo(plain, "here", peer.address()).status());
            assertEquals("here", peer.receive().text());
            d.close(plain);

            Log seen = new Log(net);
            WskDatagramSocket throwing = d.bound("throwing", (String context, WskBuf datagram, SocketAddress source) -> {
                if (datagram.length() == 4) {
                    throw new IllegalStateException("an event that fails");
                }
                seen.add("datagram of " + datagram.length());
            });
            SocketAddress local = d.localAddress(throwing);
            throwing.dispatch().controlSocket(throwing, WskEvent.RECEIVE_FROM, true, d.irp("enable"));
            assertEquals(NtStatus.SUCCESS, d.await("enable").status());
            peer.send("boom", local);
            peer.send("after", local);
            assertEquals("datagram of 5", seen.next()); // the same I/O thread reported the throw before this
            assertEquals(1, net.errors().size(), net.errors().toString());
            assertTrue(net.errors().get(0).contains("receive-from event") && net.errors().get(0).contains("goes on"),
                    net.errors().get(0));
            d.close(throwing);
        }
    }

    @OnBothTransports
    @DisplayName("K4 G6 datagram options: SIO_WSK_SET_REMOTE_ADDRESS after bind, SO_RCVBUF/SO_SNDBUF, SO_REUSEADDR,"
            + " SO_EXCLUSIVEADDRUSE, IPV6_V6ONLY before bind only; null INVALID_PARAMETER, other kinds' NOT_SUPPORTED")
    void datagramOptions(Transport transport) throws Exception {
        try (Network net = transport.open(); Datagrams d = new Datagrams(net)) {
            WskDatagramSocket socket = d.socket("s", null);
            DatagramPeer peer = d.peer();
            assertEquals(NtStatus.INVALID_DEVICE_STATE, d.set(socket, WskOption.SIO_WSK_SET_REMOTE_ADDRESS,
                    peer.address()), "before bind");
            assertEquals(NtStatus.SUCCESS, d.set(socket, WskOption.SO_REUSEADDR, true));
            assertEquals(true, d.get(socket, WskOption.SO_REUSEADDR)[1]);
            assertEquals(NtStatus.SUCCESS, d.set(socket, WskOption.SO_EXCLUSIVEADDRUSE, true));
            assertEquals(false, d.get(socket, WskOption.SO_REUSEADDR)[1], "exclusive use clears SO_REUSEADDR");
            assertEquals(NtStatus.SUCCESS, d.set(socket, WskOption.IPV6_V6ONLY, false));
            assertEquals(NtStatus.NOT_SUPPORTED, d.set(socket, WskOption.LISTEN_BACKLOG, 8), "a listening socket's");
            String name = "bind";
            socket.dispatch().bind(socket, new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                    d.irp(name));
            assertEquals(NtStatus.SUCCESS, d.await(name).status());
            assertEquals(NtStatus.INVALID_DEVICE_STATE, d.set(socket, WskOption.SO_REUSEADDR, false), "after bind");
            assertEquals(NtStatus.INVALID_DEVICE_STATE, d.set(socket, WskOption.SO_EXCLUSIVEADDRUSE, true));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, d.set(socket, WskOption.IPV6_V6ONLY, false));

            assertEquals(NtStatus.SUCCESS, d.set(socket, WskOption.SO_RCVBUF, 65_536));
            Object[] rcvbuf = d.get(socket, WskOption.SO_RCVBUF);
            assertEquals(NtStatus.SUCCESS, rcvbuf[0]);
            assertTrue((Integer) rcvbuf[1] >= 65_536, "SO_RCVBUF " + rcvbuf[1]);
            assertEquals(NtStatus.SUCCESS, d.set(socket, WskOption.SO_SNDBUF, 65_536));
            assertEquals(NtStatus.INVALID_PARAMETER, d.set(socket, WskOption.SO_RCVBUF, 0));
            assertEquals(NtStatus.INVALID_PARAMETER, d.set(socket, WskOption.SIO_WSK_SET_REMOTE_ADDRESS, null));
            assertEquals(NtStatus.NOT_SUPPORTED, d.set(socket, WskOption.SO_KEEPALIVE, true));
            assertEquals(NtStatus.NOT_SUPPORTED, d.get(socket, WskOption.SO_LINGER)[0]);

            assertNull(d.get(socket, WskOption.SIO_WSK_SET_REMOTE_ADDRESS)[1]);
            assertEquals(NtStatus.SUCCESS, d.set(socket, WskOption.SIO_WSK_SET_REMOTE_ADDRESS, peer.address()));
            Object[] remote = d.get(socket, WskOption.SIO_WSK_SET_REMOTE_ADDRESS);
            assertEquals(NtStatus.SUCCESS, remote[0]);
            assertEquals(peer.address(), remote[1]);
            d.close(socket);
        }
    }

    @OnBothTransports
    @DisplayName("G5 an echo driven by completion routines: receiveFrom, then sendTo back to irp.address(), many times")
    void echoFromRoutines(Transport transport) throws Exception {
        int rounds = 200;
        try (Network net = transport.open(); Datagrams d = new Datagrams(net)) {
            WskDatagramSocket socket = d.bound("s", null);
            SocketAddress local = d.localAddress(socket);
            DatagramPeer peer = d.peer();
            DatagramEcho echo = new DatagramEcho(socket, 64);
            echo.start();
            for (int i = 0; i < rounds; i++) {
                String message = "ping-" + i;
                peer.send(message, local);
                Datagram reply = peer.receive();
                assertEquals(message, reply.text());
                assertEquals(local, reply.source());
            }
            assertEquals(java.util.List.of(), echo.failures());
            d.close(socket);
            assertEquals(java.util.List.of(), net.errors());
        }
    }

    /**
     * The G5 shape: one receive IRP and one send IRP, reused forever from their routines, one buffer; the reply goes
     * to the source of the datagram received. Allocates nothing once warm (DatagramAllocationTest measures it).
     */
    static final class DatagramEcho {
        final WskDatagramSocket socket;
        final ByteBuffer buffer;
        final WskBuf receiveBuf;
        final WskBuf sendBuf;
        final Irp receiveIrp = Irp.allocate();
        final Irp sendIrp = Irp.allocate();
        private final java.util.List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final io.wsk4j.CompletionRoutine<DatagramEcho> received = (irp, echo) -> echo.onReceived();
        private final io.wsk4j.CompletionRoutine<DatagramEcho> sent = (irp, echo) -> echo.onSent();
        private SocketAddress source;

        DatagramEcho(WskDatagramSocket socket, int size) {
            this.socket = socket;
            this.buffer = ByteBuffer.allocate(size);
            this.receiveBuf = WskBuf.of(buffer);
            this.sendBuf = WskBuf.of(buffer);
        }

        void start() {
            receiveIrp.setCompletionRoutine(received, this, true, true, true);
            socket.dispatch().receiveFrom(socket, receiveBuf, receiveIrp);
        }

        private NtStatus onReceived() {
            if (receiveIrp.status() != NtStatus.SUCCESS) {
                if (receiveIrp.status() != NtStatus.CANCELLED) {
                    failures.add("receiveFrom " + receiveIrp.status());
                }
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }
            source = receiveIrp.address();
            buffer.flip();
            sendIrp.reuse(NtStatus.SUCCESS);
            sendIrp.setCompletionRoutine(sent, this, true, true, true);
            socket.dispatch().sendTo(socket, sendBuf, source, sendIrp);
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }

        private NtStatus onSent() {
            if (sendIrp.status() != NtStatus.SUCCESS) {
                failures.add("sendTo " + sendIrp.status());
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }
            buffer.clear();
            receiveIrp.reuse(NtStatus.SUCCESS);
            receiveIrp.setCompletionRoutine(received, this, true, true, true);
            try {
                socket.dispatch().receiveFrom(socket, receiveBuf, receiveIrp);
            } catch (IllegalStateException closed) {
                // the peer has its reply, and the test may close the socket before this routine posts the next
                // receive: the call then throws "socket closed" (SPEC C5), and the echo is over
            }
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }

        java.util.List<String> failures() {
            return java.util.List.copyOf(failures);
        }
    }
}
