package io.wsk4j.engine;

import io.wsk4j.transport.Timed;

/** SPEC V8: the deadline by which a receive IRP should take what a receive event declined (verifier only). */
final class ReceiveStallWatch extends Timed {
    /** How long declined bytes may wait for a receive IRP before the verifier reports the stall. */
    static final long BOUND_NANOS = Long.getLong("wsk4j.verifier.receiveStallMillis", 5_000) * 1_000_000L;

    private final VerifyingObserver verifying;
    private final ConnectionSocket socket;
    private final int serial;

    ReceiveStallWatch(VerifyingObserver verifying, ConnectionSocket socket, int serial, long deadline) {
        super(deadline);
        this.verifying = verifying;
        this.socket = socket;
        this.serial = serial;
    }

    @Override
    public boolean done() {
        return false;
    }

    @Override
    public void expire() {
        if (socket.loop.nanoTime() - deadline < 0) {
            return; // a loop that ends expires every timer early: not a stall
        }
        if (serial != socket.trace.declines()) {
            return; // a later decline has a watch of its own
        }
        long kept = socket.stalledBytes();
        if (kept > 0) {
            verifying.reportStall(socket, kept);
        }
    }
}
