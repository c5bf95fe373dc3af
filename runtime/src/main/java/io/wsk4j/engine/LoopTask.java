package io.wsk4j.engine;

/**
 * Work for an {@link EventLoop}, linked intrusively into its {@link TaskQueue} so that handing work to a loop
 * allocates nothing. An IRP is its own task: the operation it carries runs when the loop takes it.
 */
abstract class LoopTask {
    LoopTask nextTask;

    LoopTask() {}

    /** Runs on the loop thread. */
    abstract void runOnLoop();
}
