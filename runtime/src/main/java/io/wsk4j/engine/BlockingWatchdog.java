package io.wsk4j.engine;

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
final class BlockingWatchdog implements Runnable {
    private final Verifier verifier;
    private final EventLoop[] loops;
    private final long thresholdNanos;
    private final long[] reported;
    private final Thread thread;
    private volatile boolean running = true;

    BlockingWatchdog(Verifier verifier, EventLoop[] loops, long thresholdNanos, int providerId) {
        this.verifier = verifier;
        this.loops = loops;
        this.thresholdNanos = thresholdNanos;
        this.reported = new long[loops.length];
        this.thread = new Thread(this, "wsk4j-verifier-" + providerId);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(1), thresholdNanos / 4);
        while (running) {
            LockSupport.parkNanos(this, period);
            for (int i = 0; i < loops.length && running; i++) {
                look(i);
            }
        }
    }

    private void look(int index) {
        EventLoop loop = loops[index];
        CallbackClock clock = loop.clock;
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
        Thread.State state = loop.thread.getState();
        StackTraceElement[] frames = loop.thread.getStackTrace();
        if (clock.serial != serial || clock.startedAt != started) {
            return; // it returned meanwhile: the sample would show something else
        }
        reported[index] = serial;
        List<WskVerifierReport.Site> sites = new ArrayList<>();
        sites.add(CallSite.toSite("the I/O thread was here after " + TimeUnit.NANOSECONDS.toMillis(held) + " ms ("
                + state + ")", loop.thread, frames));
        if (about != null) {
            sites.add(about.toSite());
        }
        verifier.report(WskVerifierReport.Kind.IO_THREAD_BLOCKED, "The " + what + " held I/O thread "
                + loop.thread.getName() + " for more than " + TimeUnit.NANOSECONDS.toMillis(thresholdNanos)
                + " ms (SPEC V5, E4): every socket of that thread waits meanwhile; do not block in completion"
                + " routines and event callbacks, hand slow work to another thread", sites);
    }
}
