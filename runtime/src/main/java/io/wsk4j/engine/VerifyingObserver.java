package io.wsk4j.engine;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.NtStatus;
import io.wsk4j.WskVerifierReport;
import io.wsk4j.verify.CallSite;
import io.wsk4j.verify.CallbackClock;
import io.wsk4j.verify.IrpTrace;
import io.wsk4j.verify.SocketTrace;
import io.wsk4j.verify.Verifier;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The verifier's observer (SPEC V): it turns what the engine does into the calls of {@code io.wsk4j.verify}, which
 * knows no engine class. Made only for a provider with the verifier on; each hook first looks at the socket's or IRP's
 * trace, null for what no verifier watches.
 *
 * <p>SPEC V0: the verifier changes nothing the program sees. So every hook catches what the verifier throws (an
 * OutOfMemoryError while taking a stack, a bug of the verifier) and hands it to the error handler, and the engine goes
 * on as without a verifier: no IRP stays the provider's, no close stays unqueued, no routine unrun.
 */
final class VerifyingObserver implements EngineObserver {
    private final EngineProvider provider;

    VerifyingObserver(EngineProvider provider) {
        this.provider = provider;
    }

    /** Read at each use, not kept: a test of these hooks puts a verifier that throws in the provider's place. */
    private Verifier verifier() {
        return provider.verifier;
    }

    private void failed(String what, Throwable error) {
        Verifier.hookFailed(provider, what, error);
    }

    // ---- dispatch calls ---------------------------------------------------------------------------------------

    /** SPEC V4, V7: the call's place is noted before the gate, so a close that shuts it meanwhile sees the call. */
    @Override
    public void callEntering(EngineSocket socket, Operation operation) {
        SocketTrace trace = socket.trace;
        if (trace != null) {
            try {
                trace.entering(verifier().site(operation.wskName + " called"));
            } catch (Throwable t) {
                failed("recording where " + operation.wskName + " was called", t);
            }
        }
    }

    /**
     * The refused call's own place, taken here while the call is still on the stack: the socket's trace keeps only a
     * thread's outermost call, and a refused call may be nested in another (a routine's call inside a dispatch call).
     */
    @Override
    public void callRefused(EngineSocket socket, Operation operation) {
        SocketTrace trace = socket.trace;
        if (trace != null) {
            trace.left();
            try {
                trace.lateCall(verifier().site(operation.wskName + " called"), verifier());
            } catch (Throwable t) { // the caller must see "socket closed", not the verifier's failure
                failed("checking a call after closeSocket (SPEC V7)", t);
            }
        }
    }

    @Override
    public void callLeft(EngineSocket socket) {
        SocketTrace trace = socket.trace;
        if (trace != null) {
            trace.left();
        }
    }

    /** SPEC V1, V2: where this dispatch was made; the socket's gate already took the site of a call it let in. */
    @Override
    public void dispatched(IrpCore irp, EngineSocket socket) {
        if (socket == null) {
            return;
        }
        try { // the IRP is BEGINNING: a throw from here would leave it the provider's for good
            Verifier verifier = verifier();
            CallSite site = socket.trace == null ? null : socket.trace.currentCall();
            if (site == null) {
                site = verifier.site(irp.operation.wskName + " called");
            }
            if (irp.trace == null) {
                irp.trace = IrpTrace.dispatchOnly(verifier);
            }
            irp.trace.dispatched(site, verifier);
        } catch (Throwable t) {
            failed("recording where " + irp.operation.wskName + " was called", t);
        }
    }

    /** SPEC V4: the calls inside now are noted here, reported once the close is on its way (closeHandedOver). */
    @Override
    public void gateShut(EngineSocket socket, IrpCore close) {
        SocketTrace trace = socket.trace;
        CallSite closer = trace == null || close.trace == null ? null : close.trace.dispatchSite();
        if (closer != null) {
            try {
                trace.closing(closer);
            } catch (Throwable t) { // the gate is shut: from here on nothing may keep the close from the loop
                failed("checking closeSocket (SPEC V4)", t);
            }
        }
    }

    @Override
    public void closeHandedOver(EngineSocket socket, IrpCore close) {
        SocketTrace trace = socket.trace;
        if (trace != null) {
            try {
                trace.reportRacingClose(verifier());
            } catch (Throwable t) {
                failed("reporting closeSocket (SPEC V4)", t);
            }
        }
    }

    @Override
    public void eventDataPassedOn(EngineSocket socket, EventLoop lender) {
        try {
            EventDataCheck.report(socket, lender, verifier());
        } catch (Throwable t) { // the caller must see B4's exception, not the verifier's failure
            failed("checking a receive event's data (SPEC V6)", t);
        }
    }

    // ---- callbacks on the loop (SPEC V5) ----------------------------------------------------------------------

    @Override
    public Object eventStarts(EngineSocket socket, String event) {
        CallbackClock clock = socket.loop.clock;
        if (clock == null) {
            return null;
        }
        SocketTrace trace = socket.trace;
        return clock.started(event + " of " + socket, trace == null ? null : trace.made, false);
    }

    @Override
    public void eventEnded(EngineSocket socket, Object watch) {
        CallbackClock clock = socket.loop.clock;
        if (clock != null) {
            clock.ended((CallSite) watch);
        }
    }

    /** SPEC V6: data kept past the event reads as empty instead of as other bytes. */
    @Override
    public void eventDataReturned(ByteBuffer view) {
        view.limit(0);
    }

    /** SPEC V8: a decline starts a watch; if no receive IRP took the bytes by its deadline, the stall is reported. */
    @Override
    public void receiveDeclined(ConnectionSocket socket) {
        SocketTrace trace = socket.trace;
        if (trace != null) { // the count lives in the trace: an engine socket keeps no field for the verifier
            socket.loop.schedule(new ReceiveStallWatch(this, socket, trace.declined(),
                    socket.loop.nanoTime() + ReceiveStallWatch.BOUND_NANOS));
        }
    }

    /** The watch found the bytes still waiting. Loop thread. */
    void reportStall(ConnectionSocket socket, long kept) {
        if (socket.trace == null) {
            return;
        }
        verifier().report(WskVerifierReport.Kind.RECEIVE_STALLED, "The receive event of " + socket + " declined "
                + kept + " bytes and no receive IRP has taken them for "
                + TimeUnit.NANOSECONDS.toSeconds(ReceiveStallWatch.BOUND_NANOS) + " s (SPEC V8, E3): the connection"
                + " waits for a receive that never comes, and so does its peer; after an event returns less than it"
                + " was offered, post a receive (the glue's receive) for the rest", List.of(socket.trace.madeSite()));
    }

    /** SPEC V3: one mistake, one report; the verifier's names where the socket was made. */
    @Override
    public boolean reportsLeftOpen(EngineSocket socket) {
        if (socket.trace == null) {
            return false;
        }
        verifier().report(WskVerifierReport.Kind.SOCKET_NOT_CLOSED, "The " + socket + " was still open when its"
                + " provider closed (SPEC V3, C6); the provider closes it now, as closeSocket would, which resets its"
                + " peer: close every socket (closeSocket, or close(socket, context) in the generated glue) before"
                + " WskProvider.close()", List.of(socket.trace.madeSite()));
        return true;
    }

    // ---- completion (SPEC V2, V5) -----------------------------------------------------------------------------

    /**
     * Before the IRP is published as completed: from then on the routine (or, wrongly, another thread) may reuse it
     * and dispatch it again, which writes a new dispatch site into its trace. So the site its routine answers for is
     * taken here, and the routine's clock started.
     */
    @Override
    public Object completed(IrpCore irp, EngineSocket socket, NtStatus status, long information, boolean routineRuns) {
        if (!routineRuns) {
            return null;
        }
        IrpTrace traced = irp.trace;
        CallSite dispatchedAt = traced == null ? null : traced.dispatchSite();
        Verifier dispatchedBy = traced == null ? null : traced.verifier();
        // the clock first: it is null on a loop of no verifier, and the thread check is skipped
        CallbackClock clock = socket == null || socket.loop.clock == null || !socket.loop.inLoop()
                ? null : socket.loop.clock;
        CallSite outer = null;
        if (clock != null) {
            try {
                outer = clock.started("completion routine of a " + irp.operation.wskName + " IRP", dispatchedAt, true);
            } catch (Throwable t) { // the routine runs all the same, untimed
                clock = null;
                failed("timing a completion routine (SPEC V5)", t);
            }
        }
        if (clock == null && (dispatchedAt == null || dispatchedBy == null)) {
            return null;
        }
        return new RoutineWatch(irp.operation, dispatchedAt, dispatchedBy, clock, outer);
    }

    @Override
    public boolean routineReturned(Object watch, CompletionRoutine<?> routine, NtStatus answer) {
        if (!(watch instanceof RoutineWatch)) {
            return false;
        }
        RoutineWatch routineWatch = (RoutineWatch) watch;
        if (routineWatch.clock != null) {
            routineWatch.clock.ended(routineWatch.outer);
        }
        if (answer == null || answer == NtStatus.MORE_PROCESSING_REQUIRED || routineWatch.dispatchedAt == null
                || routineWatch.dispatchedBy == null) {
            return false;
        }
        try {
            routineWatch.dispatchedBy.report(WskVerifierReport.Kind.ROUTINE_RETURNED_WRONG_STATUS, "The completion"
                    + " routine " + routine.getClass().getName() + " of a " + routineWatch.operation.wskName
                    + " IRP returned " + answer + " (SPEC V2, I4): a routine of an IRP the application allocated must"
                    + " free() or reuse() it and return MORE_PROCESSING_REQUIRED; the IRP is treated as retained",
                    List.of(routineWatch.dispatchedAt.toSite("the IRP was dispatched: "
                            + routineWatch.dispatchedAt.label)));
        } catch (Throwable t) {
            provider.errors.report("The verifier failed while reporting a completion routine's answer (SPEC V2); the"
                    + " I/O thread goes on", t);
        }
        return true; // with the verifier on, its V2 report is the one report
    }

    /** One routine's watch, from its completion to its return. */
    private static final class RoutineWatch {
        final Operation operation;
        final CallSite dispatchedAt;
        final Verifier dispatchedBy;
        /** Null if the routine is not timed (off its loop's thread). */
        final CallbackClock clock;
        final CallSite outer;

        RoutineWatch(Operation operation, CallSite dispatchedAt, Verifier dispatchedBy, CallbackClock clock,
                CallSite outer) {
            this.operation = operation;
            this.dispatchedAt = dispatchedAt;
            this.dispatchedBy = dispatchedBy;
            this.clock = clock;
            this.outer = outer;
        }
    }
}
