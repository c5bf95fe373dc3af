package io.wsk4j.examples.seed;

import io.wsk4j.NtStatus;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnDisconnectComplete;
import java.util.concurrent.BlockingQueue;

/**
 * The same completion in the simple shape: the generated glue allocates (pools), frees and answers
 * MORE_PROCESSING_REQUIRED; the handler keeps only what the application cares about, the status and the socket.
 */
public final class SimpleRoutines {
    private final BlockingQueue<NtStatus> outcomes;

    /** @param outcomes where the demo learns how each disconnect ended */
    public SimpleRoutines(BlockingQueue<NtStatus> outcomes) {
        this.outcomes = outcomes;
    }

    @OnDisconnectComplete
    void disconnected(NtStatus status, WskSocket socket) {
        outcomes.add(status);
    }
}
