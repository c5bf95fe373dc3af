package io.wsk4j.nio;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a socket as one explicit state, changed only on its loop and checked against this table on every
 * transition, instead of a spread of booleans.
 */
enum SocketState {
    /** Made by WskSocket: may bind and connect. */
    UNCONNECTED,
    CONNECTING,
    /** The connect failed or was cancelled: only close is left. */
    CONNECT_FAILED,
    LISTENING,
    /** Connected, both directions open. */
    OPEN,
    /** Our graceful disconnect is queued behind earlier sends; no FIN yet. */
    DISCONNECTING,
    /** Our graceful disconnect is queued and the peer's FIN has been read. */
    DISCONNECTING_PEER_SHUTDOWN,
    /** Our FIN has gone; we still receive (half-close). */
    SEND_SHUTDOWN,
    /** The peer's FIN has been read; we may still send. */
    PEER_SHUTDOWN,
    /** Both FINs: a close now is quiet (SPEC C3). */
    BOTH_SHUTDOWN,
    /** We reset the connection. */
    ABORTED,
    /** The peer reset the connection. */
    RESET,
    CLOSED;

    private Set<SocketState> next;

    static {
        UNCONNECTED.next = EnumSet.of(CONNECTING, OPEN, CONNECT_FAILED, LISTENING, CLOSED); // OPEN: connect() done at once
        CONNECTING.next = EnumSet.of(OPEN, CONNECT_FAILED, CLOSED);
        CONNECT_FAILED.next = EnumSet.of(CLOSED);
        LISTENING.next = EnumSet.of(CLOSED);
        OPEN.next = EnumSet.of(DISCONNECTING, PEER_SHUTDOWN, ABORTED, RESET, CLOSED);
        DISCONNECTING.next = EnumSet.of(OPEN, SEND_SHUTDOWN, DISCONNECTING_PEER_SHUTDOWN, ABORTED, RESET, CLOSED);
        DISCONNECTING_PEER_SHUTDOWN.next = EnumSet.of(PEER_SHUTDOWN, BOTH_SHUTDOWN, ABORTED, RESET, CLOSED);
        SEND_SHUTDOWN.next = EnumSet.of(BOTH_SHUTDOWN, ABORTED, RESET, CLOSED);
        PEER_SHUTDOWN.next = EnumSet.of(DISCONNECTING_PEER_SHUTDOWN, ABORTED, RESET, CLOSED);
        BOTH_SHUTDOWN.next = EnumSet.of(ABORTED, CLOSED);
        ABORTED.next = EnumSet.of(CLOSED);
        RESET.next = EnumSet.of(ABORTED, CLOSED);
        CLOSED.next = EnumSet.noneOf(SocketState.class);
    }

    SocketState to(SocketState target) {
        if (!next.contains(target)) {
            throw new IllegalStateException("internal error: socket state " + this + " cannot become " + target);
        }
        return target;
    }

    /** Was connected at some point: disconnect applies (SPEC D1). */
    boolean wasConnected() {
        return this != UNCONNECTED && this != CONNECTING && this != CONNECT_FAILED && this != LISTENING;
    }

    /** New sends are accepted. */
    boolean canSend() {
        return this == OPEN || this == PEER_SHUTDOWN;
    }

    /** Our graceful disconnect is queued or done (SPEC D5, D8). */
    boolean gracefulStarted() {
        return this == DISCONNECTING || this == DISCONNECTING_PEER_SHUTDOWN || this == SEND_SHUTDOWN
                || this == BOTH_SHUTDOWN;
    }

    /** The peer's FIN has been read. */
    boolean peerShutdown() {
        return this == PEER_SHUTDOWN || this == DISCONNECTING_PEER_SHUTDOWN || this == BOTH_SHUTDOWN;
    }

    /** The channel is open and connected (data may still flow one way or the other). */
    boolean connected() {
        return this == OPEN || this == DISCONNECTING || this == DISCONNECTING_PEER_SHUTDOWN || this == SEND_SHUTDOWN
                || this == PEER_SHUTDOWN || this == BOTH_SHUTDOWN;
    }
}
