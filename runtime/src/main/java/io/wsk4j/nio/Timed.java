package io.wsk4j.nio;

import java.util.Comparator;

/** Something a loop must do at a time of its own: its select never sleeps past the earliest deadline. */
abstract class Timed {
    static final Comparator<Timed> BY_DEADLINE = (a, b) -> Long.compare(a.deadline - b.deadline, 0);

    /** In {@link System#nanoTime()} terms. */
    final long deadline;

    Timed(long deadline) {
        this.deadline = deadline;
    }

    /** Nothing is left to do: the loop may drop it before its deadline. */
    abstract boolean done();

    /** The deadline passed, or the loop is ending. Loop thread. */
    abstract void expire();
}
