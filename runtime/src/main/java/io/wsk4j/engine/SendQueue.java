package io.wsk4j.engine;

import io.wsk4j.NtStatus;
import io.wsk4j.transport.StreamEndpoint;
import java.io.IOException;

/**
 * The FIFO of a connection's pending sends, in which a graceful disconnect is a marker: it reaches the head only
 * after every send issued before it, so "after every earlier send" (SPEC D3, X1) holds by construction.
 */
final class SendQueue extends IrpQueue {
    /** What {@link #write} stopped at. */
    enum Progress {
        /** Nothing is left to write. */
        EMPTY,
        /** The transport takes no more now; OP_WRITE resumes. */
        FULL,
        /** This turn's writes are spent (SPEC E5); OP_WRITE resumes next turn. */
        BUDGET,
        /** Every byte before a graceful disconnect is out: its FIN is due. */
        FIN_DUE,
        /** A graceful disconnect at the head was cancelled: the socket may send again (SPEC D6, I6). */
        GRACEFUL_CANCELLED
    }

    void add(IrpCore op) {
        addLast(op);
    }

    /** The graceful disconnect at the head, taken out once its FIN went or it was cancelled. */
    IrpCore takeDisconnect() {
        return pollFirst();
    }

    /**
     * Writes queued sends in order and completes each whose last byte went, as many write calls as the budget of
     * {@code socket} still allows in this turn (SPEC E5).
     * Completion routines run from here; their calls on this socket wait for the end of the step.
     *
     * @throws IOException if the connection broke; the send under way stays queued, with what it transferred
     */
    Progress write(StreamEndpoint stream, EngineSocket socket) throws IOException {
        IrpCore op;
        while ((op = peekFirst()) != null) {
            if (op.isCancelling()) {
                if (op.operation == Operation.DISCONNECT) {
                    return Progress.GRACEFUL_CANCELLED; // the socket's state changes with it: the socket completes it
                }
                pollFirst();
                op.complete(NtStatus.CANCELLED, 0);
                continue;
            }
            if (!op.claim()) {
                continue; // a cancel won just now: the next iteration completes it
            }
            BufferChain buffer = op.buffer;
            if (buffer != null && buffer.hasRemaining()) {
                if (!Budget.takeWrite(socket)) {
                    unclaimIfUntouched(op);
                    return Progress.BUDGET;
                }
                op.transferred += buffer.writeTo(stream);
                if (buffer.hasRemaining()) {
                    unclaimIfUntouched(op);
                    return Progress.FULL;
                }
            }
            if (op.operation == Operation.DISCONNECT) {
                return Progress.FIN_DUE;
            }
            pollFirst();
            op.complete(NtStatus.SUCCESS, op.transferred);
        }
        return Progress.EMPTY;
    }

    /** Nothing of it went out yet, so a cancel may still take effect (a partly written send cannot be taken back). */
    private static void unclaimIfUntouched(IrpCore op) {
        if (op.transferred == 0) {
            op.unclaim();
        }
    }

    /** Completes every queued IRP as {@code ending} says, in order; returns how many. */
    int failAll(Ending ending) {
        int failed = 0;
        IrpCore op;
        while ((op = pollFirst()) != null) {
            failed++;
            if (op.operation == Operation.DISCONNECT) {
                op.complete(ending.graceful, 0);
            } else {
                op.complete(ending.sends, ending.reportSent ? op.transferred : 0);
            }
        }
        return failed;
    }
}
