package io.wsk4j.engine;

import io.wsk4j.NtStatus;

/**
 * Watches IRP completions from outside the engine (a simulation's trace): told after the IoStatus block is set and
 * before the routine runs. Null when nobody watches, which costs the completion one null check.
 */
public interface CompletionObserver {
    /**
     * @param operation the WSK function's name, e.g. {@code WskSend}
     * @param socket the socket's addresses as {@code local -> remote}, or "" for an IRP that made no socket
     */
    void completed(String operation, String socket, NtStatus status, long information);
}
