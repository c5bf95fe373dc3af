package io.wsk4j.engine;

import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import java.nio.ByteBuffer;

/**
 * The FIFO of a connection's pending receives, and the bytes it read but nobody took yet (a cancel won the race, or a
 * receive event took less than it was offered): those come first, to the next receive or receive event (SPEC E3).
 */
final class ReceiveQueue extends IrpQueue {
    /** Kept bytes, in read mode; null when none. */
    private ByteBuffer kept;

    void add(IrpCore op) {
        addLast(op);
    }

    IrpCore peek() {
        return peekFirst();
    }

    void poll() {
        pollFirst();
    }

    /** Adds to {@code op} what {@code data} holds, and completes it unless it is a WAITALL with room left (X2). */
    void deliver(IrpCore op, ByteBuffer data) {
        op.transferred += op.buffer.fillFrom(data);
        if (op.receiveFlags != ReceiveFlags.WAITALL || !op.buffer.hasRemaining()) {
            pollFirst();
            op.complete(NtStatus.SUCCESS, op.transferred);
        } else {
            op.unclaim(); // a WAITALL receive waiting for more may be cancelled; it then reports what it got
        }
    }

    /** Delivers kept bytes to the claimed head {@code op}. */
    void deliverKept(IrpCore op) {
        ByteBuffer bytes = kept;
        deliver(op, bytes); // the routine's calls on this socket wait for the step's end, so nothing else touches kept
        if (!bytes.hasRemaining()) {
            kept = null;
        }
    }

    boolean hasKept() {
        return kept != null;
    }

    int keptCount() {
        return kept == null ? 0 : kept.remaining();
    }

    /** Copies up to {@code into.remaining()} kept bytes into {@code into} without taking them. */
    int peekKept(ByteBuffer into) {
        int n = Math.min(into.remaining(), kept.remaining());
        into.put(into.position(), kept, kept.position(), n);
        into.position(into.position() + n);
        return n;
    }

    /** Takes {@code n} kept bytes. */
    void takeKept(int n) {
        kept.position(kept.position() + n);
        if (!kept.hasRemaining()) {
            kept = null;
        }
    }

    /** Keeps {@code data}'s remaining bytes after what is kept already. */
    void keep(ByteBuffer data) {
        if (kept == null) {
            kept = ByteBuffer.allocate(Math.max(data.remaining(), 4096));
            kept.put(data).flip();
            return;
        }
        kept.compact();
        if (kept.remaining() < data.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(kept.position() + data.remaining());
            kept.flip();
            bigger.put(kept);
            kept = bigger;
        }
        kept.put(data).flip();
    }

    void discardKept() {
        kept = null;
    }

    /** Completes every queued receive with {@code status}; bytes already copied are reported (nothing is lost). */
    int failAll(NtStatus status) {
        int failed = 0;
        IrpCore op;
        while ((op = pollFirst()) != null) {
            failed++;
            op.complete(status, op.transferred);
        }
        return failed;
    }
}
