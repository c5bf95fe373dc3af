package io.wsk4j.verify;

import io.wsk4j.WskVerifierReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the verifier knows of one socket (SPEC V3, V4, V7): where it was made, which threads are inside its dispatch
 * calls now and from where, and where closeSocket was called.
 */
public final class SocketTrace {
    public final CallSite made;
    public final String madeLabel;
    private final ConcurrentHashMap<Thread, Inside> inside = new ConcurrentHashMap<>();
    private volatile CallSite closedAt;
    /** The calls other threads were inside when closeSocket shut the gate; null if none. The closing thread only. */
    private List<CallSite> racingClose;
    /** Receive-event declines so far (SPEC V8), so that a watch knows whether a later decline made it stale. */
    private int declines;

    public SocketTrace(CallSite made, String madeLabel) {
        this.made = made;
        this.madeLabel = madeLabel;
    }

    public WskVerifierReport.Site madeSite() {
        return made.toSite(madeLabel);
    }

    /** A receive event declined bytes (SPEC V8); the socket's I/O thread only. {@return the decline's number} */
    public int declined() {
        return ++declines;
    }

    /** {@return the number of the last decline; the socket's I/O thread only} */
    public int declines() {
        return declines;
    }

    /** The current thread enters a dispatch call of the socket (nested calls keep the outermost site). */
    public void entering(CallSite site) {
        Inside call = inside.get(Thread.currentThread());
        if (call == null) {
            inside.put(Thread.currentThread(), new Inside(site));
        } else {
            call.depth++;
        }
    }

    public void left() {
        Inside call = inside.get(Thread.currentThread());
        if (call != null && --call.depth == 0) {
            inside.remove(Thread.currentThread());
        }
    }

    /** The site of the dispatch call the current thread is inside, or null. */
    public CallSite currentCall() {
        Inside call = inside.get(Thread.currentThread());
        return call == null ? null : call.site;
    }

    /**
     * closeSocket at {@code closer}: notes where, and the calls other threads are inside now. Each is a race (V4),
     * unless the close comes from the completion of that very call's IRP (the seed's close in the routine, which SPEC
     * C5 makes safe). {@link #reportRacingClose} reports them once the close is handed over: noted at the shut, so the
     * calls are those the gate saw, and reported after it, so a slow listener never delays the close.
     */
    public void closing(CallSite closer) {
        closedAt = closer;
        List<CallSite> racing = null;
        for (Inside call : inside.values()) {
            CallSite other = call.site;
            if (other.thread == closer.thread || closer.follows(other)) {
                continue;
            }
            if (racing == null) {
                racing = new ArrayList<>(2);
            }
            racing.add(other);
        }
        racingClose = racing;
    }

    /** SPEC V0, V4: one report for the close {@link #closing} noted, naming every other thread inside a call. */
    public void reportRacingClose(Verifier verifier) {
        List<CallSite> racing = racingClose;
        CallSite closer = closedAt;
        racingClose = null;
        if (racing == null || closer == null) {
            return;
        }
        List<WskVerifierReport.Site> sites = new ArrayList<>(racing.size() + 1);
        sites.add(closer.toSite());
        StringBuilder calls = new StringBuilder();
        for (CallSite other : racing) {
            sites.add(other.toSite("another thread was inside: " + other.label));
            calls.append(calls.length() == 0 ? "" : ", ").append(other.label.replace(" called", ""))
                    .append(" (").append(other.thread.getName()).append(')');
        }
        boolean one = racing.size() == 1;
        verifier.report(WskVerifierReport.Kind.CLOSE_DURING_CALL, "closeSocket was called while " + (one
                ? "another thread was" : racing.size() + " other threads were") + " inside " + calls + " on the same"
                + " socket (SPEC V4, C5): the close waits for " + (one ? "that call" : "those calls") + " to leave, but"
                + " had " + (one ? "the call" : "one") + " come a moment later it would have thrown \"socket closed\";"
                + " order the close after the other threads' calls", sites);
    }

    /** A call that threw "socket closed": on another thread than the close, it lost a race with it (V7). */
    public void lateCall(CallSite late, Verifier verifier) {
        CallSite closer = closedAt;
        if (closer == null || closer.thread == late.thread) {
            return; // closed by the provider, or a plain call after close on the same thread: the exception says it
        }
        List<WskVerifierReport.Site> sites = new ArrayList<>();
        sites.add(late.toSite());
        sites.add(closer.toSite("the socket was closed by: " + closer.label));
        verifier.report(WskVerifierReport.Kind.CALL_AFTER_CLOSE, late.label.replace(" called", "") + " was called"
                + " on a socket that another thread had closed, and threw \"socket closed\" (SPEC V7, C5): the two"
                + " threads race; stop issuing calls before closeSocket, e.g. from the close's completion", sites);
    }

    /** One thread's calls into the socket; touched by that thread only. */
    private static final class Inside {
        final CallSite site;
        int depth = 1;

        Inside(CallSite site) {
            this.site = site;
        }
    }
}
