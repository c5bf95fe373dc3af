package io.wsk4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskAccept;
import io.wsk4j.WskClientListenDispatch;
import io.wsk4j.WskListenSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SPEC K6 on the simulated network only: a real loopback listener does not fail for good on demand (the JDK gives no
 * way to break a ServerSocketChannel's accept but closing it, which is the application's own close), so the
 * simulation breaks its port ({@code SimNetwork.breakListener}) as a failing stack would.
 */
class DeadListenerTest {
    private static final int PORT = 7100;

    @Test
    @DisplayName("K6 a listener that fails for good calls its accept event with a null socket, once, and stays closable")
    void deadListenerCallsTheEventWithNull() {
        WskSimulation sim = WskSimulation.seeded(1);
        List<String> seen = new ArrayList<>();
        WskClientListenDispatch<List<String>> events = (log, socket, local, remote) -> {
            log.add(socket == null ? "dead: " + local + " " + remote : "accepted");
            return WskAccept.reject();
        };
        WskListenSocket listener = listen(sim, seen, events);
        sim.network().breakListener(PORT);
        sim.runUntilIdle();
        assertEquals(List.of("dead: null null"), seen);
        assertTrue(sim.errors().stream().anyMatch(e -> e.contains("cannot accept any more (SPEC K6)")),
                sim.errors().toString());
        Irp accept = irp(seen, "accept");
        listener.dispatch().accept(listener, null, null, accept);
        sim.runUntilIdle();
        assertEquals("accept " + NtStatus.UNSUCCESSFUL, seen.get(1), "a later accept IRP fails the same way");
        close(sim, listener, seen);
        assertEquals("close " + NtStatus.SUCCESS, seen.get(2));
        sim.close();
    }

    @Test
    @DisplayName("K6 a listener that fails for good completes its pending accept IRPs with the failure's status")
    void deadListenerFailsPendingAccepts() {
        WskSimulation sim = WskSimulation.seeded(1);
        List<String> seen = new ArrayList<>();
        WskListenSocket listener = listen(sim, seen, null);
        listener.dispatch().accept(listener, null, null, irp(seen, "accept-1"));
        listener.dispatch().accept(listener, null, null, irp(seen, "accept-2"));
        sim.runUntilIdle();
        assertEquals(List.of(), seen);
        sim.network().breakListener(PORT);
        sim.runUntilIdle();
        assertEquals(List.of("accept-1 " + NtStatus.UNSUCCESSFUL, "accept-2 " + NtStatus.UNSUCCESSFUL), seen);
        assertEquals(1, sim.errors().size(), sim.errors().toString());
        close(sim, listener, seen);
        assertEquals("close " + NtStatus.SUCCESS, seen.get(2));
        assertEquals(0, sim.provider().openSocketCount());
        sim.close();
    }

    private static <L> WskListenSocket listen(WskSimulation sim, L context, WskClientListenDispatch<L> events) {
        WskListenSocket[] made = new WskListenSocket[1];
        Irp socket = Irp.allocate();
        socket.setCompletionRoutine((irp, box) -> {
            box[0] = irp.listenSocket();
            irp.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, made, true, true, true);
        sim.provider().listenSocket(context, events, socket);
        NtStatus[] bound = new NtStatus[1];
        Irp bind = Irp.allocate();
        bind.setCompletionRoutine((irp, box) -> {
            box[0] = irp.status();
            irp.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, bound, true, true, true);
        made[0].dispatch().bind(made[0], new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), bind);
        sim.runUntilIdle();
        assertEquals(NtStatus.SUCCESS, bound[0]);
        return made[0];
    }

    private static Irp irp(List<String> seen, String name) {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, log) -> {
            log.add(name + " " + done.status());
            assertNull(done.socket());
            done.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, seen, true, true, true);
        return irp;
    }

    private static void close(WskSimulation sim, WskListenSocket listener, List<String> seen) {
        listener.dispatch().closeSocket(listener, irp(seen, "close"));
        sim.runUntilIdle();
    }
}
