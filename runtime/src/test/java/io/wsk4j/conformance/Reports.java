package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.WskVerifierListener;
import io.wsk4j.WskVerifierReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A verifier listener that keeps every report, so that a test can await one through its {@link Network} (bounded),
 * check its places, and prove that nothing else was reported (SPEC V: each misuse, one report).
 */
final class Reports implements WskVerifierListener {
    private final List<WskVerifierReport> seen = new ArrayList<>();
    private Network network;

    /** The network whose waits {@link #await} uses; set once it is open (it needs this listener to open). */
    void on(Network network) {
        this.network = network;
    }

    @Override
    public synchronized void onReport(WskVerifierReport report) {
        seen.add(report);
        notifyAll();
    }

    /** Waits (bounded) for a report of {@code kind}. */
    WskVerifierReport await(WskVerifierReport.Kind kind) throws InterruptedException {
        network.await(this, () -> find(kind) != null, "a " + kind + " report; seen: " + all());
        return find(kind);
    }

    private synchronized WskVerifierReport find(WskVerifierReport.Kind kind) {
        for (WskVerifierReport report : seen) {
            if (report.kind() == kind) {
                return report;
            }
        }
        return null;
    }

    synchronized List<WskVerifierReport> all() {
        return List.copyOf(seen);
    }

    /** Everything reported so far is exactly {@code kinds}, each once. */
    synchronized void assertExactly(WskVerifierReport.Kind... kinds) {
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

    /** The site's application frame is in {@code test}, in a method named like {@code method}, at {@code line}. */
    static void assertAt(WskVerifierReport.Site site, Class<?> test, String method, int line) {
        StackTraceElement where = site.where();
        assertNotNull(where, "no application frame in " + site);
        assertTrue(where.getClassName().startsWith(test.getName()) && where.getMethodName().contains(method)
                && where.getLineNumber() == line, "expected " + test.getSimpleName() + "." + method + ":" + line
                + ", the site names " + where + " (" + site.label() + ")");
    }
}
