package io.wsk4j.engine;

import io.wsk4j.transport.StreamEndpoint;

/** An accepted connection on its way to the loop that will own it. */
final class Admission extends LoopTask {
    private final ListeningSocket listener;
    private final ListenBinding<?> binding;
    private final StreamEndpoint accepted;
    private final EventLoop owner;

    Admission(ListeningSocket listener, ListenBinding<?> binding, StreamEndpoint accepted, EventLoop owner) {
        this.listener = listener;
        this.binding = binding;
        this.accepted = accepted;
        this.owner = owner;
    }

    @Override
    void runOnLoop() {
        admit(listener, binding, accepted, owner);
    }

    /**
     * The one way an accepted connection becomes a socket, on the loop that owns it: the listener's own loop at once,
     * or another loop through this task. Its accept event runs, unless the listener's close began (SPEC C2).
     */
    static void admit(ListeningSocket listener, ListenBinding<?> binding, StreamEndpoint accepted, EventLoop owner) {
        ConnectionSocket socket = new ConnectionSocket(listener.provider, owner, accepted, listener);
        listener.provider.register(socket);
        try {
            if (listener.gate.isShut() || listener.provider.closing()) {
                socket.reject(); // no accept event once the listener's close began (SPEC C2)
            } else {
                socket.admit(binding);
            }
        } finally {
            listener.admissionDone();
        }
    }
}
