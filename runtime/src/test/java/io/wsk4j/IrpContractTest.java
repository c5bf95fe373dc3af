package io.wsk4j;

import static io.wsk4j.GracefulDisconnectTest.barrier;
import static io.wsk4j.Loopback.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class IrpContractTest {
    @Test
    @DisplayName("A1 NtStatus carries the real NTSTATUS codes with NT_SUCCESS semantics")
    void ntStatusCodes() {
        assertEquals(0x00000000, NtStatus.SUCCESS.code());
        assertEquals(0x00000103, NtStatus.PENDING.code());
        assertEquals(0xC0000016, NtStatus.MORE_PROCESSING_REQUIRED.code());
        assertEquals(0xC0000120, NtStatus.CANCELLED.code());
        assertEquals(0xC000020D, NtStatus.CONNECTION_RESET.code());
        assertEquals(0xC0000241, NtStatus.CONNECTION_ABORTED.code());
        assertEquals(0xC0000236, NtStatus.CONNECTION_REFUSED.code());
        assertTrue(NtStatus.PENDING.isSuccess(), "PENDING counts as success: it is not done");
        assertFalse(NtStatus.CANCELLED.isSuccess());
        for (NtStatus status : NtStatus.values()) {
            assertEquals(status, NtStatus.of(status.code()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NtStatus.of(0x12345));
        assertTrue(e.getMessage().contains("0x00012345"), e.getMessage());
    }

    @Test
    @DisplayName("I2 E4 completion runs on the caller's thread (synchronous) or on the loop (pending); pendingReturned tells")
    void synchronousAndPendingCompletion() throws Exception {
        try (Loopback lb = new Loopback(1)) {
            Connection c = lb.connect();
            Connection other = lb.connect(); // on the same, only I/O thread
            // from a test thread: queued to the loop, so PENDING, and the routine sees pendingReturned
            NtStatus fromOutside = c.dispatch().send(c.socket(), WskBuf.of(bytes("a")), SendFlags.NONE,
                    lb.completions.irp("outside"));
            assertEquals(NtStatus.PENDING, fromOutside);
            Completions.Done outside = lb.completions.await("outside");
            assertTrue(outside.pendingReturned());
            assertTrue(outside.thread().startsWith("wsk4j-io-"));

            // from a completion routine of another socket on the loop: written at once, so the final status is
            // returned; on the routine's own socket: kept until the routine's step ends (SPEC E4), so PENDING
            BlockingQueue<Object[]> inner = new LinkedBlockingQueue<>();
            CompletionRoutine<String> nestedRoutine = (n, name) -> {
                inner.add(new Object[] {name, n.status(), n.pendingReturned(), Thread.currentThread()});
                n.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            };
            Irp trigger = Irp.allocate();
            trigger.setCompletionRoutine((irp, socket) -> {
                Irp nested = Irp.allocate();
                nested.setCompletionRoutine(nestedRoutine, "routine", true, true, true);
                NtStatus returned = socket.dispatch().send(socket, WskBuf.of(bytes("b")), SendFlags.NONE, nested);
                inner.add(new Object[] {"returned", returned, null, Thread.currentThread()});
                Irp own = Irp.allocate();
                own.setCompletionRoutine(nestedRoutine, "own routine", true, true, true);
                NtStatus ownReturned = other.dispatch().send(other.socket(), WskBuf.of(bytes("c")), SendFlags.NONE,
                        own);
                inner.add(new Object[] {"own returned", ownReturned, null, Thread.currentThread()});
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, c.socket(), true, true, true);
            other.dispatch().getLocalAddress(other.socket(), trigger);
            Object[] routine = inner.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
            Object[] returned = inner.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
            Object[] ownReturned = inner.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
            Object[] ownRoutine = inner.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(ownRoutine);
            assertEquals("routine", routine[0], "the routine ran before the dispatch call returned");
            assertEquals(NtStatus.SUCCESS, routine[1]);
            assertEquals(false, routine[2], "pendingReturned is false for a synchronous completion");
            assertEquals(NtStatus.SUCCESS, returned[1], "the call returned the final status");
            assertEquals(routine[3], returned[3], "on the same thread");
            assertEquals("own returned", ownReturned[0], "a call on the routine's own socket waits for its step");
            assertEquals(NtStatus.PENDING, ownReturned[1]);
            assertEquals("own routine", ownRoutine[0]);
            assertEquals(NtStatus.SUCCESS, ownRoutine[1]);
            assertEquals(true, ownRoutine[2], "pendingReturned is true: the call returned PENDING");
            assertEquals(routine[3], ownRoutine[3], "on the same thread, no hop");
            assertEquals("ab", new String(c.peer().getInputStream().readNBytes(2), "US-ASCII"));
            assertEquals("c", new String(other.peer().getInputStream().readNBytes(1), "US-ASCII"));
            lb.closeSocket(c.socket());
            lb.closeSocket(other.socket());
        }
    }

    @Test
    @DisplayName("I3 a pending IRP belongs to the provider: every call but cancel() throws, naming the operation")
    void pendingIrpBelongsToProvider() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            Irp irp = lb.completions.irp("receive");
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(4)), ReceiveFlags.NONE, irp);
            barrier(lb, c);
            IllegalStateException e = assertThrows(IllegalStateException.class, irp::status);
            assertTrue(e.getMessage().contains("WskReceive"), e.getMessage());
            assertThrows(IllegalStateException.class, irp::information);
            assertThrows(IllegalStateException.class, () -> irp.reuse(NtStatus.SUCCESS));
            assertThrows(IllegalStateException.class, irp::free);
            assertThrows(IllegalStateException.class,
                    () -> irp.setCompletionRoutine((i, x) -> NtStatus.MORE_PROCESSING_REQUIRED, null, true, true, true));
            IllegalStateException again = assertThrows(IllegalStateException.class,
                    () -> c.dispatch().send(c.socket(), WskBuf.of(bytes("x")), SendFlags.NONE, irp));
            assertTrue(again.getMessage().contains("WskReceive"), "B1: a pending IRP cannot be dispatched again");

            assertTrue(irp.cancel(), "I6: cancel is the one call allowed");
            Completions.Done cancelled = lb.completions.await("receive");
            assertEquals(NtStatus.CANCELLED, cancelled.status());
            assertEquals(0, cancelled.information());
            lb.closeSocket(c.socket());
            lb.completions.assertEachCompletedOnce();
        }
    }

    @Test
    @DisplayName("I6 cancel() of a finished or never-dispatched IRP returns false and changes nothing")
    void cancelTooLate() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            Irp fresh = Irp.allocate();
            assertFalse(fresh.cancel());
            Irp kept = Irp.allocate();
            BlockingQueue<Irp> done = new LinkedBlockingQueue<>();
            kept.setCompletionRoutine((irp, q) -> {
                q.add(irp);
                return NtStatus.MORE_PROCESSING_REQUIRED; // retained: the test reads it afterwards
            }, done, true, true, true);
            c.dispatch().send(c.socket(), WskBuf.of(bytes("x")), SendFlags.NONE, kept);
            Irp completed = done.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(completed);
            assertFalse(completed.cancel(), "already finished");
            assertEquals(NtStatus.SUCCESS, completed.status(), "the real status stands");
            assertEquals(1, completed.information(), "I7: send information is the bytes sent");
            completed.free();
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("I4 a routine that does not return MORE_PROCESSING_REQUIRED is reported on the error channel")
    void routineMustReturnMoreProcessingRequired() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((i, ignored) -> NtStatus.SUCCESS, null, true, true, true);
            c.dispatch().send(c.socket(), WskBuf.of(bytes("x")), SendFlags.NONE, irp);
            barrier(lb, c);
            assertEquals(1, lb.errors.size(), lb.errors.toString());
            assertTrue(lb.errors.get(0).contains("MORE_PROCESSING_REQUIRED"), lb.errors.get(0));
            assertTrue(lb.errors.get(0).contains("IllegalStateException"), lb.errors.get(0));
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("I5 reuse resets the IRP; freeing twice, reusing a freed IRP or dispatching it throws")
    void reuseAndFree() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            Irp irp = Irp.allocate();
            BlockingQueue<Irp> done = new LinkedBlockingQueue<>();
            CompletionRoutine<BlockingQueue<Irp>> keep = (i, q) -> {
                q.add(i);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            };
            irp.setCompletionRoutine(keep, done, true, true, true);
            c.dispatch().send(c.socket(), WskBuf.of(bytes("xyz")), SendFlags.NONE, irp);
            done.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
            IllegalStateException notReused = assertThrows(IllegalStateException.class,
                    () -> c.dispatch().send(c.socket(), WskBuf.of(bytes("x")), SendFlags.NONE, irp));
            assertTrue(notReused.getMessage().contains("reuse"), notReused.getMessage());

            irp.reuse(NtStatus.UNSUCCESSFUL);
            assertEquals(NtStatus.UNSUCCESSFUL, irp.status());
            assertEquals(0, irp.information());
            IllegalStateException noRoutine = assertThrows(IllegalStateException.class,
                    () -> c.dispatch().send(c.socket(), WskBuf.of(bytes("x")), SendFlags.NONE, irp));
            assertTrue(noRoutine.getMessage().contains("setCompletionRoutine"), noRoutine.getMessage());

            irp.setCompletionRoutine(keep, done, true, true, true);
            c.dispatch().send(c.socket(), WskBuf.of(bytes("!")), SendFlags.NONE, irp);
            assertEquals(irp, done.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(1, irp.information(), "a reused IRP carries the next operation");
            irp.free();
            assertThrows(IllegalStateException.class, irp::free);
            assertThrows(IllegalStateException.class, () -> irp.reuse(NtStatus.SUCCESS));
            IllegalStateException freed = assertThrows(IllegalStateException.class,
                    () -> c.dispatch().send(c.socket(), WskBuf.of(bytes("x")), SendFlags.NONE, irp));
            assertTrue(freed.getMessage().contains("freed"), freed.getMessage());
            assertEquals("xyz!", new String(c.peer().getInputStream().readNBytes(4), "US-ASCII"),
                    "the refused calls put nothing on the wire");
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("B1 null socket or IRP, an IRP without routine: a clear exception before anything is queued")
    void programmingErrorsThrow() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            WskProviderConnectionDispatch d = c.dispatch();
            NullPointerException noSocket = assertThrows(NullPointerException.class,
                    () -> d.send(null, WskBuf.of(bytes("x")), SendFlags.NONE, lb.completions.irp("a")));
            assertTrue(noSocket.getMessage().contains("socket"), noSocket.getMessage());
            NullPointerException noIrp = assertThrows(NullPointerException.class,
                    () -> d.disconnect(c.socket(), null, DisconnectMode.GRACEFUL, null));
            assertTrue(noIrp.getMessage().contains("Irp.allocate()"), noIrp.getMessage());
            assertThrows(NullPointerException.class, () -> d.closeSocket(c.socket(), null));
            assertThrows(IllegalStateException.class, () -> d.closeSocket(c.socket(), Irp.allocate()),
                    "no routine: the socket must not be half-closed");
            assertThrows(IllegalArgumentException.class, () -> d.send(() -> d, WskBuf.of(bytes("x")), SendFlags.NONE,
                    lb.completions.irp("foreign")));
            WskBuf busy = WskBuf.of(ByteBuffer.allocate(8));
            d.receive(c.socket(), busy, ReceiveFlags.NONE, lb.completions.irp("busy"));
            Irp second = lb.completions.irp("second");
            assertThrows(IllegalStateException.class, () -> d.receive(c.socket(), busy, ReceiveFlags.NONE, second));
            assertFalse(second.cancel(), "the refused IRP was never queued");

            d.send(c.socket(), WskBuf.of(bytes("fine")), SendFlags.NONE, lb.completions.irp("send"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("send").status(), "the socket still works");
            lb.closeSocket(c.socket());
            assertEquals(NtStatus.CANCELLED, lb.completions.await("busy").status());
            lb.completions.assertEachCompletedOnce();
        }
    }

    @Test
    @DisplayName("B3 I1 an IrpPool gets every IRP back through completions, misuse and cancellation")
    void poolFullAgain() throws Exception {
        try (Loopback lb = new Loopback()) {
            IrpPool pool = new IrpPool(16);
            BlockingQueue<NtStatus> statuses = new LinkedBlockingQueue<>();
            CompletionRoutine<BlockingQueue<NtStatus>> recycle = (irp, q) -> {
                NtStatus status = irp.status();
                pool.recycle(irp); // before the test can see the status, so that it finds the IRP back in the pool
                q.add(status);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            };
            Connection c = lb.connect();
            WskProviderConnectionDispatch d = c.dispatch();
            int expected = 0;
            for (int i = 0; i < 100; i++) {
                Irp irp = pool.take();
                irp.setCompletionRoutine(recycle, statuses, true, true, true);
                d.send(c.socket(), WskBuf.of(bytes("data")), SendFlags.NONE, irp);
                expected++;
            }
            Irp pending = pool.take();
            pending.setCompletionRoutine(recycle, statuses, true, true, true);
            d.receive(c.socket(), WskBuf.of(ByteBuffer.allocate(4)), ReceiveFlags.NONE, pending);
            expected++;
            Irp bad = pool.take();
            bad.setCompletionRoutine(recycle, statuses, true, true, true);
            d.disconnect(c.socket(), WskBuf.of(bytes("x")), DisconnectMode.ABORTIVE, bad); // INVALID_PARAMETER
            expected++;
            Irp unused = pool.take();
            assertThrows(IllegalStateException.class,
                    () -> d.send(c.socket(), WskBuf.of(bytes("x")), SendFlags.NONE, unused)); // no routine
            pool.recycle(unused);
            Irp close = pool.take();
            close.setCompletionRoutine(recycle, statuses, true, true, true);
            d.closeSocket(c.socket(), close);
            expected++;
            for (int i = 0; i < expected; i++) {
                assertNotNull(statuses.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS), "completion " + i);
            }
            assertEquals(0, pool.outstanding(), "the pool is full again");
        }
    }

    @Test
    @DisplayName("B3 exceptions in completion routines and events are reported; the I/O thread goes on")
    void userExceptionsDoNotKillTheLoop() throws Exception {
        try (Loopback lb = new Loopback(1)) {
            CountDownLatch eventRan = new CountDownLatch(1);
            WskClientConnectionDispatch<String> throwing = new WskClientConnectionDispatch<>() {
                @Override
                public long onReceive(String context, WskBuf data) {
                    eventRan.countDown();
                    throw new IllegalArgumentException("boom in event");
                }
            };
            Connection c = lb.connect("c", throwing);
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((i, x) -> {
                throw new IllegalStateException("boom in routine");
            }, null, true, true, true);
            c.dispatch().send(c.socket(), WskBuf.of(bytes("x")), SendFlags.NONE, irp);
            c.dispatch().controlSocket(c.socket(), WskEvent.RECEIVE, true, lb.completions.irp("enable"));
            lb.completions.await("enable");
            c.peer().getOutputStream().write(1);
            // a receive IRP queued before the event ran would take precedence over it (SPEC E3)
            assertTrue(eventRan.await(Completions.WAIT_SECONDS, TimeUnit.SECONDS), "the receive event ran");
            // SPEC E6: the connection whose event threw is reset; later receives complete CONNECTION_ABORTED
            ByteBuffer in = ByteBuffer.allocate(4);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.NONE, lb.completions.irp("receive"));
            assertEquals(NtStatus.CONNECTION_ABORTED, lb.completions.await("receive").status());
            assertEquals("RESET", Loopback.endOf(c.peer()));
            Connection other = lb.connect();
            other.dispatch().send(other.socket(), WskBuf.of(bytes("ok")), SendFlags.NONE, lb.completions.irp("ok"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("ok").status(), "the same loop serves other sockets");
            assertTrue(lb.errors.stream().anyMatch(e -> e.contains("boom in routine")), lb.errors.toString());
            assertTrue(lb.errors.stream().anyMatch(e -> e.contains("boom in event")), lb.errors.toString());
            lb.closeSocket(c.socket());
            lb.closeSocket(other.socket());
        }
    }
}
