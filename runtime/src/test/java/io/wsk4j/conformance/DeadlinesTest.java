package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import io.wsk4j.conformance.Network.Connection;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SPEC N2: {@code Irp.cancelAfter} bounds one operation, on the I/O thread's timer (virtual time in a simulation). */
@Timeout(60)
class DeadlinesTest {
    /** How late a deadline may fire on real sockets: the loop's poll, a busy 2-core machine. */
    private static final long NIO_SLACK_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** One IRP's completion as its routine saw it, with the provider's clock at that moment. */
    static final class Outcome {
        private final Network net;
        private boolean done;
        private NtStatus status;
        private long information;
        private long at;
        private boolean onIoThread;
        private WskSocket socket;

        Outcome(Network net) {
            this.net = net;
        }

        /** A routine that records into this outcome and frees the IRP. */
        CompletionRoutine<Outcome> routine() {
            return (irp, outcome) -> {
                outcome.record(irp);
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            };
        }

        Irp irp(Duration deadline) {
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine(routine(), this, true, true, true);
            if (deadline != null) {
                irp.cancelAfter(deadline);
            }
            return irp;
        }

        synchronized void record(Irp irp) {
            status = irp.status();
            information = irp.information();
            at = net.nanoTime();
            onIoThread = net.onIoThread();
            socket = irp.socket();
            done = true;
            notifyAll();
        }

        synchronized boolean isDone() {
            return done;
        }

        Outcome await(String what) throws InterruptedException {
            net.await(this, this::isDone, what);
            return this;
        }

        synchronized NtStatus status() {
            return status;
        }

        synchronized long information() {
            return information;
        }

        synchronized long at() {
            return at;
        }
    }

    /** SPEC N2: not before the deadline; on the simulation exactly at it, on real sockets within a bounded delay. */
    private static void assertFiredAt(Network net, long dispatchedAt, Duration deadline, Outcome outcome) {
        long elapsed = outcome.at() - dispatchedAt;
        if (net instanceof SimulatedNetwork) {
            assertEquals(deadline.toNanos(), elapsed, "the virtual time of the cancel");
        } else {
            assertTrue(elapsed >= deadline.toNanos(), "cancelled " + elapsed + " ns after the dispatch, before "
                    + deadline);
            assertTrue(elapsed < deadline.toNanos() + NIO_SLACK_NANOS, "cancelled only after " + elapsed + " ns");
        }
    }

    @OnBothTransports
    @DisplayName("N2 I6 a receive that gets no data is cancelled at its deadline: CANCELLED, information 0")
    void receiveCancelledAtDeadline(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            Duration deadline = Duration.ofMillis(300);
            Outcome receive = new Outcome(net);
            long t0 = net.nanoTime();
            NtStatus returned = c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(16)), ReceiveFlags.NONE,
                    receive.irp(deadline));
            assertEquals(NtStatus.PENDING, returned);
            receive.await("the receive's deadline");
            assertEquals(NtStatus.CANCELLED, receive.status());
            assertEquals(0, receive.information());
            assertTrue(receive.onIoThread, "the deadline's cancel completes on the socket's I/O thread");
            assertFiredAt(net, t0, deadline, receive);
            // the connection is unharmed: the next receive gets the peer's bytes (SPEC I6)
            ByteBuffer into = ByteBuffer.allocate(16);
            c.dispatch().receive(c.socket(), WskBuf.of(into), ReceiveFlags.NONE, net.completions.irp("after"));
            c.peer().write("abc");
            assertEquals(3, net.completions.await("after").information());
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("N2 I5 an operation that completes before its deadline is not cancelled, and the deadline never"
            + " touches the reused IRP's next operation")
    void completionDisarms(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            Connection other = net.connect();
            Outcome first = new Outcome(net);
            Outcome second = new Outcome(net);
            ByteBuffer secondBuffer = ByteBuffer.allocate(16);
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((done, outcome) -> {
                outcome.record(done);
                done.reuse(NtStatus.SUCCESS); // clears the deadline: the next receive has none
                done.setCompletionRoutine(second.routine(), second, true, true, true);
                c.dispatch().receive(c.socket(), WskBuf.of(secondBuffer), ReceiveFlags.NONE, done);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, first, true, true, true);
            irp.cancelAfter(Duration.ofMillis(300));
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(16)), ReceiveFlags.NONE, irp);
            c.peer().write("abc");
            first.await("the first receive");
            assertEquals(NtStatus.SUCCESS, first.status());
            assertEquals(3, first.information());

            // a witness whose deadline comes after the first one's: once it fired, the first would have too
            Outcome witness = new Outcome(net);
            other.dispatch().receive(other.socket(), WskBuf.of(ByteBuffer.allocate(16)), ReceiveFlags.NONE,
                    witness.irp(Duration.ofMillis(600)));
            witness.await("the witness's deadline");
            assertEquals(NtStatus.CANCELLED, witness.status());
            assertFalse(second.isDone(), "the reused IRP's receive was completed (" + second.status() + ") by the"
                    + " deadline of the operation before it");

            c.peer().write("xyz");
            second.await("the second receive");
            assertEquals(NtStatus.SUCCESS, second.status());
            assertEquals(3, second.information());
            net.closeSocket(c.socket());
            net.closeSocket(other.socket());
        }
    }

    @OnBothTransports
    @DisplayName("N2 a connect nobody answers is cancelled at its deadline; the socket it would have made is gone")
    void connectCancelledAtDeadline(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Duration deadline = Duration.ofMillis(300);
            Outcome connect = new Outcome(net);
            java.net.SocketAddress nobody = net.unansweredAddress();
            long t0 = net.nanoTime();
            net.provider().socketConnect(nobody, null, null, connect.irp(deadline));
            connect.await("the connect's deadline");
            assertEquals(NtStatus.CANCELLED, connect.status());
            assertNull(connect.socket);
            assertFiredAt(net, t0, deadline, connect);
            net.await(connect, () -> net.provider().openSocketCount() == 0, "the cancelled connect's socket to go");
        }
    }

    @OnBothTransports
    @DisplayName("N2 D6 a send and a graceful disconnect queued behind a send the peer does not read are cancelled at"
            + " their deadlines; the send the transport took is not")
    void queuedSendAndDisconnectCancelled(Transport transport) throws Exception {
        try (Network net = transport.open(64 * 1024)) {
            Connection c = net.connect();
            int big = 16 << 20; // far beyond what the peer's buffers and ours hold while the peer does not read
            c.dispatch().send(c.socket(), WskBuf.of(ByteBuffer.allocate(big)), SendFlags.NONE,
                    net.completions.irp("big"));
            Outcome send = new Outcome(net);
            Outcome disconnect = new Outcome(net);
            long t0 = net.nanoTime();
            c.dispatch().send(c.socket(), WskBuf.of(ByteBuffer.allocate(10)), SendFlags.NONE,
                    send.irp(Duration.ofMillis(200)));
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL,
                    disconnect.irp(Duration.ofMillis(250)));
            send.await("the queued send's deadline");
            disconnect.await("the disconnect's deadline");
            assertEquals(NtStatus.CANCELLED, send.status());
            assertEquals(0, send.information());
            assertEquals(NtStatus.CANCELLED, disconnect.status());
            assertFiredAt(net, t0, Duration.ofMillis(200), send);
            assertFiredAt(net, t0, Duration.ofMillis(250), disconnect);
            net.completions.assertNotCompleted("big");
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, net.completions.irp("abort"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("abort").status());
            net.completions.await("big");
            net.closeSocket(c.socket());
            net.completions.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("N2 K5 an accept IRP no connection comes for is cancelled at its deadline; the next accept takes the"
            + " next connection")
    void acceptCancelledAtDeadline(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            KindCalls calls = new KindCalls(net);
            io.wsk4j.WskListenSocket l = calls.listenSocket(null, null);
            assertEquals(NtStatus.SUCCESS, calls.bind(l));
            Duration deadline = Duration.ofMillis(300);
            Outcome accept = new Outcome(net);
            long t0 = net.nanoTime();
            assertEquals(NtStatus.PENDING, l.dispatch().accept(l, null, null, accept.irp(deadline)));
            accept.await("the accept's deadline");
            assertEquals(NtStatus.CANCELLED, accept.status());
            assertNull(accept.socket);
            assertFiredAt(net, t0, deadline, accept);
            Peer peer = net.connectPeer(net.address(l, true));
            calls.accept(l, "next", null, null);
            KindCalls.Done next = calls.await("next");
            assertEquals(NtStatus.SUCCESS, next.status());
            assertEquals(peer.localAddress(), next.address());
            net.closeSocket(next.socket());
            net.closeSocket(l);
        }
    }

    @OnBothTransports
    @DisplayName("N2 I3 I5 cancelAfter takes a positive time before the dispatch call; pending, completed or freed it"
            + " throws, and reuse clears it")
    void misuse(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            Irp irp = Irp.allocate();
            for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), null}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> irp.cancelAfter(bad));
                assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
            }
            Outcome kept = new Outcome(net);
            irp.setCompletionRoutine((done, outcome) -> {
                outcome.record(done); // kept, not freed: the test reuses it
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, kept, true, true, true);
            irp.cancelAfter(Duration.ofHours(1));
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE, irp);
            IllegalStateException pending = assertThrows(IllegalStateException.class,
                    () -> irp.cancelAfter(Duration.ofSeconds(1)));
            assertTrue(pending.getMessage().contains("SPEC I3"), pending.getMessage());
            assertTrue(irp.cancel());
            kept.await("the cancelled receive");
            assertEquals(NtStatus.CANCELLED, kept.status());
            IllegalStateException completed = assertThrows(IllegalStateException.class,
                    () -> irp.cancelAfter(Duration.ofSeconds(1)));
            assertTrue(completed.getMessage().contains("reuse"), completed.getMessage());
            irp.reuse(NtStatus.SUCCESS);
            irp.cancelAfter(Duration.ofDays(365_000_000)); // beyond what nanoseconds hold: it never expires
            irp.free();
            IllegalStateException freed = assertThrows(IllegalStateException.class,
                    () -> irp.cancelAfter(Duration.ofSeconds(1)));
            assertTrue(freed.getMessage().contains("freed"), freed.getMessage());
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("N2 E4 a receive with a deadline posted from a completion routine (run after the step) is cancelled at"
            + " it")
    void postedFromRoutine(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            Outcome receive = new Outcome(net);
            Duration deadline = Duration.ofMillis(200);
            long[] postedAt = new long[1];
            Irp outer = Irp.allocate();
            outer.setCompletionRoutine((done, outcome) -> {
                synchronized (outcome) {
                    postedAt[0] = net.nanoTime();
                }
                c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                        outcome.irp(deadline));
                done.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, receive, true, true, true);
            c.dispatch().getLocalAddress(c.socket(), outer);
            receive.await("the deadline of the receive posted from a routine");
            assertEquals(NtStatus.CANCELLED, receive.status());
            synchronized (receive) {
                assertFiredAt(net, postedAt[0], deadline, receive);
            }
            net.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("N2 S2 deadlines replay: the same seed gives the same trace, cancels at the same virtual times")
    void deadlinesReplay() throws Exception {
        String[] traces = new String[2];
        for (int run = 0; run < 2; run++) {
            try (SimulatedNetwork net = (SimulatedNetwork) Transport.SIM_IPV6.open()) {
                Connection c = net.connect();
                for (int i = 0; i < 5; i++) {
                    c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(4)), ReceiveFlags.NONE,
                            new Outcome(net).irp(Duration.ofMillis(100 + 50 * (i % 3))));
                }
                net.sim.runFor(Duration.ofMillis(120));
                c.peer().write("abcd");
                net.sim.runFor(Duration.ofSeconds(1));
                net.closeSocket(c.socket());
                traces[run] = net.sim.trace();
            }
        }
        assertTrue(traces[0].contains("CANCELLED"), traces[0]);
        assertEquals(traces[0], traces[1]);
    }

    @Test
    @DisplayName("N2 S1 a deadline of a simulated hour expires at exactly one hour of virtual time, at no wall time")
    void simulatedHour() throws Exception {
        try (SimulatedNetwork net = (SimulatedNetwork) Transport.SIM.open()) {
            Connection c = net.connect();
            Outcome receive = new Outcome(net);
            long t0 = net.nanoTime();
            long wall = System.nanoTime();
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(16)), ReceiveFlags.NONE,
                    receive.irp(Duration.ofHours(1)));
            net.sim.runFor(Duration.ofMinutes(59));
            assertFalse(receive.isDone(), "cancelled before its hour");
            net.sim.runFor(Duration.ofMinutes(2));
            assertTrue(receive.isDone());
            assertEquals(NtStatus.CANCELLED, receive.status());
            assertFiredAt(net, t0, Duration.ofHours(1), receive);
            assertTrue(System.nanoTime() - wall < TimeUnit.SECONDS.toNanos(10), "a simulated hour took wall time");
            net.closeSocket(c.socket());
        }
    }
}
