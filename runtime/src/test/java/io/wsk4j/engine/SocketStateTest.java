package io.wsk4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;
import io.wsk4j.transport.CloseKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The state table alone: transitions, refusals and close kinds, without a socket. */
class SocketStateTest {
    @Test
    @DisplayName("D1 D5 D7 D8 X2 each state refuses exactly the operations SPEC says, with SPEC's status")
    void refusals() {
        assertNull(SocketState.OPEN.refusesSend());
        assertNull(SocketState.PEER_SHUTDOWN.refusesSend());
        assertEquals(NtStatus.PIPE_DISCONNECTED, SocketState.DISCONNECTING.refusesSend());
        assertEquals(NtStatus.PIPE_DISCONNECTED, SocketState.SEND_SHUTDOWN.refusesSend());
        assertEquals(NtStatus.CONNECTION_ABORTED, SocketState.ABORTED.refusesSend());
        assertEquals(NtStatus.CONNECTION_RESET, SocketState.RESET.refusesSend());
        assertEquals(NtStatus.INVALID_DEVICE_STATE, SocketState.LISTENING.refusesSend());
        assertEquals(NtStatus.INVALID_CONNECTION, SocketState.UNCONNECTED.refusesSend());

        assertNull(SocketState.SEND_SHUTDOWN.refusesReceive(), "D5: a half-closed socket still receives");
        assertNull(SocketState.BOTH_SHUTDOWN.refusesReceive(), "X2: 0 bytes again after the FIN");
        assertEquals(NtStatus.CONNECTION_ABORTED, SocketState.ABORTED.refusesReceive());

        assertEquals(NtStatus.INVALID_CONNECTION, SocketState.UNCONNECTED.refusesDisconnect(DisconnectMode.GRACEFUL));
        assertEquals(NtStatus.INVALID_CONNECTION, SocketState.CONNECTING.refusesDisconnect(DisconnectMode.ABORTIVE));
        assertEquals(NtStatus.INVALID_DEVICE_STATE,
                SocketState.DISCONNECTING.refusesDisconnect(DisconnectMode.GRACEFUL), "D8: a second graceful");
        assertNull(SocketState.DISCONNECTING.refusesDisconnect(DisconnectMode.ABORTIVE), "D8: abort after graceful");
        assertEquals(NtStatus.INVALID_DEVICE_STATE, SocketState.ABORTED.refusesDisconnect(DisconnectMode.ABORTIVE));
        assertEquals(NtStatus.CONNECTION_RESET, SocketState.RESET.refusesDisconnect(DisconnectMode.GRACEFUL));

        assertEquals(NtStatus.CONNECTION_ACTIVE, SocketState.OPEN.refusesConnect());
        assertEquals(NtStatus.INVALID_DEVICE_STATE, SocketState.CONNECT_FAILED.refusesConnect());
        assertEquals(NtStatus.INVALID_CONNECTION, SocketState.UNCONNECTED.refusesControl(), "E1");
    }

    @Test
    @DisplayName("D3 D5 D6 the graceful path and the peer's FIN move through the table; illegal moves are internal errors")
    void transitions() {
        assertEquals(SocketState.DISCONNECTING, SocketState.OPEN.gracefulQueued());
        assertEquals(SocketState.DISCONNECTING_PEER_SHUTDOWN, SocketState.PEER_SHUTDOWN.gracefulQueued());
        assertEquals(SocketState.OPEN, SocketState.DISCONNECTING.gracefulCancelled(), "D6: cancel keeps the socket");
        assertEquals(SocketState.SEND_SHUTDOWN, SocketState.DISCONNECTING.finSent());
        assertEquals(SocketState.BOTH_SHUTDOWN, SocketState.DISCONNECTING_PEER_SHUTDOWN.finSent());
        assertEquals(SocketState.BOTH_SHUTDOWN, SocketState.SEND_SHUTDOWN.peerFinRead());
        assertEquals(SocketState.PEER_SHUTDOWN, SocketState.OPEN.peerFinRead());
        assertEquals(SocketState.PEER_SHUTDOWN, SocketState.PEER_SHUTDOWN.peerFinRead(), "a second FIN changes nothing");
        assertThrows(IllegalStateException.class, () -> SocketState.CLOSED.to(SocketState.OPEN));
        assertThrows(IllegalStateException.class, () -> SocketState.ABORTED.finSent());
    }

    @Test
    @DisplayName("C3 a close resets a live connection, hands on a half-closed one, and is quiet after both FINs")
    void closeKinds() {
        assertEquals(CloseKind.RESET, SocketState.OPEN.closeKind());
        assertEquals(CloseKind.RESET, SocketState.PEER_SHUTDOWN.closeKind());
        assertEquals(CloseKind.RESET, SocketState.DISCONNECTING.closeKind(), "graceful not done yet");
        assertEquals(CloseKind.HAND_ON, SocketState.SEND_SHUTDOWN.closeKind());
        assertEquals(CloseKind.QUIET, SocketState.BOTH_SHUTDOWN.closeKind());
        assertEquals(CloseKind.QUIET, SocketState.ABORTED.closeKind());
        assertEquals(CloseKind.QUIET, SocketState.UNCONNECTED.closeKind());
    }
}
