package io.wsk4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SPEC S2: the same seed and program give the same trace, byte for byte. The golden file pins it across runs and
 * JDKs: CI runs this test on JDK 17 and on JDK 25 against the same file.
 */
class DeterminismTest {
    private static final String GOLDEN = "golden-trace-seed-42.txt";

    @Test
    @DisplayName("S2 two runs with one seed give one trace; another seed gives another")
    void sameSeedSameTrace() {
        String first = exchange(42);
        assertEquals(first, exchange(42));
        assertNotEquals(first, exchange(43), "the seed decides the network's choices");
    }

    @Test
    @DisplayName("S2 the trace of seed 42 is the golden file's, on every JDK")
    void goldenTrace() throws IOException {
        String trace = exchange(42);
        try (InputStream golden = DeterminismTest.class.getResourceAsStream(GOLDEN)) {
            if (Boolean.getBoolean("wsk4j.sim.regolden")) {
                java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/io/wsk4j/sim", GOLDEN),
                        trace + "\n");
                return;
            }
            assertNotNull(golden, GOLDEN + " is missing; write it with -Dwsk4j.sim.regolden=true");
            assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8), trace + "\n",
                    "the simulation's trace changed: if on purpose, rewrite the file with -Dwsk4j.sim.regolden=true");
        }
    }

    /**
     * A whole conversation under every seeded choice and two faults: two connections, sends sliced by the network,
     * receives with and without WAITALL, a peer that resets after some bytes, graceful and abortive endings.
     */
    private static String exchange(long seed) {
        WskSimulation sim = WskSimulation.seeded(seed, FaultPlan.none().splitReadsAndWrites()
                .delay(Duration.ofMillis(1), Duration.ofMillis(2)));
        SimPeerListener server = sim.listen(7000);
        Irp first = connect(sim, server);
        Irp second = connect(sim, server);
        sim.runUntilIdle();
        WskSocket a = first.socket();
        WskSocket b = second.socket();
        SimPeer peerA = server.accepted().get(0);
        SimPeer peerB = server.accepted().get(1);

        byte[] payload = new byte[100_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7);
        }
        a.dispatch().send(a, WskBuf.of(ByteBuffer.wrap(payload)), SendFlags.NONE, irp());
        b.dispatch().send(b, WskBuf.of(ByteBuffer.wrap(payload)), SendFlags.NONE, irp());
        peerB.resetAfterReading(30_000);
        peerA.write("ping-".repeat(1000));
        a.dispatch().receive(a, WskBuf.of(ByteBuffer.allocate(5000)), ReceiveFlags.WAITALL, irp());
        a.dispatch().receive(a, WskBuf.of(ByteBuffer.allocate(64)), ReceiveFlags.NONE, irp());
        a.dispatch().disconnect(a, null, DisconnectMode.GRACEFUL, irp());
        sim.runUntilIdle();
        peerA.shutdownOutput();
        sim.runFor(Duration.ofMillis(50));
        a.dispatch().closeSocket(a, irp());
        b.dispatch().closeSocket(b, irp());
        sim.runFor(Duration.ofSeconds(6));
        sim.close();
        return sim.trace();
    }

    private static Irp connect(WskSimulation sim, SimPeerListener server) {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, ignored) -> NtStatus.MORE_PROCESSING_REQUIRED, null, true, true, true);
        sim.provider().socketConnect(server.address(), null, null, irp);
        return irp;
    }

    private static Irp irp() {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, ignored) -> {
            done.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, null, true, true, true);
        return irp;
    }
}
