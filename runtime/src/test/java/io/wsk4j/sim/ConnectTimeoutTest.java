package io.wsk4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SPEC X3 for a connect nobody answers: Linux drops the SYNs to a listener whose backlog is full and gives up after
 * 127 s. Only the simulation shows it in test time: on real sockets the wait is 127 s of wall clock.
 */
class ConnectTimeoutTest {
    @Test
    @DisplayName("X3 a connect whose SYNs are dropped (a full backlog) stays pending, then completes IO_TIMEOUT at 127 s")
    void unansweredConnectTimesOut() {
        try (WskSimulation sim = WskSimulation.seeded(17)) {
            SimPeerListener full = sim.listen(0, 1);
            full.stopAccepting();
            SimPeer waiting = sim.connect(full.address()); // fills the backlog
            assertTrue(sim.runUntil(waiting::isConnected, Duration.ofSeconds(1)));
            List<NtStatus> seen = new ArrayList<>();
            Irp connect = Irp.allocate();
            connect.setCompletionRoutine((irp, statuses) -> {
                statuses.add(irp.status());
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, seen, true, true, true);
            sim.provider().socketConnect(full.address(), null, null, connect);

            sim.runFor(Duration.ofSeconds(120));
            assertEquals(List.of(), seen, "still pending after 120 s: the SYNs are sent again, unanswered");
            sim.runFor(Duration.ofSeconds(10));
            assertEquals(List.of(NtStatus.IO_TIMEOUT), seen, "the kernel gave up at 127 s: " + sim.trace());
            assertEquals(List.of(), sim.errors());
        }
    }
}
