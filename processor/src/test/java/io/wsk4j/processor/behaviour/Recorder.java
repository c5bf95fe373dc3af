package io.wsk4j.processor.behaviour;

import io.wsk4j.NtStatus;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What compiled handlers report to the test: one call per handler invocation, waited for with a bound. */
public final class Recorder {
    /**
     * One handler call.
     *
     * @param handler the handler method's name
     * @param status the status it got (null for events that have none)
     * @param context the context object it got
     * @param extra bytes, socket, disconnect mode or data length, whatever the shape adds
     */
    public record Call(String handler, NtStatus status, Object context, Object extra) {}

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

    public void record(String handler, NtStatus status, Object context, Object extra) {
        calls.add(new Call(handler, status, context, extra));
    }

    /** The next call, waiting at most 10 s. */
    public Call next() throws InterruptedException {
        Call call = calls.poll(10, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("no handler was called within 10 s");
        }
        return call;
    }

    /** Calls recorded and not taken yet. */
    public int pending() {
        return calls.size();
    }
}
