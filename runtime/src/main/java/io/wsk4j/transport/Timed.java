package io.wsk4j.transport;

import java.util.Comparator;

/** Something a loop must do at a time of its own: its poll never sleeps past the earliest deadline. */
public abstract class Timed {
    /** Earliest deadline first; deadlines compared as {@link System#nanoTime()} values are, by difference. */
    public static final Comparator<Timed> BY_DEADLINE = (a, b) -> Long.compare(a.deadline - b.deadline, 0);

    /** In the loop's clock ({@link Poller#nanoTime()}). */
    public final long deadline;

    protected Timed(long deadline) {
        this.deadline = deadline;
    }

    /** {@return whether nothing is left to do, so that the loop may drop it before its deadline} */
    public abstract boolean done();

    /** The deadline passed, or the loop is ending. Loop thread. */
    public abstract void expire();
}
