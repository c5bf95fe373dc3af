package io.wsk4j.nio;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gate between a socket's dispatch calls and its closeSocket (SPEC C5): once shut, every call on the socket
 * throws; and closeSocket from one thread throws while another thread is inside a dispatch call of the socket.
 *
 * <p>Other threads are counted in one atomic integer. The socket's own loop thread is counted apart, in a volatile
 * field only it writes, so that its calls cost no compare-and-set; a closer first marks the gate CLOSING, then reads
 * that field, and the loop thread writes it before it reads the gate, so one of the two always sees the other.
 */
final class CloseGate {
    private static final int CLOSED = -1;
    private static final int CLOSING = -2;

    private final EventLoop loop;
    private final Object socket;
    /** Threads other than the loop inside a dispatch call, or CLOSED, or CLOSING while a closer looks. */
    private final AtomicInteger gate = new AtomicInteger();
    /** Dispatch calls of the socket on the loop thread's stack; written by the loop thread only. */
    private volatile int loopDepth;
    /** For the message of a call that comes too late: the application's closeSocket, or the provider. */
    private volatile String closedBy = "closeSocket";

    CloseGate(EventLoop loop, Object socket) {
        this.loop = loop;
        this.socket = socket;
    }

    /**
     * Enters a dispatch call; the caller must {@link #exit} after it. Throws if the socket is closed. The loop thread
     * is counted too (in {@link #loopDepth}), so that a close from another thread can never slip in between a call
     * on the loop and the operation it queues.
     */
    void enter() {
        if (loop.inLoop()) {
            loopDepth = loopDepth + 1; // a volatile write, then a volatile read: pairs with the closer's CAS and read
            if (awaitGate() == CLOSED) {
                loopDepth = loopDepth - 1;
                throw closed();
            }
            return;
        }
        while (true) {
            int inside = awaitGate();
            if (inside == CLOSED) {
                throw closed();
            }
            if (gate.compareAndSet(inside, inside + 1)) {
                return;
            }
        }
    }

    void exit() {
        if (loop.inLoop()) {
            loopDepth = loopDepth - 1;
        } else {
            gate.decrementAndGet();
        }
    }

    /** The gate's value once no closer is half-way (that state lasts a few instructions). */
    private int awaitGate() {
        int value;
        for (int spins = 0; (value = gate.get()) == CLOSING; spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return value;
    }

    /** Shuts the gate for closeSocket: from now on every call on the socket throws (SPEC C5). */
    void shut() {
        boolean onLoop = loop.inLoop();
        while (true) {
            int inside = awaitGate();
            if (inside == CLOSED) {
                throw closed();
            }
            if (inside > 0) {
                throw insideElsewhere();
            }
            if (!gate.compareAndSet(0, CLOSING)) {
                continue;
            }
            if (!onLoop && loopDepth > 0) {
                gate.set(0);
                throw insideElsewhere();
            }
            gate.set(CLOSED);
            return;
        }
    }

    private IllegalStateException insideElsewhere() {
        return new IllegalStateException("closeSocket was called on " + socket + " while another thread is inside a"
                + " dispatch call of it; close the socket after that call returns (SPEC C5)");
    }

    /** Undoes {@link #shut} when the close could not be queued after all. */
    void reopen() {
        gate.compareAndSet(CLOSED, 0);
    }

    /** For WskProvider.close() and sockets the application never saw: closes the gate whatever is inside. */
    void forceShut(String closer) {
        closedBy = closer;
        gate.set(CLOSED);
    }

    boolean isShut() {
        return gate.get() == CLOSED;
    }

    private IllegalStateException closed() {
        return new IllegalStateException("socket closed: " + socket + " was closed by " + closedBy + "; no call on it"
                + " is valid any more (SPEC C5)");
    }
}
