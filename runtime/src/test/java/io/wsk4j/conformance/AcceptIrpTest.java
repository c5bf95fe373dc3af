package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskAccept;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientListenDispatch;
import io.wsk4j.WskEvent;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskSocket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/** SPEC K2, K5: a listening socket made unbound, listening from its bind, accepting with IRPs as WSK does. */
@Timeout(60)
class AcceptIrpTest {
    @OnBothTransports
    @DisplayName("K2 K5 listenSocket without a listen dispatch, bind, accept: the IRP has the socket and peer address")
    void acceptWithAnIrp(Transport transport) throws Exception {
        try (Network net = transport.open()) { // two I/O threads: the accepted socket may live on the other one
            KindCalls calls = new KindCalls(net);
            WskListenSocket l = calls.listenSocket(null, null);
            assertEquals(NtStatus.SUCCESS, calls.bind(l));
            SocketAddress address = net.address(l, true);
            for (int i = 1; i <= 3; i++) {
                calls.accept(l, "accept-" + i, "context-" + i, null);
                Peer peer = net.connectPeer(address);
                KindCalls.Done accepted = calls.await("accept-" + i);
                assertEquals(NtStatus.SUCCESS, accepted.status());
                assertNotNull(accepted.socket());
                assertEquals(peer.localAddress(), accepted.address(), "irp.address() is the peer's");
                WskSocket s = accepted.socket();
                byte[] hello = ("hello " + i).getBytes(StandardCharsets.US_ASCII);
                String sent = "send-" + i;
                s.dispatch().send(s, WskBuf.of(ByteBuffer.wrap(hello)), io.wsk4j.SendFlags.NONE,
                        calls.irp(sent, null));
                assertEquals(NtStatus.SUCCESS, calls.await(sent).status());
                assertEquals("hello " + i, new String(peer.readExactly(hello.length), StandardCharsets.US_ASCII));
                net.closeSocket(s);
            }
            net.closeSocket(l);
        }
    }

    @OnBothTransports
    @DisplayName("K5 with no accept IRP pending and no accept event, the listener takes nothing from the backlog")
    void nothingTakenWithoutATaker(Transport transport) throws Exception {
        try (Network net = transport.openOneIoThread()) { // one loop: an accept would be made in the barrier's turn
            KindCalls calls = new KindCalls(net);
            WskListenSocket l = calls.listenSocket(null, null);
            assertEquals(NtStatus.SUCCESS, calls.bind(l));
            SocketAddress address = net.address(l, true);
            Peer waiting = net.connectPeer(address); // the kernel completes the handshake: it waits in the backlog
            for (int turn = 0; turn < 3; turn++) {
                net.address(l, true); // a barrier: the loop polled with the connection ready and took nothing
            }
            net.settle();
            assertEquals(1, net.provider().openSocketCount(), "only the listening socket: nothing was accepted");
            calls.accept(l, "late", null, null);
            KindCalls.Done accepted = calls.await("late");
            assertEquals(NtStatus.SUCCESS, accepted.status());
            assertEquals(waiting.localAddress(), accepted.address(), "the backlog kept the connection");
            net.closeSocket(accepted.socket());
            net.closeSocket(l);
        }
    }

    @OnBothTransports
    @DisplayName("K5 a pending accept IRP takes precedence over the accept event; the event takes what no IRP wants")
    void irpBeforeEvent(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            KindCalls calls = new KindCalls(net);
            AtomicInteger events = new AtomicInteger();
            WskClientListenDispatch<Void> counting = (context, socket, local, remote) -> {
                synchronized (events) {
                    events.incrementAndGet();
                    events.notifyAll();
                }
                return WskAccept.reject();
            };
            WskListenSocket l = calls.listenSocket(null, counting); // the event is on from the making
            assertEquals(NtStatus.SUCCESS, calls.bind(l));
            SocketAddress address = net.address(l, true);
            calls.accept(l, "first", null, null);
            Peer first = net.connectPeer(address);
            KindCalls.Done accepted = calls.await("first");
            assertEquals(NtStatus.SUCCESS, accepted.status());
            assertEquals(first.localAddress(), accepted.address());
            assertEquals("RESET", net.connectPeerAndEnd(address), "no IRP pending: the event took it and rejected it");
            assertEquals(1, events.get(), "the event ran once, for the second peer only");
            net.closeSocket(accepted.socket());
            net.closeSocket(l);
        }
    }

    @OnBothTransports
    @DisplayName("K5 the accept event is switched by controlSocket; without a listen dispatch enabling it is refused")
    void acceptEventSwitch(Transport transport) throws Exception {
        try (Network net = transport.openOneIoThread()) {
            KindCalls calls = new KindCalls(net);
            WskListenSocket bare = calls.listenSocket(null, null);
            assertEquals(NtStatus.INVALID_DEVICE_STATE, calls.control(bare, WskEvent.ACCEPT, true));
            assertEquals(NtStatus.NOT_SUPPORTED, calls.control(bare, WskEvent.RECEIVE, true));
            calls.accept(bare, "unbound", null, null);
            assertEquals(NtStatus.INVALID_DEVICE_STATE, calls.await("unbound").status(), "accept before bind");
            net.closeSocket(bare);

            AtomicInteger events = new AtomicInteger();
            WskClientListenDispatch<Void> rejecting = (context, socket, local, remote) -> {
                events.incrementAndGet();
                return WskAccept.reject();
            };
            WskListenSocket l = calls.listenSocket(null, rejecting);
            assertEquals(NtStatus.SUCCESS, calls.control(l, WskEvent.ACCEPT, false));
            assertEquals(NtStatus.SUCCESS, calls.bind(l));
            SocketAddress address = net.address(l, true);
            Peer waiting = net.connectPeer(address);
            net.address(l, true);
            net.address(l, true);
            net.settle();
            assertEquals(0, events.get(), "the event is off: the connection stays in the backlog");
            assertEquals(1, net.provider().openSocketCount());
            assertEquals(NtStatus.SUCCESS, calls.control(l, WskEvent.ACCEPT, true));
            assertEquals("RESET", waiting.endOf(), "enabled, the event took the waiting connection and rejected it");
            assertEquals(1, events.get());
            net.closeSocket(l);
        }
    }

    @OnBothTransports
    @DisplayName("K5 I6 an accept IRP is cancellable; once cancelled it takes no connection")
    void acceptIsCancellable(Transport transport) throws Exception {
        try (Network net = transport.openOneIoThread()) {
            KindCalls calls = new KindCalls(net);
            WskListenSocket l = calls.listenSocket(null, null);
            assertEquals(NtStatus.SUCCESS, calls.bind(l));
            Irp irp = calls.irp("cancelled", null);
            assertEquals(NtStatus.PENDING, l.dispatch().accept(l, null, null, irp));
            assertTrue(irp.cancel());
            assertEquals(NtStatus.CANCELLED, calls.await("cancelled").status());
            Peer waiting = net.connectPeer(net.address(l, true));
            net.address(l, true);
            net.settle();
            assertEquals(1, net.provider().openSocketCount(), "the cancelled IRP took nothing");
            calls.accept(l, "next", null, null);
            KindCalls.Done next = calls.await("next");
            assertEquals(NtStatus.SUCCESS, next.status());
            assertEquals(waiting.localAddress(), next.address());
            net.closeSocket(next.socket());
            net.closeSocket(l);
        }
    }

    @OnBothTransports
    @DisplayName("K5 C2 closing the listener completes its pending accept IRPs CANCELLED, in order, before its close")
    void closeCancelsAccepts(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            KindCalls calls = new KindCalls(net);
            WskListenSocket l = calls.listenSocket(null, null);
            assertEquals(NtStatus.SUCCESS, calls.bind(l));
            calls.accept(l, "a", null, null);
            calls.accept(l, "b", null, null);
            l.dispatch().closeSocket(l, calls.irp("close", null));
            assertEquals(NtStatus.SUCCESS, calls.await("close").status());
            assertEquals(NtStatus.CANCELLED, calls.find("a").status());
            assertEquals(NtStatus.CANCELLED, calls.find("b").status());
            assertNull(calls.find("a").socket());
            assertEquals(List.of("listen-socket-1", "bind-2", "a", "b", "close"), calls.names());
        }
    }

    @OnBothTransports
    @DisplayName("K5 a routine that accepts again at once takes the connections that waited, each exactly once")
    void acceptFromTheRoutine(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            KindCalls calls = new KindCalls(net);
            WskListenSocket l = calls.listenSocket(null, null);
            assertEquals(NtStatus.SUCCESS, calls.bind(l));
            SocketAddress address = net.address(l, true);
            int peers = 5;
            Peer[] waiting = new Peer[peers];
            for (int i = 0; i < peers; i++) {
                waiting[i] = net.connectPeer(address);
            }
            AcceptAgain again = new AcceptAgain(l, peers);
            List<WskSocket> accepted = again.accepted;
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine(again, null, true, true, true);
            l.dispatch().accept(l, null, null, irp);
            net.await(accepted, () -> {
                synchronized (accepted) {
                    return accepted.size() == peers;
                }
            }, peers + " accepts");
            net.settle();
            assertEquals(peers + 1, net.provider().openSocketCount());
            synchronized (accepted) {
                assertEquals(peers, accepted.stream().distinct().count());
                assertFalse(accepted.contains(null));
            }
            for (WskSocket s : accepted) {
                net.closeSocket(s);
            }
            net.closeSocket(l);
        }
    }

    /** Accepts again from the routine of each accept, with the same IRP, until {@code peers} came. */
    private static final class AcceptAgain implements io.wsk4j.CompletionRoutine<Void> {
        final List<WskSocket> accepted = new java.util.ArrayList<>();
        private final WskListenSocket listener;
        private final int peers;

        AcceptAgain(WskListenSocket listener, int peers) {
            this.listener = listener;
            this.peers = peers;
        }

        @Override
        public NtStatus onComplete(Irp irp, Void context) {
            boolean again;
            synchronized (accepted) {
                accepted.add(irp.status() == NtStatus.SUCCESS ? irp.socket() : null);
                again = accepted.size() < peers;
                accepted.notifyAll();
            }
            if (again) {
                irp.reuse(NtStatus.SUCCESS);
                irp.setCompletionRoutine(this, null, true, true, true);
                listener.dispatch().accept(listener, null, null, irp);
            } else {
                irp.free();
            }
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }
    }
}
