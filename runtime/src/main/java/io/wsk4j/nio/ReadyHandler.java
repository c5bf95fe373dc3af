package io.wsk4j.nio;

/** What a selection key of a loop is attached to: a socket, or a closed socket's lingering channel. */
interface ReadyHandler {
    /** Loop thread: the selector reported {@code readyOps}. */
    void onReady(int readyOps);
}
