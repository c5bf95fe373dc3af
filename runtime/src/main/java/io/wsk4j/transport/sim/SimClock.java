package io.wsk4j.transport.sim;

import java.util.PriorityQueue;

/**
 * Virtual time and the network's own scheduled happenings (deliveries, handshakes), in time order; two at the same
 * time run in the order they were scheduled, so that nothing depends on a tie-break the seed does not make. The
 * network's timers (a SYN sent again, a connect that times out) are kept apart: like the engine's timers, they wait
 * for a run that lets time pass (runFor, runUntil), never for runUntilIdle.
 */
final class SimClock {
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private final PriorityQueue<Scheduled> timers = new PriorityQueue<>();
    private long now;
    private long sequence;

    long now() {
        return now;
    }

    void at(long time, Runnable happening) {
        queue.add(new Scheduled(Math.max(time, now), sequence++, happening));
    }

    /** Schedules a timer of the network: it runs only in a run that lets time pass. */
    void timer(long time, Runnable expiry) {
        timers.add(new Scheduled(Math.max(time, now), sequence++, expiry));
    }

    /** {@return the time of the next network timer, or Long.MAX_VALUE} */
    long nextTimer() {
        return timers.isEmpty() ? Long.MAX_VALUE : timers.peek().time;
    }

    /** Runs the next network timer, moving the clock to its time. */
    void runNextTimer() {
        Scheduled next = timers.poll();
        advanceTo(next.time);
        next.happening.run();
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
