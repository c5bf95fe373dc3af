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
 *
 * <p>The gate's state is four fields of the socket itself ({@link EngineSocket#gate} and the three beside it),
 * which these static methods update through VarHandles: every open socket has a gate, and an idle one should cost
 * what its fields do, not an object of its own.
 */
final class CloseGate {
    private static final int CLOSED = 1 << 30;
    private static final int COUNT = CLOSED - 1;

    private static final VarHandle GATE;
    private static final VarHandle PENDING_CLOSE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            GATE = lookup.findVarHandle(EngineSocket.class, "gate", int.class);
            PENDING_CLOSE = lookup.findVarHandle(EngineSocket.class, "pendingClose", IrpCore.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What a socket's {@code closedBy} says until a closer says who it was. */
    static final String CLOSED_BY_APPLICATION = "closeSocket (close in the generated glue)";

    private CloseGate() {}

    /**
     * Enters a dispatch call; the caller must {@link #exit} after it. Throws if the socket is closed. The loop thread
     * is counted too (in {@link EngineSocket#loopDepth}), so that a close from another thread can never slip in
     * between a call on the loop and the operation it queues.
     */
    static void enter(EngineSocket socket, Operation operation) {
        EngineObserver observer = socket.provider.observer;
        // before the gate, so that a close shutting it meanwhile sees the call
        observer.callEntering(socket, operation);
        try {
            enterGate(socket);
        } catch (IllegalStateException closed) {
            observer.callRefused(socket, operation);
            throw closed;
        }
    }

    private static void enterGate(EngineSocket socket) {
        if (socket.loop.inLoop()) {
            socket.loopDepth = socket.loopDepth + 1; // a volatile write, then a volatile read: pairs with the closer's
            if ((socket.gate & CLOSED) != 0) {
                leaveGate(socket); // a closer elsewhere may have left its close to this thread
                throw closed(socket);
            }
            return;
        }
        while (true) {
            int value = socket.gate;
            if ((value & CLOSED) != 0) {
                throw closed(socket);
            }
            if (GATE.compareAndSet(socket, value, value + 1)) {
                return;
            }
        }
    }

    static void exit(EngineSocket socket) {
        socket.provider.observer.callLeft(socket);
        leaveGate(socket);
    }

    private static void leaveGate(EngineSocket socket) {
        int value;
        if (socket.loop.inLoop()) {
            socket.loopDepth = socket.loopDepth - 1; // a volatile write, then the reads below: pairs with the closer's
            value = socket.gate;
        } else {
            value = (int) GATE.getAndAdd(socket, -1) - 1; // the count only: a shut meanwhile stays shut
        }
        if ((value & CLOSED) != 0 && (value & COUNT) == 0 && socket.loopDepth == 0) {
            handOverPendingClose(socket);
        }
    }

    private static void handOverPendingClose(EngineSocket socket) {
        // taken once, by the closer or by the last one to leave
        IrpCore close = (IrpCore) PENDING_CLOSE.getAndSet(socket, (IrpCore) null);
        if (close != null) {
            socket.loop.submit(close);
        }
    }

    /**
     * Shuts the gate for closeSocket: from now on every call on the socket throws (SPEC C5). Returns true if the caller
     * hands {@code close} to the loop now; false if calls of other threads are still inside, the last of which will.
     *
     * @throws IllegalStateException if the socket is already closed
     */
    static boolean shut(EngineSocket socket, IrpCore close) {
        while (true) {
            int value = socket.gate;
            if ((value & CLOSED) != 0) {
                throw closed(socket);
            }
            if (GATE.compareAndSet(socket, value, value | CLOSED)) {
                break;
            }
        }
        // the calls inside now are the observer's to note here (SPEC V4), and to report only once the close is handed
        // over: the gate is shut, so from here on nothing may keep the close from the loop
        EngineObserver observer = socket.provider.observer;
        observer.gateShut(socket, close);
        // set after CLOSED and read before the counts, as each leaving call writes its count before it reads this: so
        // if calls are still inside, the last to leave sees it; if none is, this thread does; both may, one takes it
        socket.pendingClose = close;
        boolean now = (socket.gate & COUNT) == 0 && (socket.loop.inLoop() || socket.loopDepth == 0)
                && (IrpCore) PENDING_CLOSE.getAndSet(socket, (IrpCore) null) != null;
        observer.closeHandedOver(socket, close);
        return now;
    }

    /** For WskProvider.close() and sockets the application never saw: closes the gate whatever is inside. */
    static void forceShut(EngineSocket socket, String closer) {
        socket.closedBy = closer;
        int value;
        do {
            value = socket.gate;
        } while ((value & CLOSED) == 0 && !GATE.compareAndSet(socket, value, value | CLOSED));
    }

    static boolean isShut(EngineSocket socket) {
        return (socket.gate & CLOSED) != 0;
    }

    private static IllegalStateException closed(EngineSocket socket) {
        String closedBy = socket.closedBy;
        return new IllegalStateException("socket closed: " + socket + " was closed by "
                + (closedBy == null ? CLOSED_BY_APPLICATION : closedBy) + "; no call on it"
                + " is valid any more (SPEC C5)");
    }
}
