package io.wsk4j.nio;

import io.wsk4j.WskVerifierReport;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;

/**
 * What the verifier knows of one IRP (SPEC V1, V2): where it was allocated and last dispatched, and, for an IRP the
 * application allocated, the check that runs when the collector finds it unreachable. It is the Cleaner's action, so
 * it holds no reference to the IRP (which could then never become unreachable).
 */
final class IrpTrace implements Runnable {
    /** Null for an IRP an IrpPool owns, or one allocated while no verifier was open: no leak is reported for those. */
    private final CallSite allocated;
    private volatile CallSite dispatched;
    private volatile Verifier verifier;
    private volatile boolean freed;
    private Cleaner.Cleanable cleanable;

    private IrpTrace(CallSite allocated, Verifier verifier) {
        this.allocated = allocated;
        this.verifier = verifier;
    }

    /** Watches an IRP the application allocated: a report if it becomes unreachable without free(). */
    static IrpTrace watchAllocation(IrpCore irp, Verifier verifier) {
        IrpTrace trace = new IrpTrace(new CallSite("Irp.allocate() called", null), verifier);
        trace.cleanable = Collector.CLEANER.register(irp, trace);
        return trace;
    }

    /** Only where the IRP is dispatched: it was allocated by a pool, or before any verifier was open. */
    static IrpTrace dispatchOnly(Verifier verifier) {
        return new IrpTrace(null, verifier);
    }

    void dispatched(CallSite site, Verifier by) {
        dispatched = site;
        verifier = by;
    }

    CallSite dispatchSite() {
        return dispatched;
    }

    Verifier verifier() {
        return verifier;
    }

    /** free(): no leak; the cleaner forgets the IRP now rather than when it is collected. */
    void freed() {
        freed = true;
        if (cleanable != null) {
            cleanable.clean(); // runs run() here, which sees freed
        }
    }

    /** The collector found the IRP unreachable (or free() called clean()). */
    @Override
    public void run() {
        if (freed || allocated == null) {
            return;
        }
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

    /** One cleaner thread for every verifier, started when the first IRP is watched. */
    private static final class Collector {
        static final Cleaner CLEANER = Cleaner.create();
    }
}
