package io.wsk4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC S4: how a simulation refuses misuse, and what "idle" leaves to the clock. */
class SimulationMisuseTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    @DisplayName("S4 a call on the simulation's provider from another thread throws, naming the thread that owns it")
    void anotherThreadIsRefused() throws Exception {
        try (WskSimulation sim = WskSimulation.seeded(3)) {
            CompletableFuture<Throwable> thrown = new CompletableFuture<>();
            Thread other = new Thread(() -> {
                Irp irp = Irp.allocate();
                irp.setCompletionRoutine((done, context) -> NtStatus.MORE_PROCESSING_REQUIRED, null, true, true, true);
                try {
                    sim.provider().socket(null, null, irp);
                    thrown.complete(null);
                } catch (Throwable e) {
                    thrown.complete(e);
                } finally {
                    irp.free();
                }
            }, "not-the-driver");
            other.start();
            Throwable e = thrown.get(10, TimeUnit.SECONDS);
            assertNotNull(e, "the call from another thread was taken");
            assertTrue(e instanceof IllegalStateException, e.toString());
            assertTrue(e.getMessage().contains("not-the-driver") && e.getMessage().contains(Thread.currentThread()
                    .getName()), e.getMessage());
            assertEquals(0, sim.provider().openSocketCount(), "the refused call made no socket");
        }
    }

    @Test
    @DisplayName("S4 driving the simulation from inside a completion routine throws, saying to drive it from the test")
    void drivingFromACallbackIsRefused() {
        try (WskSimulation sim = WskSimulation.seeded(4)) {
            List<Throwable> thrown = new ArrayList<>();
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((done, list) -> {
                try {
                    sim.runUntilIdle();
                } catch (IllegalStateException e) {
                    list.add(e);
                }
                WskSocket socket = done.status() == NtStatus.SUCCESS ? done.socket() : null;
                done.free();
                if (socket != null) {
                    socket.dispatch().closeSocket(socket, selfFreeing());
                }
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, thrown, true, true, true);
            SimPeerListener listener = sim.listen();
            sim.provider().socketConnect(listener.address(), null, null, irp);
            assertTrue(sim.runUntil(() -> !thrown.isEmpty(), WAIT), sim.trace());
            sim.runUntilIdle();
            assertTrue(thrown.get(0).getMessage().contains("from inside a completion routine"),
                    thrown.get(0).getMessage());
            assertEquals(0, sim.provider().openSocketCount());
        }
    }

    @Test
    @DisplayName("S4 runUntilIdle runs no timer: a receive with a 1 s deadline stays pending until runFor passes it")
    void idleLeavesTimersToTheClock() {
        try (WskSimulation sim = WskSimulation.seeded(5)) {
            SimPeerListener listener = sim.listen();
            List<Irp> done = new ArrayList<>();
            Irp connect = Irp.allocate();
            connect.setCompletionRoutine((irp, list) -> {
                list.add(irp);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, done, true, true, true);
            sim.provider().socketConnect(listener.address(), null, null, connect);
            assertTrue(sim.runUntil(() -> done.contains(connect), WAIT), sim.trace());
            WskSocket socket = connect.socket();
            connect.free();

            Irp receive = Irp.allocate();
            receive.setCompletionRoutine((irp, list) -> {
                list.add(irp);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, done, true, true, true);
            receive.cancelAfter(Duration.ofSeconds(1));
            socket.dispatch().receive(socket, WskBuf.of(ByteBuffer.allocate(16)), ReceiveFlags.NONE, receive);
            Duration before = sim.now();
            sim.runUntilIdle();
            assertEquals(before, sim.now(), "idle moved no virtual time");
            assertTrue(!done.contains(receive), "the deadline waits for the clock");
            sim.runFor(Duration.ofSeconds(2));
            assertTrue(done.contains(receive));
            assertEquals(NtStatus.CANCELLED, receive.status());
            receive.free();
            Irp close = Irp.allocate();
            close.setCompletionRoutine((irp, list) -> {
                list.add(irp);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, done, true, true, true);
            socket.dispatch().closeSocket(socket, close);
            assertTrue(sim.runUntil(() -> done.contains(close), WAIT));
            close.free();
        }
    }

    /** {@return an IRP whose routine frees it} */
    private static Irp selfFreeing() {
        Irp close = Irp.allocate();
        close.setCompletionRoutine((irp, context) -> {
            irp.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, null, true, true, true);
        return close;
    }
}
