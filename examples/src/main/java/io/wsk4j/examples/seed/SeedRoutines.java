package io.wsk4j.examples.seed;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnDisconnectComplete;
import java.util.concurrent.BlockingQueue;

/**
 * The seed's {@code DisconnectComplete}, line for line, in the faithful shape: the handler owns the IRP, checks its
 * status, frees it and returns MORE_PROCESSING_REQUIRED. What changed is the context: the seed passes the socket as
 * {@code PVOID Context} and casts it back; here the handler receives it as a {@link WskSocket}.
 */
public final class SeedRoutines {
    private final BlockingQueue<NtStatus> outcomes;

    /** @param outcomes where the demo learns how each disconnect ended */
    public SeedRoutines(BlockingQueue<NtStatus> outcomes) {
        this.outcomes = outcomes;
    }

    // Disconnect IoCompletion routine
    @OnDisconnectComplete
    NtStatus disconnectComplete(Irp irp, WskSocket socket) {
        // Check the result of the disconnect operation
        if (irp.status() == NtStatus.SUCCESS) {
            // The socket is the context, already typed: no cast.
            // Perform the next operation on the socket: here, tell the demo, which waits for the peer's FIN.
            outcomes.add(irp.status());
        } else {
            // Error status: handle the error
            outcomes.add(irp.status());
        }

        // Free the IRP
        irp.free();

        // Always return STATUS_MORE_PROCESSING_REQUIRED to terminate the completion processing of the IRP.
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }
}
