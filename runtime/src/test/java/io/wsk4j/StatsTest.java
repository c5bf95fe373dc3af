package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** WskProvider.stats(): open sockets, IRPs pending by operation, completions by status. */
class StatsTest {
    @Test
    @DisplayName("stats() counts a pending receive, its cancel and the close, and ends with nothing pending")
    void pendingAndCompletions() throws Exception {
        try (Loopback loopback = new Loopback(1)) {
            WskStats before = loopback.provider.stats();
            assertEquals(0, before.openSockets());
            assertEquals(0, before.pendingTotal());
            Loopback.Connection connection = loopback.connect();
            WskSocket socket = connection.socket();
            Irp receive = loopback.completions.irp("receive");
            socket.dispatch().receive(socket, WskBuf.of(ByteBuffer.allocate(16)), ReceiveFlags.NONE, receive);
            // the snapshot's task runs on the I/O thread after the receive's, so the receive has been taken up
            WskStats pending = loopback.provider.stats();
            assertEquals(1, pending.openSockets());
            assertEquals(1L, pending.pendingIrps().get("WskReceive"), pending.toString());
            assertEquals(1, pending.pendingTotal(), pending.toString());
            assertTrue(pending.completed(NtStatus.SUCCESS) >= 1, "the connect: " + pending);
            assertTrue(receive.cancel());
            assertEquals(NtStatus.CANCELLED, loopback.completions.await("receive").status());
            loopback.closeSocket(socket);
            WskStats after = loopback.provider.stats();
            assertEquals(0, after.openSockets());
            assertEquals(0, after.pendingTotal(), after.toString());
            assertEquals(1, after.completed(NtStatus.CANCELLED), after.toString());
            assertEquals(before.completed(NtStatus.SUCCESS) + 2, after.completed(NtStatus.SUCCESS), after.toString());
            connection.peer().close();
        }
    }

    @Test
    @DisplayName("stats() counts a bad parameter found in the dispatch call, off the I/O thread")
    void offLoopCompletion() throws Exception {
        try (Loopback loopback = new Loopback(1)) {
            loopback.provider.socketConnect(null, null, null, loopback.completions.irp("bad"));
            assertEquals(NtStatus.INVALID_PARAMETER, loopback.completions.await("bad").status());
            assertEquals(1, loopback.provider.stats().completed(NtStatus.INVALID_PARAMETER));
        }
    }
}
