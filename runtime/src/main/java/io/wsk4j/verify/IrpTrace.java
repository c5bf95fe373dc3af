package io.wsk4j.verify;

import io.wsk4j.WskVerifierReport;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the verifier knows of one IRP (SPEC V1, V2): where it was allocated and last dispatched, and, for an IRP the
 * application allocated, a phantom reference that tells when the collector found it unreachable. The trace holds no
 * reference to the IRP (which could then never become unreachable).
 */
public final class IrpTrace {
    /** Null for an IRP an IrpPool owns, or one allocated while no verifier was open: no leak is reported for those. */
    private final CallSite allocated;
    private volatile CallSite dispatched;
    private volatile Verifier verifier;
    /** Null unless the IRP is watched for a leak. */
    private Leaks.Watch watch;

    private IrpTrace(CallSite allocated, Verifier verifier) {
        this.allocated = allocated;
        this.verifier = verifier;
    }

    /** Watches an IRP the application allocated: a report if it becomes unreachable without free(). */
    public static IrpTrace watchAllocation(Object irp, Verifier verifier) {
        IrpTrace trace = new IrpTrace(new CallSite("Irp.allocate() called", null), verifier);
        trace.watch = Leaks.watch(irp, trace);
        return trace;
    }

    /** Only where the IRP is dispatched: it was allocated by a pool, or before any verifier was open. */
    public static IrpTrace dispatchOnly(Verifier verifier) {
        return new IrpTrace(null, verifier);
    }

    public void dispatched(CallSite site, Verifier by) {
        dispatched = site;
        verifier = by;
    }

    public CallSite dispatchSite() {
        return dispatched;
    }

    public Verifier verifier() {
        return verifier;
    }

    /** free(): no leak; the IRP is forgotten now rather than when it is collected. */
    public void freed() {
        Leaks.Watch w = watch;
        if (w != null) {
            Leaks.forget(w);
        }
    }

    /** The collector found the IRP unreachable, never freed. */
    private void leaked() {
        List<WskVerifierReport.Site> sites = new ArrayList<>();
        sites.add(allocated.toSite());
        CallSite last = dispatched;
        if (last != null) {
            sites.add(last.toSite("last dispatched: " + last.label));
        }
        verifier.report(WskVerifierReport.Kind.IRP_LEAKED, "An IRP allocated by the application became unreachable"
                + " without free() (SPEC V1, A2): free() it in its completion routine, or reuse() it and keep it for"
                + " the next call", sites);
    }

    /**
     * SPEC V1 for {@code verifierFailsOnReport}: collects (bounded) and reports, on this thread, every watched IRP the
     * collector found unreachable, so that a leak made before {@code WskProvider.close()} fails that close instead of
     * reaching the listener later from another thread. Nothing to do if no IRP is watched on {@code verifier}'s account.
     */
    public static void collectLeaks(Verifier verifier) {
        Leaks.collect(verifier);
    }

    /**
     * The watched IRPs of every verifier. A leak is claimed once, by removing its watch from {@link #WATCHED} under
     * {@link #LOCK}, either by the daemon thread that waits on the queue or by a verifier's close; holding the lock
     * while reporting makes a close that scans wait for a report the daemon thread is making, so none is missed.
     */
    private static final class Leaks {
        private static final int GC_ROUNDS = 2;
        private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
        /** Keeps the watches reachable until their IRP is freed or reported. */
        private static final Set<Watch> WATCHED = ConcurrentHashMap.newKeySet();
        private static final Object LOCK = new Object();

        static {
            Thread thread = new Thread(Leaks::run, "wsk4j-verifier-leaks"); // started by the first watched IRP
            thread.setDaemon(true);
            thread.start();
        }

        /** A watched IRP: the collector clears and enqueues it once the IRP is unreachable. */
        static final class Watch extends PhantomReference<Object> {
            final IrpTrace trace;

            Watch(Object irp, IrpTrace trace) {
                super(irp, QUEUE);
                this.trace = trace;
            }
        }

        static Watch watch(Object irp, IrpTrace trace) {
            Watch watch = new Watch(irp, trace);
            WATCHED.add(watch);
            return watch;
        }

        static void forget(Watch watch) {
            WATCHED.remove(watch); // first: a scan takes a cleared watch for a leak only while it is still watched
            watch.clear();
        }

        private static void run() {
            while (true) {
                try {
                    claim((Watch) QUEUE.remove());
                } catch (InterruptedException e) {
                    // a daemon with nothing else to do: wait on
                } catch (Throwable t) { // a listener that throws is the verifier's to report; this thread goes on
                    System.getLogger("io.wsk4j.verifier").log(System.Logger.Level.ERROR, "Reporting a leaked IRP failed",
                            t);
                }
            }
        }

        private static void claim(Watch watch) {
            synchronized (LOCK) {
                if (WATCHED.remove(watch)) {
                    watch.trace.leaked();
                }
            }
        }

        static void collect(Verifier verifier) {
            if (!watching(verifier)) {
                return;
            }
            for (int round = 0; round < GC_ROUNDS; round++) {
                System.gc(); // a phantom reference is cleared when the collection finds its referent unreachable
                synchronized (LOCK) {
                    for (Watch watch : WATCHED) {
                        if (watch.refersTo(null)) {
                            claim(watch);
                        }
                    }
                }
            }
        }

        private static boolean watching(Verifier verifier) {
            for (Watch watch : WATCHED) {
                if (watch.trace.verifier() == verifier) {
                    return true;
                }
            }
            return false;
        }
    }
}
