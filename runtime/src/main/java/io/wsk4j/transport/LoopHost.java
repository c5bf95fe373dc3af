package io.wsk4j.transport;

import java.nio.ByteBuffer;

/** What the engine's loop offers the transport's pieces that live on it (a lingering close, an accept pause). */
public interface LoopHost {
    /** {@return the loop's scratch buffer, free to read into and discard while no engine step runs} */
    ByteBuffer scratch();

    /** Loop thread: {@code timed} expires at its deadline. */
    void schedule(Timed timed);

    /** Reports a problem the program cannot see otherwise (the provider's error handler). Any thread. */
    void report(String what, Throwable failure);

    /** A closed connection still hands our bytes on (SPEC C3): the provider's close waits for it, bounded. */
    void lingerStarted();

    /** The connection of {@link #lingerStarted()} is closed for good. */
    void lingerEnded();

    /** One turn of the loop, for a transport that drives its loops itself (a simulation). The loop's thread. */
    void runTurn();

    /** {@return whether the loop has work that needs no clock: queued tasks, teardowns held until the next poll} */
    boolean hasWork();

    /** {@return the earliest deadline of the loop's live timers, or {@code none} if it has none} */
    long nextDeadline(long none);
}
