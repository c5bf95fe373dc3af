package io.wsk4j.engine;

import io.wsk4j.NtStatus;
import io.wsk4j.WskStats;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@code WskProvider.stats()}, the observer that is always there (SPEC R3): it counts each IRP taken up and each
 * completion in the plain {@link LoopCounters} of the I/O thread that sees it. Asked from an application thread, each
 * I/O thread copies its own counters in a task, so its figures agree with each other (all waited for under one
 * deadline); asked from an I/O thread, the counters are read as they are, since an I/O thread must never wait for
 * another; the few IRPs that complete off the I/O threads (bad parameters found in the dispatch call, a socket made at
 * once) are counted here with atomics, off the I/O path.
 */
final class ProviderStats implements EngineObserver {
    private static final long LOOP_WAIT_MILLIS = 1000;

    private final AtomicLongArray offLoopPending = new AtomicLongArray(LoopCounters.OPERATIONS);
    private final AtomicLongArray offLoopCompletions = new AtomicLongArray(LoopCounters.STATUSES);

    /** The IRP is pending for the stats until it completes; counted once, however often it is handed on. */
    @Override
    public void tookUp(IrpCore irp, EventLoop loop) {
        if (irp.countedPending) {
            return;
        }
        irp.countedPending = true;
        if (loop.inLoop()) {
            loop.counters.arrived(irp.operation);
        } else { // a broken loop's tasks run on the threads that queue them
            offLoopPending.incrementAndGet(irp.operation.ordinal());
        }
    }

    /** On the I/O thread of the IRP's socket, or rarely elsewhere (a bad parameter found in the dispatch call). */
    @Override
    public Object completed(IrpCore irp, EngineSocket socket, NtStatus status, long information, boolean routineRuns) {
        boolean wasPending = irp.countedPending;
        irp.countedPending = false;
        if (socket != null && socket.loop.inLoop()) {
            socket.loop.counters.completed(irp.operation, wasPending, status);
        } else {
            if (wasPending) {
                offLoopPending.decrementAndGet(irp.operation.ordinal());
            }
            offLoopCompletions.incrementAndGet(status.ordinal());
        }
        return null;
    }

    /**
     * On an I/O thread of the provider ({@code onIoThread}) it waits for no loop: it reads every loop's counters as
     * they are, which may be slightly stale for the other loops (no ordering with their last increments). Elsewhere it
     * asks each loop whose thread lives for a copy (a broken loop runs it on this thread, a stopping one may
     * not run it: its counters are then read as they are once the deadline passed) and waits for all of them under one
     * deadline.
     */
    WskStats snapshot(EventLoop[] loops, int openSockets, boolean onIoThread) {
        long[] pending = new long[LoopCounters.OPERATIONS];
        long[] completions = new long[LoopCounters.STATUSES];
        Copy[] copies = new Copy[loops.length];
        for (int i = 0; i < loops.length; i++) {
            EventLoop loop = loops[i];
            if (onIoThread || loop.ended()) {
                // never wait on an I/O thread; an ended loop runs nothing, and its end orders its writes before this
                loop.counters.addTo(pending, completions);
            } else {
                copies[i] = new Copy(loop.counters);
                loop.execute(copies[i]);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOOP_WAIT_MILLIS); // one for all loops
        for (Copy copy : copies) {
            if (copy != null) {
                copy.addTo(pending, completions, deadline);
            }
        }
        for (int i = 0; i < pending.length; i++) {
            pending[i] += offLoopPending.get(i);
        }
        for (int i = 0; i < completions.length; i++) {
            completions[i] += offLoopCompletions.get(i);
        }
        Map<String, Long> byOperation = new LinkedHashMap<>();
        for (Operation operation : Operation.values()) {
            byOperation.merge(operation.wskName, pending[operation.ordinal()], Long::sum);
        }
        Map<NtStatus, Long> byStatus = new EnumMap<>(NtStatus.class);
        for (NtStatus status : NtStatus.values()) {
            if (completions[status.ordinal()] != 0) {
                byStatus.put(status, completions[status.ordinal()]);
            }
        }
        return new WskStats(openSockets, byOperation, byStatus);
    }

    /** A copy of one loop's counters, made on that loop. */
    private static final class Copy extends LoopTask {
        private final LoopCounters counters;
        private final long[] pending = new long[LoopCounters.OPERATIONS];
        private final long[] completions = new long[LoopCounters.STATUSES];
        private final CountDownLatch copied = new CountDownLatch(1);

        Copy(LoopCounters counters) {
            this.counters = counters;
        }

        @Override
        void runOnLoop() {
            counters.addTo(pending, completions);
            copied.countDown();
        }

        /** Adds the copy; if the loop did not answer in time (stopped, stuck), its counts as they are. */
        void addTo(long[] pendingSums, long[] completionSums, long deadline) {
            boolean done;
            try {
                done = copied.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = false;
            }
            if (done) {
                for (int i = 0; i < pending.length; i++) {
                    pendingSums[i] += pending[i];
                }
                for (int i = 0; i < completions.length; i++) {
                    completionSums[i] += completions[i];
                }
            } else {
                counters.addTo(pendingSums, completionSums); // stale, and racy, but a figure
            }
        }
    }
}
