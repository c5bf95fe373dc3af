package io.wsk4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskDatagramSocket;
import io.wsk4j.WskEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC S2 for datagrams: the same seed and program give the same trace, datagram for datagram. */
class DatagramSimulationTest {
    @Test
    @DisplayName("S2 G3 a datagram exchange replays byte-identically from its seed, and another seed times it otherwise")
    void datagramExchangeIsDeterministic() {
        String first = run(7);
        assertEquals(first, run(7));
        assertTrue(first.contains("WskSendTo completed STATUS_SUCCESS(0x00000000) 6"), first);
        assertTrue(first.contains("peer received a datagram of 6 bytes"), first);
        assertTrue(!first.equals(run(8)), "another seed draws other delays");
    }

    /** A socket whose receive-from event answers each datagram with "pong-N", a peer that sends five pings. */
    private static String run(long seed) {
        try (WskSimulation sim = WskSimulation.seeded(seed)) {
            SimDatagramPeer peer = sim.datagramPeer();
            List<String> seen = new ArrayList<>();
            WskDatagramSocket[] socket = new WskDatagramSocket[1];
            sim.provider().datagramSocket("s", (context, datagram, source) -> {
                ByteBuffer view = datagram.buffer(0);
                byte[] bytes = new byte[view.remaining()];
                view.get(bytes);
                seen.add(new String(bytes, StandardCharsets.US_ASCII) + "<-" + source);
                byte[] pong = ("pong-" + (seen.size() - 1)).getBytes(StandardCharsets.US_ASCII);
                socket[0].dispatch().sendTo(socket[0], WskBuf.of(ByteBuffer.wrap(pong)), source, freeing());
            }, capture(socket));
            sim.runUntilIdle();
            socket[0].dispatch().bind(socket[0], new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), freeing());
            socket[0].dispatch().controlSocket(socket[0], WskEvent.RECEIVE_FROM, true, freeing());
            sim.runUntilIdle();
            SocketAddress[] local = new SocketAddress[1];
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((done, box) -> {
                box[0] = done.address();
                done.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, local, true, true, true);
            socket[0].dispatch().getLocalAddress(socket[0], irp);
            sim.runUntilIdle();
            for (int i = 0; i < 5; i++) {
                peer.send(("ping-" + i).getBytes(StandardCharsets.US_ASCII), local[0]);
            }
            assertTrue(sim.runUntil(() -> peer.receivedCount() == 5, Duration.ofSeconds(1)), sim.trace());
            for (int i = 0; i < 5; i++) {
                assertEquals("pong-" + i, new String(peer.data(i), StandardCharsets.US_ASCII));
                assertEquals(local[0], peer.source(i));
                assertEquals("ping-" + i + "<-" + peer.address(), seen.get(i));
            }
            socket[0].dispatch().closeSocket(socket[0], freeing());
            sim.runUntilIdle();
            assertEquals(List.of(), sim.errors());
            return sim.trace();
        }
    }

    private static Irp capture(WskDatagramSocket[] into) {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, box) -> {
            box[0] = done.datagramSocket();
            done.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, into, true, true, true);
        return irp;
    }

    private static Irp freeing() {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, ignored) -> {
            assertTrue(done.status().isSuccess(), "completed " + done.status());
            done.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, null, true, true, true);
        return irp;
    }
}
