package io.wsk4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskEvent;
import io.wsk4j.WskSocket;
import io.wsk4j.WskVerifierReport;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC V8: a receive event that declines data while nobody posts a receive is a stall the verifier reports. */
class ReceiveStallTest {
    @Test
    @DisplayName("V8 E3 an event that returns 0 and never posts a receive is reported after the bound, in virtual time")
    void declineWithoutReceiveIsReported() {
        List<WskVerifierReport> reports = new ArrayList<>();
        WskSimulation sim = WskSimulation.seeded(3, FaultPlan.none(), reports::add);
        SimPeerListener server = sim.listen();
        WskSocket socket = connectWithEvents(sim, server, (context, data) -> 0); // back-pressure, and then nothing
        server.accepted().get(0).write("hello");
        sim.runFor(Duration.ofSeconds(6));
        assertEquals(1, reports.size(), reports.toString());
        assertEquals(WskVerifierReport.Kind.RECEIVE_STALLED, reports.get(0).kind());
        assertTrue(reports.get(0).message().contains("declined 5 bytes"), reports.get(0).message());
        close(sim, socket);
    }

    @Test
    @DisplayName("V8 E3 an event that returns 0 and then posts a receive for the rest is not a stall")
    void declineThenReceiveIsFine() {
        List<WskVerifierReport> reports = new ArrayList<>();
        WskSimulation sim = WskSimulation.seeded(3, FaultPlan.none(), reports::add);
        SimPeerListener server = sim.listen();
        ByteBuffer rest = ByteBuffer.allocate(16);
        WskSocket[] self = new WskSocket[1];
        WskSocket socket = connectWithEvents(sim, server, (context, data) -> {
            Irp receive = Irp.allocate();
            receive.setCompletionRoutine((irp, ignored) -> {
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, null, true, true, true);
            self[0].dispatch().receive(self[0], WskBuf.of(rest), ReceiveFlags.NONE, receive); // the correct way
            return 0;
        }, self);
        server.accepted().get(0).write("hello");
        sim.runFor(Duration.ofSeconds(6));
        assertEquals(List.of(), reports);
        assertEquals(5, rest.position(), "the receive took what the event declined");
        close(sim, socket);
    }

    private interface Event {
        long onReceive(String context, WskBuf data);
    }

    private static WskSocket connectWithEvents(WskSimulation sim, SimPeerListener server, Event event) {
        return connectWithEvents(sim, server, event, new WskSocket[1]);
    }

    private static WskSocket connectWithEvents(WskSimulation sim, SimPeerListener server, Event event,
            WskSocket[] self) {
        WskClientConnectionDispatch<String> events = new WskClientConnectionDispatch<>() {
            @Override
            public long onReceive(String context, WskBuf data) {
                return event.onReceive(context, data);
            }
        };
        Irp connect = Irp.allocate();
        connect.setCompletionRoutine((irp, ignored) -> NtStatus.MORE_PROCESSING_REQUIRED, null, true, true, true);
        sim.provider().socketConnect(server.address(), "ctx", events, connect);
        sim.runUntilIdle();
        WskSocket socket = connect.socket();
        self[0] = socket;
        connect.free();
        Irp enable = Irp.allocate();
        enable.setCompletionRoutine((irp, ignored) -> {
            irp.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, null, true, true, true);
        socket.dispatch().controlSocket(socket, WskEvent.RECEIVE, true, enable);
        sim.runUntilIdle();
        return socket;
    }

    private static void close(WskSimulation sim, WskSocket socket) {
        Irp close = Irp.allocate();
        close.setCompletionRoutine((irp, ignored) -> {
            irp.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, null, true, true, true);
        socket.dispatch().closeSocket(socket, close);
        sim.runFor(Duration.ofSeconds(6));
        sim.close();
    }
}
