package io.wsk4j.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * How the server's connections ended, counted by the server's I/O threads. The harness compares these with what the
 * client did (a FIN per graceful connection, a reset per aborted one) and fails the case on any unexpected error.
 * One atomic increment per connection ending, the same for every implementation, is noise next to a connection.
 */
final class ServerTally {
    private final AtomicLong fins = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private final AtomicLong closes = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    /** Null but while the harness waits for the server's last endings; then every event re-checks its condition. */
    private volatile Waiter waiter;

    /** A receive saw the peer's FIN (end-of-stream). */
    void fin() {
        fins.incrementAndGet();
        changed();
    }

    /** A receive saw the peer's reset. */
    void reset() {
        resets.incrementAndGet();
        changed();
    }

    /** The server closed a connection (its close completed, where the API reports that). */
    void closed() {
        closes.incrementAndGet();
        changed();
    }

    /** Anything else that went wrong: it fails the case. */
    void error(String what) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, what);
        changed();
    }

    /** The provider's error channel (wsk4j) and exception handlers report here. */
    void error(String what, Throwable cause) {
        error(what + ": " + cause);
    }

    /**
     * Waits, bounded, until {@code condition} holds: it is checked now and after every event of the server, so no
     * polling is needed. Returns whether it held in time.
     */
    boolean await(BooleanSupplier condition, long timeout, TimeUnit unit) throws InterruptedException {
        Waiter w = new Waiter(condition);
        waiter = w;
        try {
            w.check();
            return w.held.await(timeout, unit);
        } finally {
            waiter = null;
        }
    }

    private void changed() {
        Waiter w = waiter;
        if (w != null) {
            w.check();
        }
    }

    private static final class Waiter {
        final BooleanSupplier condition;
        final CountDownLatch held = new CountDownLatch(1);

        Waiter(BooleanSupplier condition) {
            this.condition = condition;
        }

        void check() {
            if (held.getCount() > 0 && condition.getAsBoolean()) {
                held.countDown();
            }
        }
    }

    long fins() {
        return fins.get();
    }

    long resets() {
        return resets.get();
    }

    long closes() {
        return closes.get();
    }

    long errors() {
        return errors.get();
    }

    /** The first error's description, or null. */
    String firstError() {
        return firstError.get();
    }

    @Override
    public String toString() {
        return "server saw " + fins() + " FIN, " + resets() + " resets, closed " + closes() + ", " + errors()
                + " errors";
    }
}
