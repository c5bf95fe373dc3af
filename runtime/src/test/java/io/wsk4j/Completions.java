package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records every completion of the IRPs it makes, in order, and counts how often each IRP completed, so that a test can
 * await a completion with a bounded wait and prove exactly-once (SPEC I1).
 */
final class Completions {
    static final long WAIT_SECONDS = 10;

    /** One completion as the routine saw it. */
    record Done(String name, NtStatus status, long information, boolean pendingReturned, WskSocket socket,
            WskListenSocket listenSocket, String thread) {}

    private final LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final List<Done> order = new ArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final CompletionRoutine<String> routine = (irp, name) -> {
        counts.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        done.add(new Done(name, irp.status(), irp.information(), irp.pendingReturned(),
                connectionMade(irp), listenerMade(irp), Thread.currentThread().getName()));
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    };

    /** A fresh IRP whose completion is recorded under {@code name}. */
    Irp irp(String name) {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine(routine, name, true, true, true);
        return irp;
    }

    /** Waits (bounded) for the completion of {@code name}; completions of others seen meanwhile are kept. */
    synchronized Done await(String name) throws InterruptedException {
        for (Done d : order) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            Done d = done.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            assertNotNull(d, "no completion of " + name + " within " + WAIT_SECONDS + " s; seen: " + order);
            order.add(d);
            if (d.name().equals(name)) {
                return d;
            }
        }
    }

    /** Asserts {@code name} has not completed yet (without waiting). */
    synchronized void assertNotCompleted(String name) {
        done.drainTo(order);
        for (Done d : order) {
            assertNull(d.name().equals(name) ? d : null, name + " completed but should still be pending");
        }
    }

    /** The names in completion order, of everything completed so far. */
    synchronized List<String> namesInOrder() {
        done.drainTo(order);
        List<String> names = new ArrayList<>();
        for (Done d : order) {
            names.add(d.name());
        }
        return names;
    }

    /** SPEC I1: every recorded IRP completed exactly once. */
    void assertEachCompletedOnce() {
        counts.forEach((name, count) -> assertEquals(1, count.get(), name + " completed " + count + " times"));
    }

    /** The recorder serves every request, so it asks for each kind; the other kind's accessor throws (SPEC K2). */
    private static WskSocket connectionMade(Irp irp) {
        try {
            return irp.socket();
        } catch (IllegalStateException otherKind) {
            return null;
        }
    }

    private static WskListenSocket listenerMade(Irp irp) {
        try {
            return irp.listenSocket();
        } catch (IllegalStateException otherKind) {
            return null;
        }
    }
}
