package io.wsk4j;

import static io.wsk4j.GracefulDisconnectTest.assertResetSent;
import static io.wsk4j.GracefulDisconnectTest.barrier;
import static io.wsk4j.Loopback.endOf;
import static io.wsk4j.Loopback.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsk4j.Loopback.Connection;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What only the real network shows of SPEC D7: the resets counted by the kernel (Tcp OutRsts). The behaviour every
 * transport shares is in {@code io.wsk4j.conformance.AbortiveDisconnectTest}.
 */
@Timeout(60)
class AbortiveDisconnectTest {
    @Test
    @DisplayName("D7 on the wire: an abortive disconnect with pending work sends an RST (Tcp OutRsts)")
    void abortiveWithPendingWork() throws Exception {
        try (Loopback lb = Loopback.withSmallPeerBuffer()) {
            Connection c = lb.connect();
            c.dispatch().send(c.socket(), WskBuf.of(pattern(8 << 20, 1)), SendFlags.NONE, lb.completions.irp("send"));
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(16)), ReceiveFlags.NONE,
                    lb.completions.irp("receive"));
            barrier(lb, c);
            long rsts = Loopback.outRsts();

            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, lb.completions.irp("abort"));

            assertEquals(NtStatus.SUCCESS, lb.completions.await("abort").status());
            assertEquals("RESET", endOf(c.peer()));
            assertResetSent(rsts);
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("D7 on the wire: an abortive disconnect of an idle connection sends an RST (Tcp OutRsts)")
    void abortiveIdle() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            long rsts = Loopback.outRsts();
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, lb.completions.irp("abort"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("abort").status());
            assertEquals("RESET", endOf(c.peer()));
            assertResetSent(rsts);
            lb.closeSocket(c.socket());
        }
    }
}
