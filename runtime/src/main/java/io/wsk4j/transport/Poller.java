package io.wsk4j.transport;

import java.io.IOException;

/**
 * The readiness source and clock of one loop: NIO's {@code Selector}, or the simulation's scheduler. A turn of the
 * engine's loop is: {@link #poll}, the teardowns that waited for that poll, {@link #dispatchReady()}, tasks, timers.
 */
public interface Poller {
    /**
     * Collects the endpoints that are ready, waiting at most {@code timeoutMillis} for one (0: do not wait).
     *
     * @throws IOException if this poll failed but the poller can go on
     * @throws BrokenPollerException if the poller can never poll again
     */
    void poll(long timeoutMillis) throws IOException;

    /** Reports what {@link #poll} collected to each endpoint's {@link ReadyHandler}, then forgets it. */
    void dispatchReady();

    /** Ends a {@link #poll} that waits. Any thread. */
    void wakeup();

    /** {@return the loop's clock in nanoseconds, as {@link System#nanoTime()} (virtual in a simulation)} */
    long nanoTime();

    /** Closes the poller; its endpoints are then closed. */
    void close() throws IOException;

    /** Breaks the poller as a failing epoll instance would (for the engine's tests of a broken loop). */
    void breakForTest() throws IOException;
}
