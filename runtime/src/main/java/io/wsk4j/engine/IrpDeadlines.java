package io.wsk4j.engine;

import java.util.Arrays;

/**
 * The deadlines of one loop's IRPs (SPEC N2): a binary min-heap whose entries are the IRPs themselves, each knowing its
 * place ({@link IrpCore#deadlineIndex}), so that arming allocates nothing (the array grows once to the most IRPs with a
 * deadline pending at the same time) and a completion takes its IRP out at once, in O(log n): an IRP that completed
 * before its deadline is never in the heap when it is reused, so a deadline can never cancel a later operation.
 *
 * <p>Loop-owned: armed, disarmed and expired on the loop's thread only. A {@link io.wsk4j.transport.Timed} entry could
 * not be the IRP (its deadline is final, and the IRP is already a {@link LoopTask}), and would be dropped only lazily,
 * keeping a completed IRP referenced until its deadline.
 */
final class IrpDeadlines {
    private IrpCore[] heap = new IrpCore[0];
    private int size;

    /** Loop thread: {@code op}'s deadline ({@link IrpCore#deadlineAt}) is watched from now on. */
    void arm(IrpCore op) {
        if (op.deadlineIndex >= 0) {
            return;
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, Math.max(8, size * 2));
        }
        heap[size] = op;
        op.deadlineIndex = size;
        size++;
        siftUp(op.deadlineIndex);
    }

    /** Loop thread: {@code op} completed (or is cancelled by its deadline): it leaves the heap. */
    void disarm(IrpCore op) {
        int i = op.deadlineIndex;
        if (i < 0) {
            return;
        }
        op.deadlineIndex = -1;
        size--;
        IrpCore last = heap[size];
        heap[size] = null;
        if (i == size) {
            return;
        }
        heap[i] = last;
        last.deadlineIndex = i;
        siftDown(i);
        if (heap[i] == last) {
            siftUp(i);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** {@return the earliest deadline, or {@code none} if no IRP has one} */
    long first(long none) {
        return size == 0 ? none : heap[0].deadlineAt;
    }

    /**
     * Loop thread: cancels, as {@link IrpCore#cancel()} does, every IRP whose deadline is not after {@code now}. A cancel
     * that cannot take effect any more (the transport took bytes of a send) leaves the operation to finish.
     */
    void expire(long now) {
        while (size > 0 && heap[0].deadlineAt - now <= 0) {
            IrpCore due = heap[0];
            disarm(due);
            due.cancel();
        }
    }

    /** The loop broke or ended: its deadlines are dropped (the IRPs' completions no longer find them here). */
    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].deadlineIndex = -1;
            heap[i] = null;
        }
        size = 0;
    }

    private void siftUp(int i) {
        IrpCore op = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            IrpCore p = heap[parent];
            if (p.deadlineAt - op.deadlineAt <= 0) {
                break;
            }
            heap[i] = p;
            p.deadlineIndex = i;
            i = parent;
        }
        heap[i] = op;
        op.deadlineIndex = i;
    }

    private void siftDown(int i) {
        IrpCore op = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].deadlineAt - heap[child].deadlineAt < 0) {
                child = right;
            }
            IrpCore c = heap[child];
            if (op.deadlineAt - c.deadlineAt <= 0) {
                break;
            }
            heap[i] = c;
            c.deadlineIndex = i;
            i = child;
        }
        heap[i] = op;
        op.deadlineIndex = i;
    }
}
