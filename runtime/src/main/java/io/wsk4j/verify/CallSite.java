package io.wsk4j.verify;

import io.wsk4j.WskVerifierReport;
import java.util.Arrays;

/**
 * A place the verifier remembers (SPEC V): the stack of one call, taken when it happened, turned into frames only if
 * a report needs them (filling a stack is cheap next to turning it into {@link StackTraceElement}s).
 *
 * <p>{@link #cause} links a call made inside a completion routine to the dispatch of the IRP whose routine it is, so
 * that "closed from the completion routine of the very call still on its way out" (the seed's pattern, SPEC C5) can
 * be told from a real race.
 */
public final class CallSite {
    /**
     * Bounds the chain of causes: routines that start the next operation chain them without end (a ping-pong would
     * keep every site it ever made), so a site further than this from its root starts a new chain.
     */
    private static final int MAX_CAUSES = 16;

    public final String label;
    public final Thread thread;
    public final CallSite cause;
    private final int depth;
    private final Throwable stack;

    public CallSite(String label, CallSite cause) {
        this.label = label;
        this.thread = Thread.currentThread();
        boolean tooDeep = cause != null && cause.depth >= MAX_CAUSES;
        this.cause = tooDeep ? null : cause;
        this.depth = this.cause == null ? 0 : this.cause.depth + 1;
        this.stack = new Throwable(label);
    }

    /** Whether this call was made, directly or along its causes, inside the completion of {@code earlier}. */
    public boolean follows(CallSite earlier) {
        CallSite site = this;
        for (; site != null; site = site.cause) { // at most MAX_CAUSES + 1 steps
            if (site == earlier) {
                return true;
            }
        }
        return false;
    }

    public WskVerifierReport.Site toSite() {
        return toSite(label, thread, stack.getStackTrace());
    }

    public WskVerifierReport.Site toSite(String otherLabel) {
        return toSite(otherLabel, thread, stack.getStackTrace());
    }

    /** A site from frames taken elsewhere (a sample of a blocked thread); wsk4j's own top frames are left off. */
    public static WskVerifierReport.Site toSite(String label, Thread thread, StackTraceElement[] frames) {
        int first = 0;
        while (first < frames.length && isWsk4j(frames[first].getClassName())) {
            first++;
        }
        return new WskVerifierReport.Site(label, thread.getName(),
                Arrays.asList(Arrays.copyOfRange(frames, first, frames.length)));
    }

    /** The provider and the API classes whose methods lead into it; an application's classes are never these. */
    private static boolean isWsk4j(String className) {
        return className.startsWith("io.wsk4j.engine.") || className.startsWith("io.wsk4j.transport.")
                || className.startsWith("io.wsk4j.verify.") || className.startsWith("io.wsk4j.jfr.")
                || className.startsWith("io.wsk4j.spi.")
                || className.equals("io.wsk4j.Irp") || className.equals("io.wsk4j.IrpPool")
                || className.startsWith("io.wsk4j.WskProvider") || className.equals("io.wsk4j.WskBuf");
    }
}
