package io.wsk4j.verify;

/**
 * When the user code an I/O thread runs now (a completion routine, an event callback) began, for the verifier's
 * watchdog (SPEC V5). Written by the loop thread, read by the watchdog; only the outermost callback is timed, since
 * a routine that runs inside another's dispatch call holds the thread on the outer one's account.
 */
public final class CallbackClock {
    /** System.nanoTime() when the outermost callback began; 0 when none runs. */
    public volatile long startedAt;
    /** Counts callbacks, so that the watchdog reports each blocked one once. */
    public volatile long serial;
    public volatile String what;
    /** Where the IRP was dispatched (a routine) or the socket made (an event); may be null. */
    public volatile CallSite about;

    // loop thread only
    private int depth;
    /** The dispatch site of the IRP whose routine runs now: the cause of the calls it makes (see CallSite). */
    private CallSite routineSite;

    /** Loop thread: a callback begins; returns what {@link #ended} restores. */
    public CallSite started(String callback, CallSite site, boolean isRoutine) {
        CallSite outer = routineSite;
        routineSite = isRoutine ? site : null;
        if (depth++ == 0) {
            what = callback;
            about = site;
            serial = serial + 1;
            startedAt = System.nanoTime() | 1; // never 0 while running
        }
        return outer;
    }

    public void ended(CallSite outer) {
        routineSite = outer;
        if (--depth == 0) {
            startedAt = 0;
        }
    }

    /** Loop thread: the dispatch site of the IRP whose completion routine runs on it now, or null. */
    public CallSite routineSite() {
        return routineSite;
    }
}
