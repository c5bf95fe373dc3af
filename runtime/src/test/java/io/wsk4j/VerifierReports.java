package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A verifier listener that keeps every report, so that a test can await one (bounded), check its places, and prove
 * that nothing else was reported (SPEC V: each misuse, one report).
 */
final class VerifierReports implements WskVerifierListener {
    private final LinkedBlockingQueue<WskVerifierReport> arrived = new LinkedBlockingQueue<>();
    private final List<WskVerifierReport> seen = new ArrayList<>();
    /** Counted down by the first report: a callback blocked on purpose waits on it. */
    final CountDownLatch first = new CountDownLatch(1);

    @Override
    public void onReport(WskVerifierReport report) {
        arrived.add(report);
        first.countDown();
    }

    /** What the providers of {@link #provider()} reported to their error handler, kept off the console. */
    final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A provider with the verifier on, one I/O thread, reporting here. */
    WskProvider.Builder provider() {
        return WskProvider.builder().ioThreads(1).closeTimeout(java.time.Duration.ofSeconds(2)).verifier(true)
                .verifierListener(this).verifierBlockingThreshold(java.time.Duration.ofSeconds(30))
                .errorHandler((message, error) -> errors.add(message + ": " + error));
    }

    /** Waits (bounded) for a report of {@code kind}. */
    synchronized WskVerifierReport await(WskVerifierReport.Kind kind) throws InterruptedException {
        WskVerifierReport report = poll(kind, TimeUnit.SECONDS.toMillis(Completions.WAIT_SECONDS));
        assertNotNull(report, "no " + kind + " report within " + Completions.WAIT_SECONDS + " s; seen: " + seen);
        return report;
    }

    /** A report of {@code kind} within {@code millis}, or null. */
    synchronized WskVerifierReport poll(WskVerifierReport.Kind kind, long millis) throws InterruptedException {
        for (WskVerifierReport report : seen) {
            if (report.kind() == kind) {
                return report;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            WskVerifierReport report = arrived.poll(left, TimeUnit.NANOSECONDS);
            if (report == null) {
                return null;
            }
            seen.add(report);
            if (report.kind() == kind) {
                return report;
            }
        }
        return null;
    }

    /** Everything reported so far is exactly {@code kinds}, each once. */
    synchronized void assertExactly(WskVerifierReport.Kind... kinds) {
        arrived.drainTo(seen);
        List<WskVerifierReport.Kind> got = new ArrayList<>();
        for (WskVerifierReport report : seen) {
            got.add(report.kind());
        }
        assertEquals(List.of(kinds), got, "reports: " + seen);
    }

    /** The line this is called from. */
    static int line() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber();
    }

    /** The site's application frame is in {@code test}, in a method whose name contains {@code method}, at {@code line}. */
    static void assertAt(WskVerifierReport.Site site, Class<?> test, String method, int line) {
        StackTraceElement where = site.where();
        assertNotNull(where, "no application frame in " + site);
        assertTrue(where.getClassName().startsWith(test.getName()) && where.getMethodName().contains(method)
                && where.getLineNumber() == line, "expected " + test.getSimpleName() + "." + method + ":" + line
                + ", the site names " + where + " (" + site.label() + ")");
    }
}
