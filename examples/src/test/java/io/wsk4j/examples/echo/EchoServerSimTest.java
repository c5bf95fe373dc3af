package io.wsk4j.examples.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.NtStatus;
import io.wsk4j.junit.WskTest;
import io.wsk4j.sim.FaultPlan;
import io.wsk4j.sim.SimPeer;
import io.wsk4j.sim.WskSimulation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The echo server on the simulated network, over many seeds: every choice of the network (slices, delays, which
 * socket runs next) and every payload comes from the seed, and {@link WskTest} fails a run that leaves a socket open
 * or an IRP pending, or that the verifier reports. A failing run prints its seed and {@code -Dwsk4j.sim.seed=...}.
 */
class EchoServerSimTest {
    private static final InetSocketAddress ADDRESS = new InetSocketAddress(InetAddress.getLoopbackAddress(), 7007);
    private static final Duration BOUND = Duration.ofSeconds(60);

    /** How the server's connections ended over the seeds of {@link #peerResetsMidway}: both kinds must be seen. */
    private static final Set<Ended> RESET_CASES = EnumSet.noneOf(Ended.class);
    private static int resetRuns;

    private enum Ended { GRACEFULLY_THEN_RESET, BY_THE_RESET }

    static FaultPlan slicesAndDelay() {
        return FaultPlan.none().splitReadsAndWrites().delay(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    @WskTest(seeds = 100, faults = "slicesAndDelay")
    @DisplayName("S3 D3 several peers with random payloads, reads and writes split, delivery delayed: every byte is"
            + " echoed, then EOF, and every connection is closed")
    void echoesEveryByteThenEof(WskSimulation sim) {
        Random random = new Random(sim.seed()); // the payloads come from the seed too, so a failure replays
        EchoServer server = EchoServer.create();
        EchoServer.Listener listener = listen(sim, server);
        List<SimPeer> peers = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            byte[] payload = new byte[random.nextInt(40_000)];
            random.nextBytes(payload);
            SimPeer peer = sim.connect(ADDRESS);
            peer.write(payload);
            peer.shutdownOutput();
            peers.add(peer);
            payloads.add(payload);
        }
        assertTrue(sim.runUntil(() -> server.closedConnections().size() == count
                && peers.stream().allMatch(p -> p.ending() != SimPeer.Ending.OPEN), BOUND), "every echo done");
        for (int i = 0; i < count; i++) {
            assertArrayEquals(payloads.get(i), peers.get(i).received(), "peer " + i + "'s echo");
            assertEquals(SimPeer.Ending.EOF, peers.get(i).ending(), "peer " + i + "'s echo ends with EOF");
        }
        for (EchoServer.Closed closed : server.closedConnections()) {
            assertEquals(NtStatus.SUCCESS, closed.disconnect(), closed.toString());
            assertEquals(NtStatus.SUCCESS, closed.close(), closed.toString());
        }
        stop(sim, server, listener, peers);
    }

    @WskTest(seeds = 100, faults = "slicesAndDelay")
    @DisplayName("S3 D9 a peer that resets after reading part of its echo, before, during or after the server's"
            + " graceful disconnect: the connection is closed all the same, nothing pending")
    void peerResetsMidway(WskSimulation sim) {
        Random random = new Random(sim.seed());
        EchoServer server = EchoServer.create();
        EchoServer.Listener listener = listen(sim, server);
        byte[] payload = new byte[1 + random.nextInt(40_000)];
        random.nextBytes(payload);
        SimPeer peer = sim.connect(ADDRESS);
        peer.write(payload);
        peer.shutdownOutput();
        // from half the echo to all of it: the last seeds reset after the server's FIN has left
        peer.resetAfterReading(payload.length / 2 + random.nextInt(payload.length / 2 + 1));
        assertTrue(sim.runUntil(() -> server.closedConnections().size() == 1, BOUND), "the connection closed");
        EchoServer.Closed closed = server.closedConnections().peek();
        assertEquals(NtStatus.SUCCESS, closed.close(), closed.toString());
        assertTrue(closed.disconnect() == NtStatus.SUCCESS || closed.disconnect() == NtStatus.CONNECTION_RESET,
                closed.toString());
        resetRuns++;
        RESET_CASES.add(closed.disconnect() == NtStatus.SUCCESS ? Ended.GRACEFULLY_THEN_RESET : Ended.BY_THE_RESET);
        stop(sim, server, listener, List.of(peer));
    }

    @AfterAll
    static void resetsHitBothSidesOfTheDisconnect() {
        if (resetRuns > 1) { // a replay (-Dwsk4j.sim.seed) runs one seed: one case
            assertEquals(EnumSet.allOf(Ended.class), RESET_CASES, "the seeds reach both sides of the disconnect");
        }
    }

    @WskTest(seeds = 100, faults = "slicesAndDelay")
    @DisplayName("S3 D6 a peer that stops reading while the server echoes, then goes away (closes with unread"
            + " bytes, a reset): the server's pending sends end and its connection is closed")
    void peerStallsThenGoesAway(WskSimulation sim) {
        Random random = new Random(sim.seed());
        EchoServer server = EchoServer.create();
        EchoServer.Listener listener = listen(sim, server);
        byte[] payload = new byte[2_000_000]; // more than both windows hold: the echo stalls
        random.nextBytes(payload);
        SimPeer peer = sim.connect(ADDRESS);
        peer.write(payload);
        assertTrue(sim.runUntil(() -> peer.receivedCount() > 0, BOUND), "the echo started");
        peer.stopReading();
        sim.runFor(Duration.ofSeconds(1 + random.nextInt(120))); // stalled: the server waits, as TCP does
        assertEquals(0, server.closedConnections().size(), "a stalled peer is not a finished one");
        peer.close(); // unread bytes: Linux resets
        assertTrue(sim.runUntil(() -> server.closedConnections().size() == 1, BOUND), "the connection closed");
        EchoServer.Closed closed = server.closedConnections().peek();
        assertEquals(NtStatus.CONNECTION_RESET, closed.disconnect(), closed.toString());
        assertEquals(NtStatus.SUCCESS, closed.close(), closed.toString());
        stop(sim, server, listener, List.of(peer));
    }

    static FaultPlan lowResources() {
        return FaultPlan.none().allocationFailures(0.05);
    }

    @WskTest(seeds = 100, faults = "lowResources")
    @DisplayName("S3 I1 a request that fails for lack of memory did nothing: the server tries it again, and every byte"
            + " is echoed, then EOF")
    void echoesUnderLowResources(WskSimulation sim) {
        Random random = new Random(sim.seed());
        EchoServer server = EchoServer.create();
        EchoServer.Listener listener = server.listen(sim.provider(), ADDRESS, "echo");
        sim.runUntilIdle();
        if (listener.socket().isCompletedExceptionally()) {
            return; // the listen itself ran out of memory: nothing was made, nothing to serve
        }
        byte[] payload = new byte[1 + random.nextInt(40_000)];
        random.nextBytes(payload);
        SimPeer peer = sim.connect(ADDRESS);
        peer.write(payload);
        peer.shutdownOutput();
        assertTrue(sim.runUntil(() -> server.closedConnections().size() == 1 && peer.ending() != SimPeer.Ending.OPEN,
                BOUND), "the echo done");
        assertArrayEquals(payload, peer.received(), "the echo");
        assertEquals(SimPeer.Ending.EOF, peer.ending(), "the echo ends with EOF");
        stop(sim, server, listener, List.of(peer));
    }

    private static EchoServer.Listener listen(WskSimulation sim, EchoServer server) {
        EchoServer.Listener listener = server.listen(sim.provider(), ADDRESS, "echo");
        sim.runUntilIdle();
        assertTrue(listener.socket().isDone() && !listener.socket().isCompletedExceptionally(), "listening");
        return listener;
    }

    private static void stop(WskSimulation sim, EchoServer server, EchoServer.Listener listener,
            List<SimPeer> peers) {
        server.stopListening(listener);
        peers.forEach(SimPeer::close);
        sim.runFor(Duration.ofSeconds(10));
        assertEquals(NtStatus.SUCCESS, listener.closed().getNow(null), "the listener closed");
    }
}
