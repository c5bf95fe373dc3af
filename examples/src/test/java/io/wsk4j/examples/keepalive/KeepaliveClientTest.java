package io.wsk4j.examples.keepalive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import io.wsk4j.sim.SimPeer;
import io.wsk4j.sim.SimPeerListener;
import io.wsk4j.sim.WskSimulation;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The keep-alive client on the simulation (virtual time) and against a real, silent peer on loopback. */
@Timeout(60)
final class KeepaliveClientTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    @DisplayName("K3 N2 an answer before the deadline is received; keep-alive and its timing are set")
    void answered() {
        try (WskSimulation sim = WskSimulation.seeded(7)) {
            SimPeerListener server = sim.listen(7000);
            CompletableFuture<KeepaliveClient.Outcome> outcome =
                    KeepaliveClient.ask(sim.provider(), server.address(), "ping\n", DEADLINE);
            assertTrue(sim.runUntil(() -> !server.accepted().isEmpty()
                    && server.accepted().get(0).receivedText().equals("ping\n"), Duration.ofSeconds(5)));
            SimPeer peer = server.accepted().get(0);
            peer.write("pong\n");
            assertTrue(sim.runUntil(outcome::isDone, Duration.ofSeconds(5)), sim.trace());
            KeepaliveClient.Outcome seen = outcome.join();
            assertEquals(NtStatus.SUCCESS, seen.answerStatus(), seen.steps().toString());
            assertEquals("pong\n", seen.answer());
            assertEquals(List.of("CONNECT SUCCESS", "KEEPALIVE SUCCESS", "KEEPIDLE SUCCESS", "KEEPINTVL SUCCESS",
                    "KEEPCNT SUCCESS", "SEND SUCCESS", "RECEIVE SUCCESS", "DISCONNECT SUCCESS", "CLOSE SUCCESS"),
                    seen.steps());
            sim.runUntilIdle();
            assertEquals(SimPeer.Ending.EOF, peer.ending(), "a graceful disconnect after the answer");
        }
    }

    @Test
    @DisplayName("N2 a peer that never answers: the receive is cancelled at its deadline, in virtual time")
    void silentPeerOnTheSimulation() {
        try (WskSimulation sim = WskSimulation.seeded(7)) {
            SimPeerListener server = sim.listen(7000);
            CompletableFuture<KeepaliveClient.Outcome> outcome =
                    KeepaliveClient.ask(sim.provider(), server.address(), "ping\n", DEADLINE);
            assertTrue(sim.runUntil(() -> !server.accepted().isEmpty()
                    && server.accepted().get(0).receivedCount() == 5, Duration.ofSeconds(5)));
            Duration asked = sim.now();
            assertTrue(sim.runUntil(outcome::isDone, DEADLINE.plusSeconds(5)), sim.trace());
            assertEquals(NtStatus.CANCELLED, outcome.join().answerStatus());
            // the receive was posted once the send completed, a little before the peer had read the bytes
            assertTrue(sim.now().compareTo(DEADLINE) >= 0 && sim.now().compareTo(asked.plus(DEADLINE)) <= 0,
                    "cancelled " + DEADLINE + " after the receive was posted: " + sim.now());
            sim.runUntilIdle();
            assertEquals(SimPeer.Ending.RESET, server.accepted().get(0).ending(), "given up abortively");
        }
    }

    @Test
    @DisplayName("N2 a real silent peer on loopback: the receive is cancelled and the peer sees the reset")
    void silentPeerOnLoopback() throws Exception {
        try (WskProvider provider = WskProvider.builder().ioThreads(1).build();
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<KeepaliveClient.Outcome> outcome =
                    KeepaliveClient.ask(provider, server.getLocalSocketAddress(), "ping\n", Duration.ofMillis(300));
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                InputStream in = peer.getInputStream();
                assertEquals("ping\n", new String(in.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII));
                KeepaliveClient.Outcome seen = outcome.get(10, TimeUnit.SECONDS);
                assertEquals(NtStatus.CANCELLED, seen.answerStatus(), seen.steps().toString());
                assertTrue(seen.steps().contains("KEEPALIVE SUCCESS"), seen.steps().toString());
                java.io.IOException reset = org.junit.jupiter.api.Assertions.assertThrows(
                        java.io.IOException.class, in::read);
                assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
            }
        }
    }
}
