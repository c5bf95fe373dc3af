package io.wsk4j.engine;

import io.wsk4j.NtStatus;
import io.wsk4j.transport.CloseKind;

/**
 * The ways a connection's pending work ends, each with the statuses its IRPs get, the state it leaves the socket in
 * and how its transport closes; one teardown ({@code ConnectionSocket.teardown}) serves them all.
 */
enum Ending {
    /** Our abortive disconnect (SPEC D7). */
    ABORT(NtStatus.CANCELLED, NtStatus.CONNECTION_ABORTED, NtStatus.CONNECTION_ABORTED, false, SocketState.ABORTED),
    /** The peer reset the connection, or it broke (SPEC D9, X2): no byte is claimed as sent that was not. */
    PEER_RESET(NtStatus.CONNECTION_RESET, NtStatus.CONNECTION_RESET, NtStatus.CONNECTION_RESET, true,
            SocketState.RESET),
    /** closeSocket, or WskProvider.close() for a forgotten socket (SPEC C1–C3, C6). */
    CLOSE(NtStatus.CANCELLED, NtStatus.CONNECTION_ABORTED, NtStatus.CANCELLED, false, SocketState.CLOSED),
    /**
     * The receive event threw (SPEC E6): the connection is reset so that no peer waits on a connection nobody serves;
     * every pending IRP completes CONNECTION_ABORTED and the disconnect event, if enabled, says ABORTIVE.
     */
    EVENT_FAILED(NtStatus.CONNECTION_ABORTED, NtStatus.CONNECTION_ABORTED, NtStatus.CONNECTION_ABORTED, false,
            SocketState.ABORTED),
    /** The accept event rejected the connection, or setting it up failed. */
    REJECT(NtStatus.CANCELLED, NtStatus.CONNECTION_ABORTED, NtStatus.CANCELLED, false, SocketState.CLOSED),
    /**
     * WskConnect failed or was cancelled: the transport closes quietly (nothing was connected), the connect IRP
     * completes with the transport's verdict, and the socket stays for the application to close.
     */
    CONNECT_FAILED(NtStatus.CANCELLED, NtStatus.CONNECTION_ABORTED, NtStatus.CANCELLED, false,
            SocketState.CONNECT_FAILED),
    /**
     * WskSocketConnect failed or was cancelled: as {@link #CONNECT_FAILED}, but the application never saw the socket
     * and so cannot close it; it closes here.
     */
    SOCKET_CONNECT_FAILED(NtStatus.CANCELLED, NtStatus.CONNECTION_ABORTED, NtStatus.CANCELLED, false,
            SocketState.CLOSED);

    final NtStatus sends;
    /** For a pending graceful disconnect (SPEC D6). */
    final NtStatus graceful;
    final NtStatus receives;
    /** Sends report the bytes the transport took, rather than 0. */
    final boolean reportSent;
    final SocketState next;

    Ending(NtStatus sends, NtStatus graceful, NtStatus receives, boolean reportSent, SocketState next) {
        this.sends = sends;
        this.graceful = graceful;
        this.receives = receives;
        this.reportSent = reportSent;
        this.next = next;
    }

    /** The connection ended under the socket, not by its own call: the disconnect event tells (SPEC E2, E6). */
    boolean raisesDisconnectEvent() {
        return this == PEER_RESET || this == EVENT_FAILED;
    }

    /**
     * How the transport closes when the socket was {@code before}: a reset for our abort and for a connection nobody
     * may serve; quietly after the peer's reset (nothing is left to tell it); else as the state says (SPEC C3).
     */
    CloseKind closeKind(SocketState before) {
        switch (this) {
            case ABORT:
            case REJECT:
            case EVENT_FAILED:
                return CloseKind.RESET;
            case PEER_RESET:
                return CloseKind.QUIET;
            default:
                return before.closeKind(); // never connected (a failed connect): quiet
        }
    }

    /** The socket is done for good: it leaves the provider. */
    boolean closes() {
        return next == SocketState.CLOSED;
    }
}
