package io.wsk4j.transport.sim;

import java.util.PriorityQueue;

/**
 * Virtual time and the network's own scheduled happenings (deliveries, handshakes), in time order; two at the same
 * time run in the order they were scheduled, so that nothing depends on a tie-break the seed does not make.
 */
final class SimClock {
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    long now() {
        return now;
    }

    void at(long time, Runnable happening) {
        queue.add(new Scheduled(Math.max(time, now), sequence++, happening));
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** The time of the next happening; only when not {@link #isEmpty()}. */
    long next() {
        return queue.peek().time;
    }

    /** Moves the clock to {@code time} (never back). */
    void advanceTo(long time) {
        if (time > now) {
            now = time;
        }
    }

    /** Runs the next happening, moving the clock to its time. */
    void runNext() {
        Scheduled next = queue.poll();
        advanceTo(next.time);
        next.happening.run();
    }

    private record Scheduled(long time, long sequence, Runnable happening) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
