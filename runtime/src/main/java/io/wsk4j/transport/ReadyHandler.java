package io.wsk4j.transport;

/** What an endpoint's readiness is reported to: a socket of the engine, or a transport's own lingering close. */
public interface ReadyHandler {
    /** Loop thread: the endpoint is ready for {@code readyOps} ({@link Ready} bits). */
    void onReady(int readyOps);
}
