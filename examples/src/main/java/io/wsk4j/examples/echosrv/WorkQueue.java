package io.wsk4j.examples.echosrv;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * WSKSAMPLE_WORK_QUEUE: operations run one at a time, in the order they were queued, on one worker thread. The sample
 * relies on it for its synchronization: a socket's operations never run at the same time, so its flags need no lock.
 */
final class WorkQueue {
    /** How often an idle worker looks at its stop flag. */
    private static final long IDLE_POLL_MILLIS = 100;

    private final LinkedBlockingQueue<WskSample.SocketOpContext> head = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stop;

    WorkQueue(String name) {
        this.thread = new Thread(this::workerThread, name);
        this.thread.setDaemon(true);
    }

    /** WskSampleStartWorkQueue. */
    void start() {
        thread.start();
    }

    /** WskSampleEnqueueOp's queue half: any thread, completion routines included. */
    void enqueue(WskSample.SocketOpContext opContext) {
        head.add(opContext);
    }

    /**
     * WskSampleStopWorkQueue: the worker finishes what is queued, then ends.
     *
     * @param timeout how long to wait for it
     * @throws IllegalStateException if it did not end in time
     */
    void stop(Duration timeout) throws InterruptedException {
        stop = true;
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new IllegalStateException(thread.getName() + " did not finish its queue within " + timeout);
        }
    }

    /** WskSampleWorkerThread: may exit only once the queue is empty and it was told to stop. */
    private void workerThread() {
        try {
            while (true) {
                WskSample.SocketOpContext opContext = head.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (opContext == null) {
                    if (stop) {
                        return;
                    }
                    continue;
                }
                try {
                    opContext.opHandler.handle(opContext);
                } catch (IllegalStateException closedByProvider) {
                    // WskDeregister closed the socket first (SPEC C5: a call on a closed socket throws); the sample's
                    // unload waits for the peers instead, without a bound
                    System.err.println(thread.getName() + ": " + closedByProvider.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
