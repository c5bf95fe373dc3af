package io.wsk4j.examples.udp;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rundown protection, as Windows drivers guard their calls on a socket against its close
 * ({@code ExAcquireRundownProtection}): a completion routine acquires it before it starts the next operation and
 * releases it after; the thread that closes first {@link #runDown() runs it down}, which refuses every later acquire
 * and waits for the routines inside to leave. After that no call on the socket can race its {@code closeSocket}
 * (SPEC C5, which the verifier reports as V7).
 */
final class Rundown {
    private static final int DOWN = 1 << 30;

    /** Routines inside, plus the DOWN flag. */
    private final AtomicInteger state = new AtomicInteger();

    /** {@return true if the caller may start its call (then it must {@link #release}); false once run down} */
    boolean acquire() {
        while (true) {
            int value = state.get();
            if ((value & DOWN) != 0) {
                return false;
            }
            if (state.compareAndSet(value, value + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (state.decrementAndGet() == DOWN) {
            synchronized (this) {
                notifyAll(); // the last routine left while a closer waits
            }
        }
    }

    /**
     * Refuses every later {@link #acquire} and waits, bounded, for the routines inside to leave.
     *
     * @throws IllegalStateException if a routine is still inside after {@code seconds}: it blocks, which a routine
     *     must never do
     */
    void runDown(long seconds) throws InterruptedException {
        state.getAndAdd(DOWN);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (this) {
            while (state.get() != DOWN) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("a completion routine did not leave within " + seconds + " s");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
