package io.wsk4j.examples.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import io.wsk4j.examples.seed.DisconnectSocketDemo.Way;
import io.wsk4j.junit.WskTest;
import io.wsk4j.sim.FaultPlan;
import io.wsk4j.sim.SimPeer;
import io.wsk4j.sim.SimPeerListener;
import io.wsk4j.sim.WskSimulation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;

/**
 * The seed's flow (connect, send, {@link DisconnectSocket} three ways, the peer's FIN, close) on a simulated network
 * whose provider runs out of memory now and then, as under Driver Verifier's low-resources simulation: any call but
 * {@code closeSocket} may complete INSUFFICIENT_RESOURCES having done nothing, so every step is tried again until it
 * did something. The peer must read the greeting, then EOF, never a reset.
 */
class DisconnectSocketSimTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final int TRIES = 20;

    static FaultPlan lowResources() {
        return FaultPlan.none().allocationFailures(0.2);
    }

    @WskTest(seeds = 100, faults = "lowResources")
    @DisplayName("S3 I1 D3 C3 the seed's flow under allocation failures: every step that failed for lack of memory is"
            + " tried again, and the peer reads the greeting then EOF")
    void seedFlowUnderLowResources(WskSimulation sim) {
        for (Way way : Way.values()) {
            SimPeerListener server = sim.listen();
            String greeting = "hello from the seed, " + way;
            CompletableFuture<WskSocket> connected = new CompletableFuture<>();
            NtStatus status = retried(sim, () -> {
                CompletableFuture<NtStatus> done = new CompletableFuture<>();
                sim.provider().socketConnect(server.address(), null, null, irp(irp -> {
                    if (irp.status() == NtStatus.SUCCESS) {
                        connected.complete(irp.socket());
                    }
                    done.complete(irp.status());
                }));
                return done;
            });
            assertEquals(NtStatus.SUCCESS, status, way + ": connect");
            WskSocket socket = connected.join();
            SimPeer peer = server.accepted().get(0);

            assertEquals(NtStatus.SUCCESS, retried(sim, () -> {
                CompletableFuture<NtStatus> done = new CompletableFuture<>();
                ByteBuffer bytes = ByteBuffer.wrap(greeting.getBytes(StandardCharsets.US_ASCII));
                socket.dispatch().send(socket, WskBuf.of(bytes), SendFlags.NONE, irp(irp ->
                        done.complete(irp.status())));
                return done;
            }), way + ": send");

            // the seed calls DisconnectSocket once; out of memory, the disconnect did nothing: call it again
            assertEquals(NtStatus.SUCCESS, retried(() -> disconnect(sim, way, socket)), way + ": disconnect");
            assertTrue(sim.runUntil(() -> peer.ending() != SimPeer.Ending.OPEN, BOUND), way + ": the peer's read");
            assertEquals(greeting, peer.receivedText(), way + ": what the peer read");
            assertEquals(SimPeer.Ending.EOF, peer.ending(), way + ": the peer's read ends");

            peer.shutdownOutput(); // the peer's FIN: both directions are done, so the close will be quiet (C3)
            ByteBuffer rest = ByteBuffer.allocate(16);
            long[] received = {-1};
            assertEquals(NtStatus.SUCCESS, retried(sim, () -> {
                CompletableFuture<NtStatus> done = new CompletableFuture<>();
                socket.dispatch().receive(socket, WskBuf.of(rest), ReceiveFlags.NONE, irp(irp -> {
                    received[0] = irp.information();
                    done.complete(irp.status());
                }));
                return done;
            }), way + ": receive");
            assertEquals(0, received[0], way + ": the peer's FIN, 0 bytes");

            CompletableFuture<NtStatus> closed = new CompletableFuture<>();
            socket.dispatch().closeSocket(socket, irp(irp -> closed.complete(irp.status())));
            assertTrue(sim.runUntil(closed::isDone, BOUND), way + ": close");
            assertEquals(NtStatus.SUCCESS, closed.join(), way + ": close never fails (C1)");
            sim.runFor(Duration.ofSeconds(1));
            assertEquals(SimPeer.Ending.EOF, peer.ending(), way + ": a quiet close, no reset");
            peer.close();
            server.close();
        }
    }

    /** The seed's disconnect, one of its three ways; {@return the status its completion routine saw} */
    private static NtStatus disconnect(WskSimulation sim, Way way, WskSocket socket) {
        BlockingQueue<NtStatus> outcomes = new LinkedBlockingQueue<>(); // the seed's routines report here
        switch (way) {
            case BY_HAND -> DisconnectSocket.byHand(socket, (irp, s) -> {
                outcomes.add(irp.status());
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            });
            case FAITHFUL -> DisconnectSocket.faithful(new SeedRoutinesDispatch(new SeedRoutines(outcomes)), socket);
            case SIMPLE -> DisconnectSocket.simple(new SimpleRoutinesDispatch(new SimpleRoutines(outcomes)), socket);
            default -> throw new AssertionError(way);
        }
        assertTrue(sim.runUntil(() -> !outcomes.isEmpty(), BOUND), way + ": the disconnect completed");
        return outcomes.poll();
    }

    /** Runs a step once and {@return its status} */
    private static NtStatus once(WskSimulation sim, Supplier<CompletableFuture<NtStatus>> step) {
        CompletableFuture<NtStatus> done = step.get();
        assertTrue(sim.runUntil(done::isDone, BOUND), "the step completed within " + BOUND.toSeconds() + " s");
        return done.join();
    }

    /** {@link #retried(Supplier)} for a step that completes a future: each try runs the simulation until it did. */
    private static NtStatus retried(WskSimulation sim, Supplier<CompletableFuture<NtStatus>> step) {
        return retried(() -> once(sim, step));
    }

    /**
     * Tries a step until it completes with something other than INSUFFICIENT_RESOURCES (the call did nothing: SPEC
     * S3's allocation failures), at most {@link #TRIES} times; {@return its last status}
     */
    private static NtStatus retried(Supplier<NtStatus> attempt) {
        NtStatus status = NtStatus.INSUFFICIENT_RESOURCES;
        for (int i = 0; i < TRIES && status == NtStatus.INSUFFICIENT_RESOURCES; i++) {
            status = attempt.get();
        }
        assertNotEquals(NtStatus.INSUFFICIENT_RESOURCES, status, "still out of memory after " + TRIES + " tries");
        return status;
    }

    /** An IRP whose routine hands it to {@code then}, then frees it. */
    private static Irp irp(Consumer<Irp> then) {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, context) -> {
            then.accept(done);
            done.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, null, true, true, true);
        return irp;
    }
}
