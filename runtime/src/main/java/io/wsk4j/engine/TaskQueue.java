package io.wsk4j.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The multi-producer, single-consumer inbox of an event loop.
 *
 * <p>Producers push onto a lock-free stack; the loop takes the whole stack with one swap and reverses it into FIFO
 * order. Taking everything at once means a task is never popped singly, so the ABA problem of a Treiber stack cannot
 * arise, and no node is allocated because tasks carry their own link.
 */
final class TaskQueue {
    private final AtomicReference<LoopTask> pushed = new AtomicReference<>();
    private LoopTask ready; // consumer-only: FIFO of tasks taken from pushed

    /** Any thread. */
    void offer(LoopTask task) {
        LoopTask top;
        do {
            top = pushed.get();
            task.nextTask = top;
        } while (!pushed.compareAndSet(top, task));
    }

    /** Loop thread only; null when empty. */
    LoopTask poll() {
        if (ready == null) {
            LoopTask stack = pushed.getAndSet(null);
            LoopTask fifo = null;
            while (stack != null) {
                LoopTask next = stack.nextTask;
                stack.nextTask = fifo;
                fifo = stack;
                stack = next;
            }
            ready = fifo;
            if (ready == null) {
                return null;
            }
        }
        LoopTask task = ready;
        ready = task.nextTask;
        task.nextTask = null;
        return task;
    }

    /** Loop thread only. */
    boolean isEmpty() {
        return ready == null && pushed.get() == null;
    }
}
