package io.wsk4j.engine;

import io.wsk4j.NtStatus;
import io.wsk4j.transport.StreamEndpoint;

/** An accepted connection on its way to the loop that will own it, with the accept IRP it completes, if any. */
final class Admission extends LoopTask {
    private final ListeningSocket listener;
    private final ListenBinding<?> binding;
    private final StreamEndpoint accepted;
    private final EventLoop owner;
    private final IrpCore irp;

    Admission(ListeningSocket listener, ListenBinding<?> binding, StreamEndpoint accepted, EventLoop owner) {
        this(listener, binding, accepted, owner, null);
    }

    Admission(ListeningSocket listener, ListenBinding<?> binding, StreamEndpoint accepted, EventLoop owner,
            IrpCore irp) {
        this.listener = listener;
        this.binding = binding;
        this.accepted = accepted;
        this.owner = owner;
        this.irp = irp;
    }

    @Override
    void runOnLoop() {
        admit(listener, binding, accepted, owner, irp);
    }

    static void admit(ListeningSocket listener, ListenBinding<?> binding, StreamEndpoint accepted, EventLoop owner) {
        admit(listener, binding, accepted, owner, null);
    }

    /**
     * The one way an accepted connection becomes a socket, on the loop that owns it: the listener's own loop at once,
     * or another loop through this task. It completes {@code irp}, the accept IRP it was taken for (claimed, so no
     * cancel can race it), or, when null, runs the accept event; unless the listener's close began: the connection
     * is then reset and the IRP completes CANCELLED, before the close IRP, which waits for every admission (SPEC C2,
     * K5).
     */
    static void admit(ListeningSocket listener, ListenBinding<?> binding, StreamEndpoint accepted, EventLoop owner,
            IrpCore irp) {
        ConnectionSocket socket = new ConnectionSocket(listener.provider, owner, accepted, listener);
        listener.provider.register(socket);
        try {
            if (CloseGate.isShut(listener) || listener.provider.closing()) {
                socket.reject(); // no accept event once the listener's close began (SPEC C2)
                if (irp != null) {
                    irp.complete(NtStatus.CANCELLED, 0);
                }
            } else if (irp != null) {
                socket.admit(irp);
            } else {
                socket.admit(binding);
            }
        } finally {
            listener.admissionDone();
        }
    }
}
