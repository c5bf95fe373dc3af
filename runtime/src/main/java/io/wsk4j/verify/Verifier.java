package io.wsk4j.verify;

import io.wsk4j.WskVerifierException;
import io.wsk4j.WskVerifierListener;
import io.wsk4j.WskVerifierReport;
import io.wsk4j.spi.VerifierSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's verifier (SPEC V): it makes the call sites the traces keep, sends reports to the listener, keeps them
 * for {@code verifierFailsOnReport}, and runs the watchdog of blocked I/O threads. A provider without a verifier has
 * none of this: its engine's observer has no verifier part. Not final only so that a test can make a hook throw.
 */
public class Verifier {
    private final VerifiedProvider provider;
    private final WskVerifierListener listener;
    private final boolean failsOnReport;
    private final BlockingWatchdog watchdog;
    private final List<WskVerifierReport> kept = new ArrayList<>();
    private boolean closed;

    public Verifier(VerifiedProvider provider, VerifierSettings settings, Thread[] loopThreads,
            CallbackClock[] loopClocks) {
        this.provider = provider;
        this.listener = settings.listener();
        this.failsOnReport = settings.failsOnReport();
        this.watchdog = new BlockingWatchdog(this, loopThreads, loopClocks, settings.blockingThreshold().toNanos(),
                provider.id());
    }

    public void start() {
        Verifiers.opened(this);
        watchdog.start();
    }

    /**
     * The provider has closed: no more reports are kept for it (later ones, such as leaks the collector finds, still
     * reach the listener). If it fails on reports, it first runs two collections and reports, here, the IRPs on its
     * account they found leaked (SPEC V1), so that a leak made while the provider was open fails the close.
     *
     * @throws WskVerifierException if it fails on reports and made some
     */
    public void close() {
        watchdog.stop();
        if (failsOnReport) {
            IrpTrace.collectLeaks(this);
        }
        Verifiers.closed(this);
        List<WskVerifierReport> reports;
        synchronized (kept) {
            closed = true;
            reports = List.copyOf(kept);
        }
        if (failsOnReport && !reports.isEmpty()) {
            throw new WskVerifierException(reports);
        }
    }

    /** The provider could not start: this verifier stops and is no longer open, with nothing to report. */
    public void abandon() {
        watchdog.stop();
        Verifiers.closed(this);
    }

    /** The place of a call made now on this thread, linked to the routine running on it if it is an I/O thread. */
    public CallSite site(String label) {
        CallbackClock clock = provider.currentClock();
        return new CallSite(label, clock == null ? null : clock.routineSite());
    }

    /**
     * A verifier hook threw (an OutOfMemoryError while taking a stack, a bug here): SPEC V0 says the verifier changes
     * nothing the program sees, so the hook's caller goes on as without a verifier, and this says so.
     */
    public static void hookFailed(VerifiedProvider provider, String what, Throwable error) {
        provider.reportError("The verifier failed while " + what + "; the call goes on as without the verifier"
                + " (SPEC V0)", error);
    }

    public void report(WskVerifierReport.Kind kind, String message, List<WskVerifierReport.Site> sites) {
        WskVerifierReport report = new WskVerifierReport(kind, message, sites);
        synchronized (kept) {
            if (failsOnReport && !closed) {
                kept.add(report);
            }
        }
        try {
            listener.onReport(report);
        } catch (Throwable t) { // the reporting thread may be an I/O thread or inside closeSocket: it must go on
            provider.reportError("The verifier listener threw on " + kind + "; it must not throw", t);
        }
    }
}
