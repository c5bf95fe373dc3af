package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskEvent;
import io.wsk4j.WskProviderConnectionDispatch;
import io.wsk4j.conformance.Network.Connection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/** SPEC I: IRPs and completion (I2–I7), with B1 and B3, on both transports. */
@Timeout(60)
class IrpContractTest {
    /** IRPs whose routines keep them (retained, I4), in completion order, for the test to read afterwards. */
    private static final class Kept {
        private final Network net;
        private final List<Irp> irps = new ArrayList<>();
        final CompletionRoutine<Kept> routine = (irp, kept) -> {
            kept.add(irp);
            return NtStatus.MORE_PROCESSING_REQUIRED; // retained: the test reads it afterwards
        };

        Kept(Network net) {
            this.net = net;
        }

        private synchronized void add(Irp irp) {
            irps.add(irp);
            notifyAll();
        }

        /** {@return the {@code n}th IRP kept (from 1), waiting for it (bounded)} */
        Irp await(int n) throws InterruptedException {
            net.await(this, () -> {
                synchronized (this) {
                    return irps.size() >= n;
                }
            }, "completion " + n + " of a kept IRP");
            synchronized (this) {
                return irps.get(n - 1);
            }
        }
    }

    @OnBothTransports
    @DisplayName("I2 E4 completion runs on the caller's thread (synchronous) or on the loop (pending); pendingReturned tells")
    void synchronousAndPendingCompletion(Transport transport) throws Exception {
        try (Network net = transport.openOneIoThread()) {
            Connection c = net.connect();
            Connection other = net.connect(); // on the same, only I/O thread
            // from the test's thread: queued to the loop if that is another thread (PENDING), run at once if it is the
            // loop's own (a simulation's); either way the routine runs on the loop and pendingReturned tells which
            NtStatus fromTest = c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("a")), SendFlags.NONE,
                    net.completions.irp("from-test"));
            Completions.Done fromTestDone = net.completions.await("from-test");
            if (!net.onIoThread()) {
                assertEquals(NtStatus.PENDING, fromTest, "a call from another thread than the loop's is queued");
            }
            assertEquals(fromTest == NtStatus.PENDING, fromTestDone.pendingReturned());
            assertEquals(NtStatus.SUCCESS, fromTestDone.status());

            // from a completion routine of another socket on the loop: written at once, so the final status is
            // returned; on the routine's own socket: kept until the routine's step ends (SPEC E4), so PENDING
            Log inner = new Log(net);
            CompletionRoutine<String> nestedRoutine = (n, name) -> {
                inner.add(name + " " + n.status() + " pendingReturned=" + n.pendingReturned() + " io="
                        + net.onIoThread());
                n.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            };
            Irp trigger = Irp.allocate();
            trigger.setCompletionRoutine((irp, socket) -> {
                Irp nested = Irp.allocate();
                nested.setCompletionRoutine(nestedRoutine, "routine", true, true, true);
                NtStatus returned = socket.dispatch().send(socket, WskBuf.of(Bytes.ascii("b")), SendFlags.NONE,
                        nested);
                inner.add("returned " + returned + " io=" + net.onIoThread());
                Irp own = Irp.allocate();
                own.setCompletionRoutine(nestedRoutine, "own routine", true, true, true);
                NtStatus ownReturned = other.dispatch().send(other.socket(), WskBuf.of(Bytes.ascii("c")),
                        SendFlags.NONE, own);
                inner.add("own returned " + ownReturned);
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, c.socket(), true, true, true);
            other.dispatch().getLocalAddress(other.socket(), trigger);
            assertEquals("routine " + NtStatus.SUCCESS + " pendingReturned=false io=true", inner.next(),
                    "the routine ran before the dispatch call returned, synchronously");
            assertEquals("returned " + NtStatus.SUCCESS + " io=true", inner.next(),
                    "the call returned the final status, on the same thread");
            assertEquals("own returned " + NtStatus.PENDING, inner.next(),
                    "a call on the routine's own socket waits for its step");
            assertEquals("own routine " + NtStatus.SUCCESS + " pendingReturned=true io=true", inner.next(),
                    "pendingReturned is true: the call returned PENDING; on the loop, no hop");
            assertEquals("ab", new String(c.peer().readExactly(2), StandardCharsets.US_ASCII));
            assertEquals("c", new String(other.peer().readExactly(1), StandardCharsets.US_ASCII));
            net.closeSocket(c.socket());
            net.closeSocket(other.socket());
        }
    }

    @OnBothTransports
    @DisplayName("I3 a pending IRP belongs to the provider: every call but cancel() throws, naming the operation")
    void pendingIrpBelongsToProvider(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            Irp irp = net.completions.irp("receive");
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(4)), ReceiveFlags.NONE, irp);
            net.barrier(c);
            IllegalStateException e = assertThrows(IllegalStateException.class, irp::status);
            assertTrue(e.getMessage().contains("WskReceive"), e.getMessage());
            assertThrows(IllegalStateException.class, irp::information);
            assertThrows(IllegalStateException.class, () -> irp.reuse(NtStatus.SUCCESS));
            assertThrows(IllegalStateException.class, irp::free);
            assertThrows(IllegalStateException.class, () -> irp.setCompletionRoutine(
                    (i, x) -> NtStatus.MORE_PROCESSING_REQUIRED, null, true, true, true));
            IllegalStateException again = assertThrows(IllegalStateException.class,
                    () -> c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("x")), SendFlags.NONE, irp));
            assertTrue(again.getMessage().contains("WskReceive"), "B1: a pending IRP cannot be dispatched again");

            assertTrue(irp.cancel(), "I6: cancel is the one call allowed");
            Completions.Done cancelled = net.completions.await("receive");
            assertEquals(NtStatus.CANCELLED, cancelled.status());
            assertEquals(0, cancelled.information());
            net.closeSocket(c.socket());
            net.completions.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("I6 I7 cancel() of a finished or never-dispatched IRP returns false and changes nothing")
    void cancelTooLate(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            Irp fresh = Irp.allocate();
            assertFalse(fresh.cancel());
            fresh.free();
            Kept kept = new Kept(net);
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine(kept.routine, kept, true, true, true);
            c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("x")), SendFlags.NONE, irp);
            Irp completed = kept.await(1);
            assertFalse(completed.cancel(), "already finished");
            assertEquals(NtStatus.SUCCESS, completed.status(), "the real status stands");
            assertEquals(1, completed.information(), "I7: send information is the bytes sent");
            completed.free();
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("I4 a routine that does not return MORE_PROCESSING_REQUIRED is reported on the error channel")
    void routineMustReturnMoreProcessingRequired(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((i, ignored) -> NtStatus.SUCCESS, null, true, true, true);
            c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("x")), SendFlags.NONE, irp);
            net.barrier(c);
            List<String> errors = net.errors();
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).contains("MORE_PROCESSING_REQUIRED"), errors.get(0));
            assertTrue(errors.get(0).contains("IllegalStateException"), errors.get(0));
            irp.free(); // treated as retained: still the application's
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("I5 reuse resets the IRP; freeing twice, reusing a freed IRP or dispatching it throws")
    void reuseAndFree(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            Kept kept = new Kept(net);
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine(kept.routine, kept, true, true, true);
            c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("xyz")), SendFlags.NONE, irp);
            assertSame(irp, kept.await(1));
            IllegalStateException notReused = assertThrows(IllegalStateException.class,
                    () -> c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("x")), SendFlags.NONE, irp));
            assertTrue(notReused.getMessage().contains("reuse"), notReused.getMessage());

            irp.reuse(NtStatus.UNSUCCESSFUL);
            assertEquals(NtStatus.UNSUCCESSFUL, irp.status());
            assertEquals(0, irp.information());
            IllegalStateException noRoutine = assertThrows(IllegalStateException.class,
                    () -> c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("x")), SendFlags.NONE, irp));
            assertTrue(noRoutine.getMessage().contains("setCompletionRoutine"), noRoutine.getMessage());

            irp.setCompletionRoutine(kept.routine, kept, true, true, true);
            c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("!")), SendFlags.NONE, irp);
            assertSame(irp, kept.await(2));
            assertEquals(1, irp.information(), "a reused IRP carries the next operation");
            irp.free();
            assertThrows(IllegalStateException.class, irp::free);
            assertThrows(IllegalStateException.class, () -> irp.reuse(NtStatus.SUCCESS));
            IllegalStateException freed = assertThrows(IllegalStateException.class,
                    () -> c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("x")), SendFlags.NONE, irp));
            assertTrue(freed.getMessage().contains("freed"), freed.getMessage());
            assertEquals("xyz!", new String(c.peer().readExactly(4), StandardCharsets.US_ASCII),
                    "the refused calls put nothing on the wire");
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("B1 null socket or IRP, an IRP without routine: a clear exception before anything is queued")
    void programmingErrorsThrow(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            WskProviderConnectionDispatch d = c.dispatch();
            NullPointerException noSocket = assertThrows(NullPointerException.class,
                    () -> d.send(null, WskBuf.of(Bytes.ascii("x")), SendFlags.NONE, net.completions.irp("a")));
            assertTrue(noSocket.getMessage().contains("socket"), noSocket.getMessage());
            NullPointerException noIrp = assertThrows(NullPointerException.class,
                    () -> d.disconnect(c.socket(), null, DisconnectMode.GRACEFUL, null));
            assertTrue(noIrp.getMessage().contains("Irp.allocate()"), noIrp.getMessage());
            assertThrows(NullPointerException.class, () -> d.closeSocket(c.socket(), null));
            Irp noRoutine = Irp.allocate();
            assertThrows(IllegalStateException.class, () -> d.closeSocket(c.socket(), noRoutine),
                    "no routine: the socket must not be half-closed");
            noRoutine.free();
            Irp foreignSocketIrp = net.completions.irp("foreign");
            assertThrows(IllegalArgumentException.class, () -> d.send(() -> d, WskBuf.of(Bytes.ascii("x")),
                    SendFlags.NONE, foreignSocketIrp));
            foreignSocketIrp.free();
            WskBuf busy = WskBuf.of(ByteBuffer.allocate(8));
            d.receive(c.socket(), busy, ReceiveFlags.NONE, net.completions.irp("busy"));
            Irp second = net.completions.irp("second");
            assertThrows(IllegalStateException.class, () -> d.receive(c.socket(), busy, ReceiveFlags.NONE, second));
            assertFalse(second.cancel(), "the refused IRP was never queued");
            second.free();

            d.send(c.socket(), WskBuf.of(Bytes.ascii("fine")), SendFlags.NONE, net.completions.irp("send"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("send").status(), "the socket still works");
            net.closeSocket(c.socket());
            assertEquals(NtStatus.CANCELLED, net.completions.await("busy").status());
            net.completions.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("B3 I1 an IrpPool gets every IRP back through completions, misuse and cancellation")
    void poolFullAgain(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            IrpPool pool = new IrpPool(16);
            Log statuses = new Log(net);
            CompletionRoutine<Log> recycle = (irp, log) -> {
                NtStatus status = irp.status();
                pool.recycle(irp); // before the test can see the status, so that it finds the IRP back in the pool
                log.add(status.toString());
                return NtStatus.MORE_PROCESSING_REQUIRED;
            };
            Connection c = net.connect();
            WskProviderConnectionDispatch d = c.dispatch();
            int expected = 0;
            for (int i = 0; i < 100; i++) {
                Irp irp = pool.take();
                irp.setCompletionRoutine(recycle, statuses, true, true, true);
                d.send(c.socket(), WskBuf.of(Bytes.ascii("data")), SendFlags.NONE, irp);
                expected++;
            }
            Irp pending = pool.take();
            pending.setCompletionRoutine(recycle, statuses, true, true, true);
            d.receive(c.socket(), WskBuf.of(ByteBuffer.allocate(4)), ReceiveFlags.NONE, pending);
            expected++;
            Irp bad = pool.take();
            bad.setCompletionRoutine(recycle, statuses, true, true, true);
            d.disconnect(c.socket(), WskBuf.of(Bytes.ascii("x")), DisconnectMode.ABORTIVE, bad); // INVALID_PARAMETER
            expected++;
            Irp unused = pool.take();
            assertThrows(IllegalStateException.class,
                    () -> d.send(c.socket(), WskBuf.of(Bytes.ascii("x")), SendFlags.NONE, unused)); // no routine
            pool.recycle(unused);
            Irp close = pool.take();
            close.setCompletionRoutine(recycle, statuses, true, true, true);
            d.closeSocket(c.socket(), close);
            expected++;
            statuses.awaitSize(expected);
            assertEquals(0, pool.outstanding(), "the pool is full again");
        }
    }

    @OnBothTransports
    @DisplayName("B3 E6 exceptions in completion routines and events are reported; the I/O thread goes on")
    void userExceptionsDoNotKillTheLoop(Transport transport) throws Exception {
        try (Network net = transport.openOneIoThread()) {
            Log eventRan = new Log(net);
            WskClientConnectionDispatch<String> throwing = new WskClientConnectionDispatch<>() {
                @Override
                public long onReceive(String context, WskBuf data) {
                    eventRan.add("receive event");
                    throw new IllegalArgumentException("boom in event");
                }
            };
            Connection c = net.connect("c", throwing);
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((i, x) -> {
                throw new IllegalStateException("boom in routine");
            }, null, true, true, true);
            c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("x")), SendFlags.NONE, irp);
            net.enable(c.socket(), WskEvent.RECEIVE);
            c.peer().write(new byte[] {1});
            // a receive IRP queued before the event ran would take precedence over it (SPEC E3)
            assertEquals("receive event", eventRan.next());
            // SPEC E6: the connection whose event threw is reset; later receives complete CONNECTION_ABORTED
            ByteBuffer in = ByteBuffer.allocate(4);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.NONE, net.completions.irp("receive"));
            assertEquals(NtStatus.CONNECTION_ABORTED, net.completions.await("receive").status());
            assertEquals("RESET", c.peer().endOf());
            Connection other = net.connect();
            other.dispatch().send(other.socket(), WskBuf.of(Bytes.ascii("ok")), SendFlags.NONE,
                    net.completions.irp("ok"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("ok").status(), "the same loop serves other sockets");
            List<String> errors = net.errors();
            assertTrue(errors.stream().anyMatch(e -> e.contains("boom in routine")), errors.toString());
            assertTrue(errors.stream().anyMatch(e -> e.contains("boom in event")), errors.toString());
            net.closeSocket(c.socket());
            net.closeSocket(other.socket());
        }
    }
}
