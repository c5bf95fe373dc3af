package io.wsk4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskOption;
import io.wsk4j.WskSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC K4's SO_LINGER zero, seen on the wire. Simulation only: the case it changes is C3's hand-on close (our FIN
 * out, the peer's not yet), where the RST follows a FIN, and a real peer that has read the FIN no longer sees a later
 * RST; the simulation's trace shows which segment left.
 */
class LingerZeroTest {
    @ParameterizedTest(name = "SO_LINGER zero: {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("K4 C3 with SO_LINGER zero a close after our graceful disconnect resets instead of handing bytes on")
    void lingerZeroResetsTheHandOnClose(boolean lingerZero) {
        WskSimulation sim = WskSimulation.seeded(3);
        SimPeerListener server = sim.listen();
        List<String> seen = new ArrayList<>();
        Irp connect = irp(seen, "connect", false);
        sim.provider().socketConnect(server.address(), null, null, connect);
        sim.runUntilIdle();
        WskSocket socket = connect.socket();
        connect.free();
        socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, irp(seen, "disconnect", true));
        sim.runUntilIdle();
        if (lingerZero) {
            socket.dispatch().controlSocket(socket, WskOption.SO_LINGER, Duration.ZERO, irp(seen, "linger", true));
            sim.runUntilIdle();
        }
        String before = sim.trace();
        socket.dispatch().closeSocket(socket, irp(seen, "close", true));
        sim.runUntilIdle();
        String closing = sim.trace().substring(before.length());
        assertEquals(lingerZero, closing.contains("RST sent"), closing);
        assertTrue(seen.contains("close " + NtStatus.SUCCESS), seen.toString());
        assertFalse(seen.stream().anyMatch(s -> s.startsWith("linger") && !s.endsWith(NtStatus.SUCCESS.toString())));
        server.accepted().get(0).close();
        sim.runFor(Duration.ofSeconds(10));
        sim.close();
        assertTrue(sim.errors().isEmpty(), sim.errors().toString());
    }

    private static Irp irp(List<String> seen, String name, boolean free) {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, log) -> {
            log.add(name + " " + done.status());
            if (free) {
                done.free();
            }
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, seen, true, true, true);
        return irp;
    }
}
