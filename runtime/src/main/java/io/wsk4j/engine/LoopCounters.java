package io.wsk4j.engine;

import io.wsk4j.NtStatus;

/**
 * One I/O thread's counts for {@code WskProvider.stats()}: IRPs taken up and not completed, by operation, and
 * completions by status. Plain fields written by that thread alone, so counting costs an increment and nothing
 * else; a snapshot copies them on the thread itself (see {@link ProviderStats}).
 */
final class LoopCounters {
    static final int OPERATIONS = Operation.values().length;
    static final int STATUSES = NtStatus.values().length;

    private final long[] pending = new long[OPERATIONS];
    private final long[] completions = new long[STATUSES];

    void arrived(Operation operation) {
        pending[operation.ordinal()]++;
    }

    void completed(Operation operation, boolean wasPending, NtStatus status) {
        if (wasPending) {
            pending[operation.ordinal()]--;
        }
        completions[status.ordinal()]++;
    }

    /** Adds this thread's counts to the sums; on the thread itself for a consistent copy. */
    void addTo(long[] pendingSums, long[] completionSums) {
        for (int i = 0; i < OPERATIONS; i++) {
            pendingSums[i] += pending[i];
        }
        for (int i = 0; i < STATUSES; i++) {
            completionSums[i] += completions[i];
        }
    }
}
