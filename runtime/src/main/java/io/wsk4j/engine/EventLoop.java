package io.wsk4j.engine;

import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.transport.BrokenPollerException;
import io.wsk4j.transport.LoopHost;
import io.wsk4j.transport.Poller;
import io.wsk4j.transport.Timed;
import io.wsk4j.transport.Transport;
import io.wsk4j.verify.CallbackClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One I/O thread over one {@link Poller}. Every socket belongs to one loop for life and all of its state changes
 * happen here; other threads hand work over through the {@link TaskQueue} and wake the poller.
 *
 * <p>A turn: poll; finish the teardowns that waited for it; handle the ready endpoints; run queued tasks; expire the
 * timers whose time is up. With the NIO transport the poll is also the flush of cancelled keys that makes the JDK
 * really close an aborted channel, so an RST costs no system call a hand-written loop would not make. In a simulation
 * the loop has no thread of its own: the thread that drives the simulation turns it.
 */
final class EventLoop implements Runnable, LoopHost {
    private static final int READ_BUFFER_SIZE = 64 * 1024;
    private static final int TASKS_PER_TURN = 4096;
    private static final long SELECT_TIMEOUT_MILLIS = 1000;

    final EngineProvider provider;
    final Poller poller;
    final Thread thread;
    private final boolean ownThread;
    private final TaskQueue tasks = new TaskQueue();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    /** The selector can no longer run: the loop ended its sockets, and tasks now run on the thread that queues them. */
    private volatile boolean broken;
    private long turn;

    /** Sockets whose teardown waits for the next select to put their RST on the wire. */
    private ArrayList<EngineSocket> awaitingFlush = new ArrayList<>();
    private ArrayList<EngineSocket> flushing = new ArrayList<>();
    /** Lingering closes and accept pauses, earliest deadline first. */
    private final PriorityQueue<Timed> timers = new PriorityQueue<>(Timed.BY_DEADLINE);
    /** The deadlines of IRPs (SPEC N2), the IRPs themselves the entries. */
    final IrpDeadlines deadlines = new IrpDeadlines();

    /** Where the loop reads before an IRP is claimed, so that a cancel never loses bytes. */
    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    /** The receive event's view of {@link #readBuffer}. */
    final ByteBuffer eventView = readBuffer.asReadOnlyBuffer();
    final WskBuf eventData = new BufferChain(eventView);
    /** A receive event holds {@link #readBuffer}: no other socket may read into it until the event returns. */
    private boolean readBufferLent;

    // The operation whose dispatch call is on this thread's stack right now, so that its completion is known to be
    // synchronous (SPEC I2); nested dispatch calls from completion routines save and restore it.
    private IrpCore synchronousOp;
    private NtStatus synchronousStatus;

    /** This thread's counts for WskProvider.stats(); written by this thread only. */
    final LoopCounters counters = new LoopCounters();
    /** When the user code this thread runs began, for the verifier's watchdog (SPEC V5); null without a verifier. */
    final CallbackClock clock;

    EventLoop(EngineProvider provider, int index, boolean verifying, Transport transport) throws IOException {
        this.provider = provider;
        this.clock = verifying ? new CallbackClock() : null;
        this.poller = transport.openPoller(this);
        this.thread = transport.loopThread(this, "wsk4j-io-" + provider.id + "-" + index);
        this.ownThread = transport.ownsLoopThreads();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Whether the loop runs on a thread of its own (NIO), rather than on the thread that drives a simulation. */
    boolean ownsThread() {
        return ownThread;
    }

    /**
     * A driven loop (a simulation) takes calls from its driving thread only: from any other, the run would depend on
     * timing, and nothing would turn the loop to serve the call.
     */
    void checkCaller() {
        if (!ownThread && Thread.currentThread() != thread) {
            throw new IllegalStateException("A simulated provider was called on thread "
                    + Thread.currentThread().getName() + ", but its simulation runs on thread " + thread.getName()
                    + ", which made it: make every call on a simulated provider, its sockets and IRPs from that thread,"
                    + " so that a seed replays the same run");
        }
    }

    /** The number of the turn under way; a socket's budget is per turn (SPEC E5). */
    long turn() {
        return turn;
    }

    /**
     * Hands {@code op} to its socket. On this loop's thread it runs now, unless tasks queued before it wait or a
     * receive event holds the read buffer (it is then queued behind them, so that order is kept), or a step of its
     * socket is under way (it then runs right after that step, SPEC C2, E4). From any other thread it is queued.
     * Returns the final status if it completed here, else PENDING.
     */
    NtStatus submit(IrpCore op) {
        op.markPendingReturned(); // cleared by complete() if it completes on this stack
        if (inLoop() && tasks.isEmpty() && !readBufferLent) {
            EngineSocket target = op.target;
            if (target.inStep()) {
                tookUp(op);
                target.defer(op);
                return NtStatus.PENDING;
            }
            return runSynchronously(op, target);
        }
        execute(op);
        return NtStatus.PENDING;
    }

    private NtStatus runSynchronously(IrpCore op, EngineSocket target) {
        IrpCore outerOp = synchronousOp;
        NtStatus outerStatus = synchronousStatus;
        synchronousOp = op;
        synchronousStatus = NtStatus.PENDING;
        try {
            target.execute(op);
        } catch (Throwable t) {
            // A throw from a dispatch call means "nothing was queued" (SPEC B1), and this IRP was; so the caller must
            // not see this bug as an exception.
            provider.errors.report("internal error while running " + op + " on " + target, t);
        }
        NtStatus result = synchronousStatus;
        synchronousOp = outerOp;
        synchronousStatus = outerStatus;
        return result;
    }

    /** The IRP reached its socket on this loop: the observer (the stats: pending until it completes) is told. */
    void tookUp(IrpCore op) {
        if (op.hasDeadline()) {
            armDeadline(op);
        }
        provider.observer.tookUp(op, this);
    }

    /** SPEC N2: a cancellable operation with a deadline is watched by this loop's timer until it completes. */
    void armDeadline(IrpCore op) {
        if (op.operation.cancellable && op.deadlineLoop == this && inLoop()) {
            deadlines.arm(op);
        }
    }

    /**
     * Whether the loop thread has ended, so that what it wrote (its counters) may be read from another thread directly:
     * a thread's end happens-before another thread's isAlive() seeing it (JLS 17.4.4). Flags such as running or
     * broken order nothing with the writes that follow them, so while the thread lives its state is read in a task.
     */
    boolean ended() {
        return !thread.isAlive();
    }

    /** Whether a receive event holds the read buffer now. Loop thread. */
    boolean readBufferLent() {
        return readBufferLent;
    }

    void lendReadBuffer() {
        readBufferLent = true;
    }

    void returnReadBuffer() {
        readBufferLent = false;
    }

    /**
     * {@code op} completes with {@code status}: if this is the loop's thread and {@code op}'s dispatch call is on its
     * stack ({@link #submit} ran it at once), that call returns {@code status}, and true says so (SPEC I2).
     */
    boolean completedSynchronously(IrpCore op, NtStatus status) {
        if (synchronousOp != op || !inLoop()) { // the field first: it is null on every thread but this loop's
            return false;
        }
        synchronousOp = null;
        synchronousStatus = status;
        return true;
    }

    /** Queues a task and wakes the selector if the loop sleeps. Any thread. */
    void execute(LoopTask task) {
        tasks.offer(task);
        if (broken) {
            drainBroken(); // no loop thread is left to run it
        } else if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            poller.wakeup();
        }
    }

    /** Whether this loop can still take sockets. */
    boolean broken() {
        return broken;
    }

    /** Loop thread: {@code socket}'s held teardown goes on after the next select. */
    void afterFlush(EngineSocket socket) {
        awaitingFlush.add(socket);
    }

    /** Loop thread: {@code timed} expires at its deadline (a lingering close, an accept pause). */
    @Override
    public void schedule(Timed timed) {
        timers.add(timed);
    }

    /** The loop's clock: the transport's, virtual in a simulation. */
    long nanoTime() {
        return poller.nanoTime();
    }

    @Override
    public ByteBuffer scratch() {
        return readBuffer;
    }

    @Override
    public void report(String what, Throwable failure) {
        provider.errors.report(what, failure);
    }

    @Override
    public void lingerStarted() {
        provider.lingerStarted();
    }

    @Override
    public void lingerEnded() {
        provider.lingerEnded();
    }

    void start() {
        if (ownThread) {
            thread.start();
        }
    }

    /** Ends the loop after the tasks queued so far; waits up to {@code millis}. */
    boolean stop(long millis) throws InterruptedException {
        if (!ownThread) {
            stopDriven();
            return true;
        }
        execute(new LoopTask() {
            @Override
            void runOnLoop() {
                running = false;
            }
        });
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        if (!stopped.await(millis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        // the thread is done with the selector; wait for it to end too, so "stopped" means no thread is left
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        thread.join(Math.max(1, left));
        return !thread.isAlive();
    }

    @Override
    public void run() {
        try {
            while (running) {
                if (!turnOnce()) {
                    return;
                }
            }
        } finally {
            shutDown();
        }
    }

    /** One turn; false if the poller broke and the loop is over. Loop thread. */
    private boolean turnOnce() {
        turn++;
        try {
            select();
            finishFlushed();
            poller.dispatchReady();
            runTasks();
            long now = poller.nanoTime();
            expireTimers(now);
            deadlines.expire(now);
        } catch (BrokenPollerException e) {
            breakDown(e);
            return false;
        } catch (Throwable t) {
            // Errors too (an OutOfMemoryError, a StackOverflowError): a loop that ended would leave every IRP
            // it owns pending forever (SPEC I1), so it reports and serves on
            provider.errors.report("internal error on " + thread.getName() + "; the loop goes on", t);
        }
        return true;
    }

    // ---- a loop driven by a simulation, on the simulation's thread ----------------------------------------------

    /** One turn of a driven loop (its poll never waits). */
    @Override
    public void runTurn() {
        if (running && !broken) {
            turnOnce();
        }
    }

    /** Whether a driven loop has work that needs no clock: queued tasks or teardowns held until the next poll. */
    @Override
    public boolean hasWork() {
        return running && !broken && (!tasks.isEmpty() || !awaitingFlush.isEmpty());
    }

    /** The earliest live timer's deadline, or {@code fallback} if none. */
    @Override
    public long nextDeadline(long fallback) {
        Timed first;
        while ((first = timers.peek()) != null && first.done()) {
            timers.poll();
        }
        long earliest = first == null ? fallback : first.deadline;
        if (!deadlines.isEmpty() && (first == null || deadlines.first(0) - first.deadline < 0)) {
            earliest = deadlines.first(0); // SPEC N2: an IRP's deadline
        }
        return earliest;
    }

    private void stopDriven() {
        if (!running) {
            return;
        }
        runTasks();
        running = false;
        shutDown();
    }

    private void select() {
        try {
            if (!tasks.isEmpty() || !awaitingFlush.isEmpty()) {
                poller.poll(0);
                return;
            }
            long timeout = SELECT_TIMEOUT_MILLIS;
            Timed first = timers.peek();
            if (first != null) {
                long untilDeadline = TimeUnit.NANOSECONDS.toMillis(first.deadline - poller.nanoTime()) + 1;
                timeout = Math.max(1, Math.min(timeout, untilDeadline));
            }
            if (!deadlines.isEmpty()) {
                long untilDeadline = TimeUnit.NANOSECONDS.toMillis(deadlines.first(0) - poller.nanoTime()) + 1;
                timeout = Math.max(1, Math.min(timeout, untilDeadline));
            }
            sleeping.set(true);
            if (!tasks.isEmpty()) {
                sleeping.set(false);
                poller.poll(0);
            } else {
                poller.poll(timeout);
                sleeping.set(false);
            }
        } catch (IOException e) {
            sleeping.set(false);
            provider.errors.report("poll failed on " + thread.getName() + "; the loop goes on", e);
        }
    }

    /** The select flushed the cancelled keys, so the aborted channels are closed and their RSTs sent. */
    private void finishFlushed() {
        if (awaitingFlush.isEmpty()) {
            return;
        }
        ArrayList<EngineSocket> due = awaitingFlush;
        awaitingFlush = flushing; // teardowns started by the routines below wait for the next select
        flushing = due;
        for (int i = 0; i < due.size(); i++) {
            EngineSocket socket = due.get(i);
            try {
                socket.resumeAfterFlush();
            } catch (Throwable t) {
                provider.errors.report("internal error while completing the teardown of " + socket, t);
            }
        }
        due.clear();
    }

    private void runTasks() {
        for (int i = 0; i < TASKS_PER_TURN; i++) {
            LoopTask task = tasks.poll();
            if (task == null) {
                return;
            }
            try {
                task.runOnLoop();
            } catch (Throwable t) {
                provider.errors.report("internal error while running " + task + "; other work goes on", t);
            }
        }
    }

    private void expireTimers(long now) {
        Timed first;
        while ((first = timers.peek()) != null && (first.done() || first.deadline - now <= 0)) {
            timers.poll();
            first.expire();
        }
    }

    /**
     * The selector can no longer run, so neither can this loop: every socket it owns ends as closeSocket would end it
     * (SPEC I1, C6), and what is queued later runs on the thread that queues it, where it finds its socket closed.
     */
    private void breakDown(RuntimeException cause) {
        deadlines.clear(); // first: the IRPs below complete, some on other threads, and must find no heap to leave
        provider.errors.report("The poller (selector) of " + thread.getName()
                + " is broken; its sockets are closed and their"
                + " IRPs completed", cause);
        broken = true;
        ArrayList<EngineSocket> held = awaitingFlush; // their channels closed with the selector: the RST has gone
        awaitingFlush = new ArrayList<>();
        for (EngineSocket socket : held) {
            socket.resumeAfterFlush();
        }
        provider.closeSocketsOf(this);
        Timed timed;
        while ((timed = timers.poll()) != null) {
            timed.expire();
        }
        drainBroken();
    }

    /** Runs what is queued, on whichever thread gets here; once broken, nothing else consumes the queue. */
    private synchronized void drainBroken() {
        LoopTask task;
        while ((task = tasks.poll()) != null) {
            try {
                task.runOnLoop();
            } catch (Throwable t) {
                provider.errors.report("internal error while running " + task + " after the selector broke", t);
            }
        }
    }

    /** The loop ends: held teardowns complete, lingering channels close (the kernel goes on delivering). */
    private void shutDown() {
        if (broken) {
            stopped.countDown();
            return;
        }
        try {
            if (!awaitingFlush.isEmpty()) {
                poller.poll(0);
                finishFlushed();
            }
            Timed timed;
            while ((timed = timers.poll()) != null) {
                timed.expire(); // lingering channels close; the kernel goes on delivering what they hold
            }
            deadlines.clear();
            poller.close();
        } catch (IOException | RuntimeException e) {
            provider.errors.report("Closing the poller of " + thread.getName() + " failed", e);
        } finally {
            stopped.countDown();
        }
    }

    @Override
    public String toString() {
        return thread.getName();
    }
}
