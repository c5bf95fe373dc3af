package io.wsk4j.verify;

import io.wsk4j.WskVerifierReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The verifier's thread that looks at each I/O thread a few times per threshold (SPEC V5): a callback still running
 * past the threshold is reported once, with the I/O thread's stack at that moment, which names the line it blocks at.
 * Timing the callback after it returned could not say where it blocked.
 */
public final class BlockingWatchdog implements Runnable {
    private final Verifier verifier;
    private final Thread[] threads;
    private final CallbackClock[] clocks;
    private final long thresholdNanos;
    private final long[] reported;
    private final Thread thread;
    private volatile boolean running = true;

    public BlockingWatchdog(Verifier verifier, Thread[] threads, CallbackClock[] clocks, long thresholdNanos,
            int providerId) {
        this.verifier = verifier;
        this.threads = threads;
        this.clocks = clocks;
        this.thresholdNanos = thresholdNanos;
        this.reported = new long[threads.length];
        this.thread = new Thread(this, "wsk4j-verifier-" + providerId);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void stop() {
        running = false;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(1), thresholdNanos / 4);
        while (running) {
            LockSupport.parkNanos(this, period);
            for (int i = 0; i < threads.length && running; i++) {
                look(i);
            }
        }
    }

    private void look(int index) {
        Thread thread = threads[index];
        CallbackClock clock = clocks[index];
        long started = clock.startedAt;
        long serial = clock.serial;
        if (started == 0 || serial == reported[index]) {
            return;
        }
        long held = System.nanoTime() - started;
        if (held <= thresholdNanos) {
            return;
        }
        String what = clock.what;
        CallSite about = clock.about;
        Thread.State state = thread.getState();
        StackTraceElement[] frames = thread.getStackTrace();
        if (clock.serial != serial || clock.startedAt != started) {
            return; // it returned meanwhile: the sample would show something else
        }
        reported[index] = serial;
        List<WskVerifierReport.Site> sites = new ArrayList<>();
        sites.add(CallSite.toSite("the I/O thread was here after " + TimeUnit.NANOSECONDS.toMillis(held) + " ms ("
                + state + ")", thread, frames));
        if (about != null) {
            sites.add(about.toSite());
        }
        verifier.report(WskVerifierReport.Kind.IO_THREAD_BLOCKED, "The " + what + " held I/O thread "
                + thread.getName() + " for more than " + TimeUnit.NANOSECONDS.toMillis(thresholdNanos)
                + " ms (SPEC V5, E4): every socket of that thread waits meanwhile; do not block in completion"
                + " routines and event callbacks, hand slow work to another thread", sites);
    }
}
