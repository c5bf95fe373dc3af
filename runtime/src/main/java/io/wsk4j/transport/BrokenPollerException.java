package io.wsk4j.transport;

/** The poller can never poll again (NIO: the selector was closed under the loop). */
public final class BrokenPollerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokenPollerException(Throwable cause) {
        super("the poller is broken: " + cause, cause);
    }
}
