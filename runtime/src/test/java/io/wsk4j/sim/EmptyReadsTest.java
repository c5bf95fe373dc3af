package io.wsk4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A request/response exchange whose replies exactly fill each receive makes no read that finds nothing: a receive
 * posted from the routine of the one that filled up waits for readiness, as a hand-written loop's next read does,
 * instead of probing with a read that a reply not yet sent answers EAGAIN. The simulation counts the reads.
 */
class EmptyReadsTest {
    private static final int ROUND_TRIPS = 100;
    private static final int MESSAGE = 64;

    @Test
    @DisplayName("R1 a ping-pong with WAITALL receives of the message's size makes no empty read")
    void noReadFindsNothing() {
        WskSimulation sim = WskSimulation.seeded(5);
        SimPeerListener server = sim.listen();
        Irp connect = Irp.allocate();
        connect.setCompletionRoutine((irp, ignored) -> NtStatus.MORE_PROCESSING_REQUIRED, null, true, true, true);
        sim.provider().socketConnect(server.address(), null, null, connect);
        sim.runUntilIdle();
        WskSocket socket = connect.socket();
        SimPeer echo = server.accepted().get(0);

        ByteBuffer request = ByteBuffer.allocate(MESSAGE);
        ByteBuffer reply = ByteBuffer.allocate(MESSAGE);
        int[] rounds = {0};
        Irp send = Irp.allocate();
        Irp receive = Irp.allocate();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            request.clear();
            send.reuse(NtStatus.SUCCESS);
            send.setCompletionRoutine((irp, c) -> NtStatus.MORE_PROCESSING_REQUIRED, null, true, true, true);
            socket.dispatch().send(socket, WskBuf.of(request), SendFlags.NONE, send);
            reply.clear();
            receive.reuse(NtStatus.SUCCESS);
            receive.setCompletionRoutine((irp, c) -> {
                if (irp.status() == NtStatus.SUCCESS && ++rounds[0] < ROUND_TRIPS) {
                    next[0].run(); // the next request and its receive, from the routine, as a client does
                }
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, null, true, true, true);
            socket.dispatch().receive(socket, WskBuf.of(reply), ReceiveFlags.WAITALL, receive);
        };
        long before = sim.network().emptyReads();
        next[0].run();
        for (int i = 0; i < ROUND_TRIPS * 4 && rounds[0] < ROUND_TRIPS; i++) {
            sim.runUntil(() -> echo.receivedCount() >= (long) (rounds[0] + 1) * MESSAGE || rounds[0] >= ROUND_TRIPS,
                    java.time.Duration.ofSeconds(1));
            long owed = echo.receivedCount() - (long) rounds[0] * MESSAGE;
            if (owed >= MESSAGE) {
                echo.write(new byte[MESSAGE]); // the peer echoes each request once it has it all
            }
            sim.runUntilIdle();
        }
        assertEquals(ROUND_TRIPS, rounds[0]);
        assertEquals(0, sim.network().emptyReads() - before, "reads that found nothing, in " + ROUND_TRIPS
                + " round trips");
        Irp close = Irp.allocate();
        close.setCompletionRoutine((irp, c) -> NtStatus.MORE_PROCESSING_REQUIRED, null, true, true, true);
        socket.dispatch().closeSocket(socket, close);
        sim.runUntilIdle();
        sim.close();
    }
}
