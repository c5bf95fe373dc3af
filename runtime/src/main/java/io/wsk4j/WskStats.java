package io.wsk4j;

import java.util.Map;

/**
 * A snapshot of a provider's activity, for users without JDK Flight Recorder (see {@link WskProvider#stats()}).
 *
 * <p>Each I/O thread counts on its own, in plain fields, and copies its figures when the snapshot asks it to, so the
 * figures of one I/O thread agree with each other at one moment; those of different I/O threads are taken a few
 * microseconds apart. An IRP on its way to its I/O thread (dispatched from another thread, not yet taken up) is not
 * pending yet; the few that complete off the I/O threads (bad parameters found in the dispatch call) are counted
 * apart and added in.
 *
 * @param openSockets sockets made and not closed yet
 * @param pendingIrps IRPs taken up by an I/O thread and not completed, by WSK function name ({@code WskSend},
 *     {@code WskReceive}, ...); every operation has an entry, zero included
 * @param completions IRPs completed since the provider started, by final status; statuses never seen have no entry
 */
public record WskStats(int openSockets, Map<String, Long> pendingIrps, Map<NtStatus, Long> completions) {
    /**
     * Copies both maps: a snapshot does not change.
     *
     * @param openSockets sockets made and not closed yet
     * @param pendingIrps IRPs pending, by WSK function name
     * @param completions IRPs completed, by final status
     */
    public WskStats {
        pendingIrps = Map.copyOf(pendingIrps);
        completions = Map.copyOf(completions);
    }

    /** {@return IRPs pending over all operations} */
    public long pendingTotal() {
        return pendingIrps.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * {@return completions with {@code status}, 0 if none}
     *
     * @param status a final status
     */
    public long completed(NtStatus status) {
        return completions.getOrDefault(status, 0L);
    }
}
