package io.wsk4j.nio;

import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One I/O thread over one {@link Selector}. Every socket belongs to one loop for life and all of its state changes
 * happen here; other threads hand work over through the {@link TaskQueue} and wake the selector.
 */
final class EventLoop implements Runnable {
    private static final int READ_BUFFER_SIZE = 64 * 1024;
    private static final int TASKS_PER_TURN = 4096;
    private static final long SELECT_TIMEOUT_MILLIS = 1000;

    final NioProvider provider;
    final Selector selector;
    final Thread thread;
    private final TaskQueue tasks = new TaskQueue();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    // The consumer forms of select() allocate no set entry per ready key. The keys are only collected during the
    // select and handled after it, because handling may close a socket, which needs a select of its own.
    private final ArrayList<SelectionKey> readyKeys = new ArrayList<>(256);
    private final Consumer<SelectionKey> collectReadyKey = readyKeys::add;
    private final Consumer<SelectionKey> ignoreReadyKey = key -> {};
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    /** Where the loop reads before an IRP is claimed, so that a cancel never loses bytes. */
    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    /** The receive event's view of {@link #readBuffer}. */
    final ByteBuffer eventView = readBuffer.asReadOnlyBuffer();
    final WskBuf eventData = new BufferChain(eventView);

    // The operation whose dispatch call is on this thread's stack right now, so that its completion is known to be
    // synchronous (SPEC I2); nested dispatch calls from completion routines save and restore it.
    private IrpCore synchronousOp;
    private NtStatus synchronousStatus;
    private boolean inReceiveEvent;

    EventLoop(NioProvider provider, int index) throws IOException {
        this.provider = provider;
        this.selector = Selector.open();
        this.thread = new Thread(this, "wsk4j-io-" + provider.id + "-" + index);
        this.thread.setDaemon(true);
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * Runs {@code op} now if the caller is this loop's thread and nothing queued before it is waiting (so order is
     * kept); otherwise queues it. Returns the final status if it completed here, else PENDING.
     */
    NtStatus submit(IrpCore op) {
        if (inLoop() && tasks.isEmpty() && !inReceiveEvent) {
            op.markPendingReturned(); // cleared by complete() if it completes on this stack
            IrpCore outerOp = synchronousOp;
            NtStatus outerStatus = synchronousStatus;
            synchronousOp = op;
            synchronousStatus = NtStatus.PENDING;
            NtStatus result;
            try {
                op.target.execute(op);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                // A throw from a dispatch call means "nothing was queued" (SPEC B1), and this IRP was; so the caller
                // must not see this bug as an exception.
                provider.errors.report("internal error while running " + op + " on " + op.target, t);
            } finally {
                result = synchronousStatus;
                synchronousOp = outerOp;
                synchronousStatus = outerStatus;
            }
            return result;
        }
        op.markPendingReturned();
        execute(op);
        return NtStatus.PENDING;
    }

    /**
     * While a receive event runs, its data is a view of {@link #readBuffer}; dispatch calls it makes are queued rather
     * than run at once, so that no other socket reads into that buffer under it.
     */
    void enterReceiveEvent() {
        inReceiveEvent = true;
    }

    void exitReceiveEvent() {
        inReceiveEvent = false;
    }

    boolean isSynchronous(IrpCore op) {
        return synchronousOp == op && inLoop();
    }

    void recordSynchronousStatus(NtStatus status) {
        synchronousOp = null;
        synchronousStatus = status;
    }

    /** Queues a task and wakes the selector if the loop sleeps. Any thread. */
    void execute(LoopTask task) {
        tasks.offer(task);
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            selector.wakeup();
        }
    }

    /** Asks the loop to complete the cancelled IRPs of {@code socket}. Any thread. */
    void requestSweep(NioSocket socket) {
        if (socket.sweepRequested.compareAndSet(false, true)) {
            execute(socket.sweepTask);
        }
    }

    void start() {
        thread.start();
    }

    /** Ends the loop after the tasks queued so far; waits up to {@code millis}. */
    boolean stop(long millis) throws InterruptedException {
        execute(new LoopTask() {
            @Override
            void runOnLoop() {
                running = false;
            }
        });
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
        if (!stopped.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return false;
        }
        // the thread is done with the selector; wait for it to end too, so "stopped" means no thread is left
        long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        thread.join(Math.max(1, left));
        return !thread.isAlive();
    }

    @Override
    public void run() {
        try {
            while (running) {
                select();
                handleReadyKeys();
                runTasks();
            }
        } finally {
            try {
                selector.close();
            } catch (IOException e) {
                provider.errors.report("Closing the selector of " + thread.getName() + " failed", e);
            }
            stopped.countDown();
        }
    }

    private void select() {
        try {
            sleeping.set(true);
            if (!tasks.isEmpty()) {
                sleeping.set(false);
                selector.selectNow(collectReadyKey);
            } else {
                selector.select(collectReadyKey, SELECT_TIMEOUT_MILLIS);
                sleeping.set(false);
            }
        } catch (IOException e) {
            sleeping.set(false);
            provider.errors.report("select() failed on " + thread.getName() + "; the loop goes on", e);
        }
    }

    private void handleReadyKeys() {
        for (int i = 0; i < readyKeys.size(); i++) {
            SelectionKey key = readyKeys.get(i);
            if (!key.isValid()) {
                continue; // closed by the handling of an earlier key
            }
            NioSocket socket = (NioSocket) key.attachment();
            try {
                socket.onReady(key.readyOps());
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                provider.errors.report("internal error while handling " + socket + "; other sockets go on", t);
            }
        }
        readyKeys.clear();
    }

    private void runTasks() {
        for (int i = 0; i < TASKS_PER_TURN; i++) {
            LoopTask task = tasks.poll();
            if (task == null) {
                return;
            }
            try {
                task.runOnLoop();
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                provider.errors.report("internal error while running " + task + "; other work goes on", t);
            }
        }
    }

    /**
     * Deregisters a key at once, so that a following close acts now rather than at the next select. Readiness this
     * select sees is dropped on purpose: the selector is level-triggered, so the next select reports it again.
     */
    void flushCancelledKey(SelectionKey key) {
        key.cancel();
        try {
            selector.selectNow(ignoreReadyKey);
        } catch (IOException e) {
            provider.errors.report("selectNow() failed while closing a socket", e);
        }
    }

    @Override
    public String toString() {
        return thread.getName();
    }
}
