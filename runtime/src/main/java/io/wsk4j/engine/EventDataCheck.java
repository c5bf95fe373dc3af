package io.wsk4j.engine;

import io.wsk4j.WskVerifierReport;
import io.wsk4j.verify.CallSite;
import io.wsk4j.verify.SocketTrace;
import io.wsk4j.verify.Verifier;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC V6: a receive event's data passed to a dispatch call. The call throws as B4 says; the report adds whether the
 * event had already returned (the data was kept, and since then shows other bytes) and where the socket was made,
 * whose client dispatch got the event.
 */
final class EventDataCheck {
    private EventDataCheck() {}

    static void report(EngineSocket target, EventLoop lender, Verifier verifier) {
        boolean during = lender.inLoop() && lender.readBufferLent();
        SocketTrace trace = target.trace;
        CallSite call = trace == null ? null : trace.currentCall();
        List<WskVerifierReport.Site> sites = new ArrayList<>();
        sites.add((call != null ? call : verifier.site("dispatch called")).toSite());
        if (trace != null) {
            sites.add(trace.madeSite());
        }
        verifier.report(WskVerifierReport.Kind.EVENT_DATA_PASSED_ON, during
                ? "A receive event's data was passed to " + label(call) + " inside the event (SPEC V6, B4): it is"
                        + " the I/O thread's read buffer, valid only while the event runs; copy the bytes you send"
                : "A receive event's data was kept after its callback returned and passed to " + label(call)
                        + " (SPEC V6, B4): by then it is the I/O thread's read buffer for other data; copy the bytes"
                        + " you keep inside the event", sites);
    }

    private static String label(CallSite call) {
        return call == null ? "a dispatch call" : call.label.replace(" called", "");
    }
}
