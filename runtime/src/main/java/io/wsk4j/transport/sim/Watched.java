package io.wsk4j.transport.sim;

import io.wsk4j.transport.ReadyHandler;

/** An endpoint a {@link SimPoller} watches: it says what it is ready for, and whom to tell. */
abstract class Watched {
    ReadyHandler handler;
    int interest;
    SimPoller poller;

    /** {@return the readiness ({@code Ready} bits) the endpoint has now, whatever is asked for} */
    abstract int readyOps();

    /** Something changed: the poller looks at it again at its next poll. */
    final void changed() {
        if (poller != null) {
            poller.candidate(this);
        }
    }
}
