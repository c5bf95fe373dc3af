package io.wsk4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationSmokeTest {
    @Test
    void sendDisconnectClose() {
        String first = run(7);
        String second = run(7);
        assertEquals(first, second);
        System.out.println(first);
    }

    private static String run(long seed) {
        WskSimulation sim = WskSimulation.seeded(seed);
        SimPeerListener server = sim.listen();
        List<String> seen = new ArrayList<>();
        Irp connect = Irp.allocate();
        connect.setCompletionRoutine((irp, log) -> {
            log.add("connect " + irp.status());
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, seen, true, true, true);
        sim.provider().socketConnect(server.address(), null, null, connect);
        sim.runUntilIdle();
        WskSocket socket = connect.socket();
        Irp send = Irp.allocate();
        send.setCompletionRoutine((irp, log) -> {
            log.add("send " + irp.status() + " " + irp.information());
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, seen, true, true, true);
        byte[] payload = new byte[300_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        socket.dispatch().send(socket, WskBuf.of(ByteBuffer.wrap(payload)), SendFlags.NONE, send);
        Irp disconnect = Irp.allocate();
        disconnect.setCompletionRoutine((irp, log) -> {
            log.add("disconnect " + irp.status());
            Irp close = Irp.allocate();
            close.setCompletionRoutine((c, l) -> {
                l.add("close " + c.status());
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, log, true, true, true);
            socket.dispatch().closeSocket(socket, close);
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, seen, true, true, true);
        socket.dispatch().disconnect(socket, WskBuf.of(ByteBuffer.wrap("bye".getBytes(StandardCharsets.UTF_8))),
                DisconnectMode.GRACEFUL, disconnect);
        sim.runUntilIdle();
        SimPeer peer = server.accepted().get(0);
        assertEquals(300_003, peer.receivedCount());
        assertEquals(SimPeer.Ending.EOF, peer.ending());
        peer.close();
        sim.runFor(java.time.Duration.ofSeconds(10));
        sim.close();
        assertTrue(sim.errors().isEmpty(), sim.errors().toString());
        return seen + "\n" + sim.trace();
    }
}
