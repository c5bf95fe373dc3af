package io.wsk4j.engine;

import io.wsk4j.WskBasicSocket;
import io.wsk4j.transport.ReadyHandler;
import io.wsk4j.verify.SocketTrace;
import io.wsk4j.verify.Verifier;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every socket of the engine shares: its loop, its close gate, cancel sweeps, and one step at a time.
 *
 * <p>A <em>step</em> is everything the provider does for one socket at one go: an operation, a readiness, a sweep, a
 * teardown. Completion routines and event callbacks run inside steps; a dispatch call they make on the same socket
 * is kept and runs right after the step (SPEC C2, E4), so no queue of the socket is ever walked re-entrantly and a
 * close from a routine never overtakes the teardown it was called from. The socket is itself the task that asks its
 * loop for a sweep of cancelled IRPs, so a socket needs no task object of its own.
 */
abstract class EngineSocket extends LoopTask implements WskBasicSocket, ReadyHandler {
    private static final AtomicInteger IDS = new AtomicInteger();

    final EngineProvider provider;
    final EventLoop loop;
    /** Where the socket was made and who is inside its calls, for the verifier (SPEC V); null without one. */
    final SocketTrace trace;
    // ---- the close gate's state (SPEC C5), updated by CloseGate only ----
    /** Threads other than the loop inside a dispatch call, plus the CLOSED flag. */
    volatile int gate;
    /** Dispatch calls of the socket on the loop thread's stack; written by the loop thread only. */
    volatile int loopDepth;
    /** Who closed the socket, for the message of a call that comes too late; null: the application. */
    volatile String closedBy;
    /** A close that waits for the calls still inside to leave; whoever takes it hands it to the loop. */
    volatile IrpCore pendingClose;
    private static final VarHandle SWEEP_REQUESTED;

    static {
        try {
            SWEEP_REQUESTED = MethodHandles.lookup().findVarHandle(EngineSocket.class, "sweepRequested", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A sweep of cancelled IRPs is queued (a VarHandle field: an idle socket costs no atomic object). */
    private volatile boolean sweepRequested;
    private final int id = IDS.incrementAndGet();

    // ---- loop-owned ----
    private boolean inStep;
    /**
     * What the step, still open after its code returned, waits for the loop's flush of cancelled keys with (a
     * connection's teardown, a listener's close); null when the step is not held.
     */
    private Object held;
    private IrpCore deferredHead;
    private IrpCore deferredTail;
    /** The turn of the loop that {@link #readsLeft} and {@link #writesLeft} count for (SPEC E5), kept by Budget. */
    int budgetTurn = -1;
    byte readsLeft;
    byte writesLeft;

    /** A socket the application asks for (WskSocket, WskSocketConnect, a listening socket): made on its thread. */
    EngineSocket(EngineProvider provider, EventLoop loop) {
        this.provider = provider;
        this.loop = loop;
        Verifier verifier = provider.verifier;
        this.trace = verifier == null ? null
                : new SocketTrace(verifier.site("socket made"), "the socket was made here");
    }

    /** A socket accepted by {@code listener}, on an I/O thread: the place the verifier names is the listener's. */
    EngineSocket(EngineProvider provider, EventLoop loop, EngineSocket listener) {
        this.provider = provider;
        this.loop = loop;
        this.trace = listener.trace == null ? null : new SocketTrace(listener.trace.made,
                "the socket was accepted by the listening socket made here");
    }

    static EngineSocket of(WskBasicSocket socket) {
        if (socket == null) {
            throw new NullPointerException("socket is null: pass the socket from Irp.socket(), Irp.listenSocket() or"
                    + " Irp.datagramSocket() of a socket request");
        }
        if (!(socket instanceof EngineSocket)) {
            throw new IllegalArgumentException("This socket was not made by a wsk4j provider: "
                    + socket.getClass().getName() + "; use the socket that the IRP of a socket request returned");
        }
        EngineSocket engineSocket = (EngineSocket) socket;
        engineSocket.loop.checkCaller();
        return engineSocket;
    }

    /** {@return the order in which the JVM's sockets were made} */
    final int id() {
        return id;
    }

    @Override
    public final String toString() {
        String addresses = describe();
        return kind() + (addresses.isEmpty() ? " #" + id + " (" + (this instanceof ListeningSocket ? "not listening"
                : "not connected") + ")" : " " + addresses);
    }

    /** {@return what the socket is, for messages: "socket", "listening socket"} */
    abstract String kind();

    /**
     * {@return the socket's kind for the option table ({@link SocketOptions#CONNECTION}, {@code LISTEN},
     * {@code DATAGRAM}); 0, the default, for a kind that has no option: every option then completes NOT_SUPPORTED}
     */
    int optionKind() {
        return 0;
    }

    /** Carries out {@code op}: the socket's kind decides how. Runs inside a step. */
    abstract void run(IrpCore op);

    /** The local or remote address as text, for the Flight Recorder; "" if there is none (yet, or any more). */
    abstract String addressText(boolean local);

    /** {@return the socket's addresses as {@code local -> remote}, or the local one alone} */
    final String describe() {
        String remote = addressText(false);
        return remote.isEmpty() ? addressText(true) : addressText(true) + " -> " + remote;
    }

    /** Ends the socket as closeSocket would, without an IRP of its own; the gate says {@code closer} did it. */
    abstract void forceClose(String closer);

    /** Completes the IRPs that {@link IrpCore#cancel()} marked. Runs inside a step. */
    abstract void sweepCancelled();

    /**
     * The step's last moment, after the calls it deferred: what the selector should watch is settled once here, not
     * after each part of the step, so a receive that completes and is posted again costs no interest change.
     */
    void stepEnded() {}

    /**
     * A held step goes on with what it was held with ({@link #hold}): the loop's flush has sent what had to go on the
     * wire first. Runs inside the step.
     */
    void afterFlush(Object held) {
        throw new IllegalStateException("internal error: " + this + " holds no teardown");
    }

    // ---- steps ----------------------------------------------------------------------------------------------

    /** Loop thread: runs {@code op} now, or, if a step of this socket is under way, right after it. */
    final void execute(IrpCore op) {
        loop.tookUp(op);
        if (inStep) {
            defer(op);
            return;
        }
        inStep = true;
        try {
            run(op);
        } finally {
            endStep();
        }
    }

    /** Loop thread: whether a dispatch call on this socket must wait for the step under way. */
    final boolean inStep() {
        return inStep;
    }

    final void defer(IrpCore op) {
        if (deferredTail == null) {
            deferredHead = op;
        } else {
            deferredTail.nextTask = op;
        }
        deferredTail = op;
    }

    /** Starts a step for work that is not an IRP; false if one is under way (a held teardown). */
    final boolean beginStep() {
        if (inStep) {
            return false;
        }
        inStep = true;
        return true;
    }

    /** Ends the step: the calls it deferred run now, in order, each as part of it. */
    final void endStep() {
        while (held == null) {
            IrpCore next = deferredHead;
            if (next == null) {
                try {
                    stepEnded();
                } finally {
                    inStep = false;
                }
                return;
            }
            deferredHead = (IrpCore) next.nextTask;
            next.nextTask = null;
            if (deferredHead == null) {
                deferredTail = null;
            }
            try {
                run(next);
            } catch (Throwable t) {
                provider.errors.report("internal error while running " + next + " on " + this, t);
            }
        }
    }

    /** Keeps the step open until the loop calls {@link #afterFlush} with {@code what}, which must not be null. */
    final void hold(Object what) {
        held = what;
        loop.afterFlush(this);
    }

    /** Loop thread, after the flush: the held step goes on, then ends. */
    final void resumeAfterFlush() {
        Object what = held;
        held = null;
        try {
            afterFlush(what);
        } finally {
            endStep();
        }
    }

    // ---- cancel sweeps --------------------------------------------------------------------------------------

    /** Any thread: asks the loop to complete this socket's cancelled IRPs. */
    final void requestSweep() {
        if (SWEEP_REQUESTED.compareAndSet(this, false, true)) {
            loop.execute(this);
        }
    }

    @Override
    final void runOnLoop() {
        sweepRequested = false;
        if (!beginStep()) {
            return; // a held teardown completes every IRP, cancelled ones included
        }
        try {
            sweepCancelled();
        } finally {
            endStep();
        }
    }

}
