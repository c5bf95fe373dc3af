package io.wsk4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskOption;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SPEC K5: the backlog a listening socket was given with LISTEN_BACKLOG is what its kernel holds while nobody takes
 * connections. Shown in the simulation, where a connect left waiting costs virtual seconds; on real sockets a peer
 * beyond the backlog waits for Linux's SYN retransmissions in wall-clock seconds.
 */
class ListenBacklogTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    @DisplayName("K5 a listener with LISTEN_BACKLOG 2 and no taker holds two peers; the third waits until one is taken")
    void theChosenBacklogIsWhatTheKernelHolds() {
        try (WskSimulation sim = WskSimulation.seeded(5)) {
            List<Irp> done = new ArrayList<>();
            WskListenSocket l = made(sim, done);
            control(sim, done, irp -> l.dispatch().controlSocket(l, WskOption.LISTEN_BACKLOG, 2, irp));
            control(sim, done, irp -> l.dispatch().bind(l, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), irp));
            Irp local = control(sim, done, irp -> l.dispatch().getLocalAddress(l, irp));
            SocketAddress address = local.address();
            local.free();

            SimPeer first = sim.connect(address);
            SimPeer second = sim.connect(address);
            assertTrue(sim.runUntil(() -> first.isConnected() && second.isConnected(), WAIT), sim.trace());
            SimPeer third = sim.connect(address);
            sim.runFor(WAIT);
            assertFalse(third.isConnected(), "the backlog of 2 is full: the third peer's SYNs are dropped");
            assertNull(third.connectFailure(), "it still waits; its connect has not failed");

            Irp accept = Irp.allocate();
            accept.setCompletionRoutine((irp, list) -> {
                list.add(irp);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, done, true, true, true);
            l.dispatch().accept(l, null, null, accept);
            assertTrue(sim.runUntil(() -> done.contains(accept) && third.isConnected(), WAIT),
                    "taking one made room for the third (its SYN sent again): " + sim.trace());
            assertEquals(NtStatus.SUCCESS, accept.status());
            control(sim, done, irp -> accept.socket().dispatch().closeSocket(accept.socket(), irp)).free();
            accept.free();
            control(sim, done, irp -> l.dispatch().closeSocket(l, irp)).free();
            assertEquals(List.of(), sim.errors());
        }
    }

    private static WskListenSocket made(WskSimulation sim, List<Irp> done) {
        Irp irp = control(sim, done, i -> sim.provider().listenSocket(null, null, i));
        WskListenSocket socket = irp.listenSocket();
        irp.free();
        return socket;
    }

    /** Starts one call with a fresh IRP, runs the simulation until it completes SUCCESS; {@return its IRP} */
    private static Irp control(WskSimulation sim, List<Irp> done, Consumer<Irp> call) {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((completed, list) -> {
            list.add(completed);
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, done, true, true, true);
        call.accept(irp);
        assertTrue(sim.runUntil(() -> done.contains(irp), WAIT), sim.trace());
        assertEquals(NtStatus.SUCCESS, irp.status(), sim.trace());
        return irp;
    }
}
