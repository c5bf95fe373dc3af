package io.wsk4j.engine;

import io.wsk4j.NtStatus;

/**
 * Watches IRP completions from outside the engine (a simulation's trace): told after the IoStatus block is set and
 * before the routine runs. The public face of one of the engine's observers ({@link EngineObserver}, through
 * {@link CompletionTrace}), for code that may not see the engine's own types.
 */
public interface CompletionObserver {
    /**
     * @param operation the WSK function's name, e.g. {@code WskSend}
     * @param socket the socket's addresses as {@code local -> remote}, or "" for an IRP that made no socket
     */
    void completed(String operation, String socket, NtStatus status, long information);
}
