package io.wsk4j.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The gate between a socket's dispatch calls and its closeSocket (SPEC C5): once shut, every call on the socket
 * throws. A closeSocket while other threads are still inside dispatch calls of the socket does not wait and does not
 * throw: the last of them to leave hands the close to the loop, behind the operation it queued, so the close IRP
 * still completes last (SPEC C2). A completion routine may thus close its socket while the application thread that
 * started the operation is still on its way out of that call.
 *
 * <p>Other threads are counted in the low bits of one atomic integer, beside the CLOSED flag, so that a shut while a
 * call is inside (closeSocket, WskProvider.close()) leaves that call's exit to lower the count alone. The socket's own
 * loop thread is counted apart, in a volatile field only it writes, so that its calls cost no compare-and-set; a
 * closer first sets CLOSED, then reads that field, and the loop thread writes it before it reads the gate, so one of
 * the two always sees the other, and exactly one hands the close over.
 */
final class CloseGate {
    private static final int CLOSED = 1 << 30;
    private static final int COUNT = CLOSED - 1;

    private final EventLoop loop;
    private final EngineSocket socket;
    private static final VarHandle GATE;
    private static final VarHandle PENDING_CLOSE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            GATE = lookup.findVarHandle(CloseGate.class, "gate", int.class);
            PENDING_CLOSE = lookup.findVarHandle(CloseGate.class, "pendingClose", IrpCore.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Threads other than the loop inside a dispatch call, plus the CLOSED flag. Fields updated through VarHandles
     * rather than atomic objects: every open socket has a gate, and an idle one should cost what its fields do.
     */
    private volatile int gate;
    /** Dispatch calls of the socket on the loop thread's stack; written by the loop thread only. */
    private volatile int loopDepth;
    /** For the message of a call that comes too late: the application's closeSocket, or the provider. */
    private volatile String closedBy = "closeSocket (close in the generated glue)";
    /** A close that waits for the calls still inside to leave; whoever takes it hands it to the loop. */
    private volatile IrpCore pendingClose;

    CloseGate(EventLoop loop, EngineSocket socket) {
        this.loop = loop;
        this.socket = socket;
    }

    /**
     * Enters a dispatch call; the caller must {@link #exit} after it. Throws if the socket is closed. The loop thread
     * is counted too (in {@link #loopDepth}), so that a close from another thread can never slip in between a call
     * on the loop and the operation it queues.
     */
    void enter(Operation operation) {
        EngineObserver observer = socket.provider.observer;
        observer.callEntering(socket, operation); // before the gate, so that a close shutting it meanwhile sees the call
        try {
            enterGate();
        } catch (IllegalStateException closed) {
            observer.callRefused(socket, operation);
            throw closed;
        }
    }

    private void enterGate() {
        if (loop.inLoop()) {
            loopDepth = loopDepth + 1; // a volatile write, then a volatile read: pairs with the closer's CAS and read
            if ((gate & CLOSED) != 0) {
                leaveGate(); // a closer elsewhere may have left its close to this thread
                throw closed();
            }
            return;
        }
        while (true) {
            int value = gate;
            if ((value & CLOSED) != 0) {
                throw closed();
            }
            if (GATE.compareAndSet(this, value, value + 1)) {
                return;
            }
        }
    }

    void exit() {
        socket.provider.observer.callLeft(socket);
        leaveGate();
    }

    private void leaveGate() {
        int value;
        if (loop.inLoop()) {
            loopDepth = loopDepth - 1; // a volatile write, then the reads below: pairs with the closer's
            value = gate;
        } else {
            value = (int) GATE.getAndAdd(this, -1) - 1; // the count only: a shut meanwhile stays shut
        }
        if ((value & CLOSED) != 0 && (value & COUNT) == 0 && loopDepth == 0) {
            handOverPendingClose();
        }
    }

    private void handOverPendingClose() {
        IrpCore close = (IrpCore) PENDING_CLOSE.getAndSet(this, (IrpCore) null); // taken once, by the closer or by the last one to leave
        if (close != null) {
            loop.submit(close);
        }
    }

    /**
     * Shuts the gate for closeSocket: from now on every call on the socket throws (SPEC C5). Returns true if the caller
     * hands {@code close} to the loop now; false if calls of other threads are still inside, the last of which will.
     *
     * @throws IllegalStateException if the socket is already closed
     */
    boolean shut(IrpCore close) {
        while (true) {
            int value = gate;
            if ((value & CLOSED) != 0) {
                throw closed();
            }
            if (GATE.compareAndSet(this, value, value | CLOSED)) {
                break;
            }
        }
        // the calls inside now are the observer's to note here (SPEC V4), and to report only once the close is handed
        // over: the gate is shut, so from here on nothing may keep the close from the loop
        EngineObserver observer = socket.provider.observer;
        observer.gateShut(socket, close);
        // set after CLOSED and read before the counts, as each leaving call writes its count before it reads this: so
        // if calls are still inside, the last to leave sees it; if none is, this thread does; both may, one takes it
        pendingClose = close;
        boolean now = (gate & COUNT) == 0 && (loop.inLoop() || loopDepth == 0)
                && (IrpCore) PENDING_CLOSE.getAndSet(this, (IrpCore) null) != null;
        observer.closeHandedOver(socket, close);
        return now;
    }

    /** For WskProvider.close() and sockets the application never saw: closes the gate whatever is inside. */
    void forceShut(String closer) {
        closedBy = closer;
        int value;
        do {
            value = gate;
        } while ((value & CLOSED) == 0 && !GATE.compareAndSet(this, value, value | CLOSED));
    }

    boolean isShut() {
        return (gate & CLOSED) != 0;
    }

    private IllegalStateException closed() {
        return new IllegalStateException("socket closed: " + socket + " was closed by " + closedBy + "; no call on it"
                + " is valid any more (SPEC C5)");
    }
}
