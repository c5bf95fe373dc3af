package io.wsk4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An IRP that completes without ever having a socket (making one failed) is reported and traced like any other. */
class SocketlessCompletionTest {
    @Test
    @DisplayName("B3 S2 a routine that throws on a socket request that made no socket goes to the provider's errors")
    void socketlessRoutineErrorsReachTheProvider() {
        WskSimulation sim = WskSimulation.seeded(1, FaultPlan.none().allocationFailures(1.0));
        SimPeerListener server = sim.listen();
        Irp connect = Irp.allocate();
        connect.setCompletionRoutine((irp, ignored) -> {
            throw new IllegalStateException("a routine that forgot to check its status");
        }, null, true, true, true);
        NtStatus status = sim.provider().socketConnect(server.address(), null, null, connect);
        sim.runUntilIdle();
        assertEquals(NtStatus.INSUFFICIENT_RESOURCES, status);
        assertTrue(sim.errors().stream().anyMatch(e -> e.contains("forgot to check")), sim.errors().toString());
        assertTrue(sim.trace().contains("WskSocketConnect completed STATUS_INSUFFICIENT_RESOURCES"), sim.trace());
        sim.close();
    }
}
