package io.wsk4j.engine;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;
import io.wsk4j.transport.CloseKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a socket as one explicit state, changed only on its loop and checked against this table on every
 * transition, instead of a spread of booleans. The state also answers which operations it refuses and with which
 * status, so that call sites carry no status logic of their own.
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

    // ---- transitions of the connected life ----

    /** A graceful disconnect was queued (SPEC D3). */
    SocketState gracefulQueued() {
        return to(this == PEER_SHUTDOWN ? DISCONNECTING_PEER_SHUTDOWN : DISCONNECTING);
    }

    /** A queued graceful disconnect was cancelled: the socket can send again (SPEC D6, I6). */
    SocketState gracefulCancelled() {
        return to(this == DISCONNECTING_PEER_SHUTDOWN ? PEER_SHUTDOWN : OPEN);
    }

    /** Our FIN went to the transport. */
    SocketState finSent() {
        return to(this == DISCONNECTING_PEER_SHUTDOWN ? BOTH_SHUTDOWN : SEND_SHUTDOWN);
    }

    /** The peer's FIN was read; states that already saw it stay. */
    SocketState peerFinRead() {
        switch (this) {
            case OPEN:
                return to(PEER_SHUTDOWN);
            case DISCONNECTING:
                return to(DISCONNECTING_PEER_SHUTDOWN);
            case SEND_SHUTDOWN:
                return to(BOTH_SHUTDOWN);
            default:
                return this;
        }
    }

    // ---- what each state refuses: the status, or null if the operation may go on ----

    NtStatus refusesSend() {
        if (this == OPEN || this == PEER_SHUTDOWN) {
            return null;
        }
        if (gracefulStarted()) {
            return NtStatus.PIPE_DISCONNECTED; // SPEC D5
        }
        return refusalOfTheDead();
    }

    NtStatus refusesReceive() {
        return connected() ? null : refusalOfTheDead();
    }

    NtStatus refusesDisconnect(DisconnectMode mode) {
        if (!wasConnected()) {
            return NtStatus.INVALID_CONNECTION; // SPEC D1
        }
        if (mode == DisconnectMode.ABORTIVE) {
            return this == ABORTED ? NtStatus.INVALID_DEVICE_STATE : null; // SPEC D8; an abort may follow a graceful
        }
        if (gracefulStarted() || this == ABORTED) {
            return NtStatus.INVALID_DEVICE_STATE; // SPEC D8
        }
        return this == RESET ? NtStatus.CONNECTION_RESET : null;
    }

    NtStatus refusesConnect() {
        if (this == UNCONNECTED) {
            return null;
        }
        return this == CONNECTING || wasConnected() ? NtStatus.CONNECTION_ACTIVE : NtStatus.INVALID_DEVICE_STATE;
    }

    NtStatus refusesBind() {
        return this == UNCONNECTED ? null : NtStatus.INVALID_DEVICE_STATE;
    }

    /** Event control needs a socket that was connected (SPEC E1). */
    NtStatus refusesControl() {
        return wasConnected() ? null : NtStatus.INVALID_CONNECTION;
    }

    /**
     * Options need the socket's endpoint (SPEC K4): refused once the connection ended, as data is, or once a connect
     * failed.
     */
    NtStatus refusesOption() {
        switch (this) {
            case ABORTED:
                return NtStatus.CONNECTION_ABORTED;
            case RESET:
                return NtStatus.CONNECTION_RESET;
            case CONNECT_FAILED:
                return NtStatus.INVALID_DEVICE_STATE;
            default:
                return null;
        }
    }

    private NtStatus refusalOfTheDead() {
        switch (this) {
            case ABORTED:
                return NtStatus.CONNECTION_ABORTED; // SPEC D7
            case RESET:
                return NtStatus.CONNECTION_RESET;
            case LISTENING:
                return NtStatus.INVALID_DEVICE_STATE;
            default:
                return NtStatus.INVALID_CONNECTION;
        }
    }

    // ---- questions ----

    /** Was connected at some point: disconnect applies (SPEC D1). */
    boolean wasConnected() {
        return this != UNCONNECTED && this != CONNECTING && this != CONNECT_FAILED && this != LISTENING;
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

    /** How a close from this state treats the connection (SPEC C3). */
    CloseKind closeKind() {
        if (this == BOTH_SHUTDOWN) {
            return CloseKind.QUIET; // both FINs passed: TIME_WAIT, nothing more goes on the wire
        }
        if (this == SEND_SHUTDOWN) {
            return CloseKind.HAND_ON; // our FIN is out, its bytes may not have arrived: never reset them away
        }
        return connected() ? CloseKind.RESET : CloseKind.QUIET;
    }

}
