package io.wsk4j.engine;

import io.wsk4j.WskErrorHandler;

/** Reports what has no caller to throw to; a failing handler never takes the I/O thread down. */
final class ErrorChannel {
    private final WskErrorHandler handler;

    ErrorChannel(WskErrorHandler handler) {
        this.handler = handler;
    }

    void report(String message, Throwable error) {
        try {
            handler.onError(message, error);
        } catch (Throwable ignored) {
            // the handler is the last resort; nothing is left to tell
        }
    }

    static void report(ErrorChannel channel, String message, Throwable error) {
        if (channel != null) {
            channel.report(message, error);
        } else {
            System.getLogger("io.wsk4j").log(System.Logger.Level.ERROR, message, error);
        }
    }
}
