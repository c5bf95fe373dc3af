package io.wsk4j.engine;

/**
 * A FIFO of a socket's pending IRPs, linked through the IRPs themselves ({@link IrpCore#nextQueued}): an idle
 * connection's queues cost two references each, and queuing allocates nothing. Loop thread only.
 */
abstract class IrpQueue {
    private IrpCore head;
    private IrpCore tail;

    final void addLast(IrpCore op) {
        op.nextQueued = null;
        if (tail == null) {
            head = op;
        } else {
            tail.nextQueued = op;
        }
        tail = op;
    }

    final boolean isEmpty() {
        return head == null;
    }

    final IrpCore peekFirst() {
        return head;
    }

    final IrpCore pollFirst() {
        IrpCore op = head;
        if (op != null) {
            head = op.nextQueued;
            op.nextQueued = null;
            if (head == null) {
                tail = null;
            }
        }
        return op;
    }

    /** Takes out the first IRP that {@link IrpCore#cancel()} marked, or returns null. */
    final IrpCore removeCancelled() {
        IrpCore before = null;
        for (IrpCore op = head; op != null; before = op, op = op.nextQueued) {
            if (op.isCancelling()) {
                if (before == null) {
                    head = op.nextQueued;
                } else {
                    before.nextQueued = op.nextQueued;
                }
                if (tail == op) {
                    tail = before;
                }
                op.nextQueued = null;
                return op;
            }
        }
        return null;
    }
}
