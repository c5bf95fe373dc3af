package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every completion of the IRPs it makes, in order, and counts how often each IRP completed, so that a test can
 * await a completion through its {@link Network} (a bounded wait, or the simulation run until it happened) and prove
 * exactly-once (SPEC I1).
 */
final class Completions {
    /** One completion as the routine saw it. */
    record Done(String name, NtStatus status, long information, boolean pendingReturned, WskSocket socket,
            WskListenSocket listenSocket) {}

    private final Network network;
    private final List<Done> order = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final CompletionRoutine<String> routine = (irp, name) -> {
        synchronized (this) {
            counts.merge(name, 1, Integer::sum);
            order.add(new Done(name, irp.status(), irp.information(), irp.pendingReturned(),
                    connectionMade(irp), listenerMade(irp)));
            notifyAll();
        }
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    };

    Completions(Network network) {
        this.network = network;
    }

    /** A fresh IRP whose completion is recorded under {@code name}. */
    Irp irp(String name) {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine(routine, name, true, true, true);
        return irp;
    }

    /** Waits (bounded) for the completion of {@code name}. */
    Done await(String name) throws InterruptedException {
        network.await(this, () -> find(name) != null, "the completion of " + name + "; seen: " + namesInOrder());
        return find(name);
    }

    private synchronized Done find(String name) {
        for (Done d : order) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** Asserts {@code name} has not completed yet (without waiting). */
    synchronized void assertNotCompleted(String name) {
        assertNull(find(name), name + " completed but should still be pending");
    }

    /** The names in completion order, of everything completed so far. */
    synchronized List<String> namesInOrder() {
        List<String> names = new ArrayList<>();
        for (Done d : order) {
            names.add(d.name());
        }
        return names;
    }

    /** SPEC I1: every recorded IRP completed exactly once. */
    synchronized void assertEachCompletedOnce() {
        counts.forEach((name, count) -> assertEquals(1, count, name + " completed " + count + " times"));
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
