package io.wsk4j.engine;

import io.wsk4j.transport.Timed;

/** A listener that could not accept (out of file descriptors) waits a while before it tries again (SPEC X5). */
final class AcceptPause extends Timed {
    private final ListeningSocket listener;

    AcceptPause(ListeningSocket listener, long deadline) {
        super(deadline);
        this.listener = listener;
    }

    @Override
    public boolean done() {
        return false;
    }

    @Override
    public void expire() {
        listener.resumeAccepting();
    }
}
