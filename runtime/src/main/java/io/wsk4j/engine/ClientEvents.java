package io.wsk4j.engine;

import io.wsk4j.DisconnectMode;
import io.wsk4j.WskBuf;
import io.wsk4j.WskEvent;
import io.wsk4j.transport.StreamEndpoint;
import java.io.IOException;

/**
 * A connection's event callbacks (SPEC E1–E4): which are enabled, and the calls into the client dispatch, each
 * guarded so that a callback that throws never stops the I/O thread. Events go to the client until closeSocket
 * begins (SPEC E2, C2).
 */
final class ClientEvents {
    private final EngineSocket socket;
    private ClientBinding<?> binding;
    private boolean receiveOn;
    private boolean disconnectOn;
    /** The receive event took less than offered: it waits until a receive IRP took the kept bytes (SPEC E3). */
    private boolean receiveSuspended;
    /** The disconnect event fired, or can no longer fire (SPEC E2: at most once). */
    private boolean disconnectDone;

    ClientEvents(EngineSocket socket, ClientBinding<?> binding) {
        this.socket = socket;
        this.binding = binding;
    }

    void bind(ClientBinding<?> binding) {
        this.binding = binding;
    }

    /** {@return whether {@code event} is one of a connection socket's callbacks (SPEC K1)} */
    static boolean isConnectionEvent(WskEvent event) {
        return event == WskEvent.RECEIVE || event == WskEvent.DISCONNECT || event == WskEvent.SEND_BACKLOG;
    }

    boolean hasDispatch() {
        return binding != null; // a socket without a client dispatch has no binding (ClientBinding.of)
    }

    /** Enables or disables {@code event}; true if the send-backlog event is due now. */
    boolean enable(WskEvent event, boolean on) {
        switch (event) {
            case RECEIVE:
                receiveOn = on;
                return false;
            case DISCONNECT:
                disconnectOn = on;
                return false;
            case SEND_BACKLOG:
                return on;
            default:
                throw new IllegalStateException("internal error: unknown event " + event);
        }
    }

    private boolean open() {
        return hasDispatch() && !CloseGate.isShut(socket);
    }

    /** Received bytes go to the receive event now. */
    boolean offersReceive() {
        return receiveOn && !receiveSuspended && open();
    }

    /** With no receive IRP waiting, the socket still reads: for the receive event, or to see the peer's FIN. */
    boolean wantsRead() {
        return (receiveOn && !receiveSuspended || disconnectOn && !disconnectDone) && open();
    }

    void suspendReceive() {
        receiveSuspended = true;
    }

    void resumeReceive() {
        receiveSuspended = false;
    }

    /** Calls the receive event with {@code data} ({@code n} bytes); returns how many it took, or -1 if it threw. */
    int offer(WskBuf data, int n) {
        long taken;
        Object outer = started("receive event");
        try {
            taken = binding.onReceive(data);
        } catch (Throwable t) {
            socket.provider.errors.report("The receive event of " + socket + " threw, so the connection is reset"
                    + " (SPEC E6): a connection whose events fail is served by nobody, and its peer must not wait;"
                    + " catch exceptions inside receive events", t);
            return -1;
        } finally {
            ended(outer);
        }
        if (taken < 0 || taken > n) {
            socket.provider.errors.report("Receive event contract broken", new IllegalStateException("The receive"
                    + " event of " + socket + " returned " + taken + " for " + n + " bytes; return how many it took,"
                    + " 0 to " + n));
            taken = taken < 0 ? 0 : n;
        }
        return (int) taken;
    }

    /**
     * SPEC E7: the event read bytes of its data (the view's position moved) but returned fewer: usually
     * {@code return data.length()} measured after reading, which is 0 and declines everything.
     */
    void readMoreThanTaken(int read, int taken) {
        socket.provider.errors.report("Receive event contract broken", new IllegalStateException("The receive event of "
                + socket + " (" + binding.dispatchName() + ") read " + read + " bytes of its data but returned "
                + taken + " (SPEC E7): return how many bytes it took, measured before reading (long n ="
                + " data.length()); the " + (read - taken) + " bytes it did not claim stay for the next receive,"
                + " and without one posted the connection waits"));
    }

    /** No disconnect event for this socket any more: it disconnected itself, or is closing (SPEC E2). */
    void endDisconnectEvent() {
        disconnectDone = true;
    }

    /** Raises the disconnect event if it is enabled and has not fired (SPEC E2). */
    void raiseDisconnect(DisconnectMode how) {
        if (!disconnectOn || disconnectDone || !open()) {
            return;
        }
        disconnectDone = true;
        Object outer = started("disconnect event");
        try {
            binding.onDisconnect(how);
        } catch (Throwable t) {
            socket.provider.errors.report("The disconnect event of " + socket + " threw", t);
        } finally {
            ended(outer);
        }
    }

    /** The transport cannot watch the ideal backlog change, so it reports the send buffer size once. */
    void raiseSendBacklog(StreamEndpoint stream) {
        if (!open()) {
            return;
        }
        Object outer = started("send-backlog event");
        try {
            binding.onSendBacklog(stream.sendBufferSize());
        } catch (IOException e) {
            socket.provider.errors.report("Reading SO_SNDBUF of " + socket + " failed; no send-backlog event", e);
        } catch (Throwable t) {
            socket.provider.errors.report("The send-backlog event of " + socket + " threw", t);
        } finally {
            ended(outer);
        }
    }

    /** SPEC V5: the observer (the verifier's watchdog) times the callback. */
    private Object started(String event) {
        return socket.provider.observer.eventStarts(socket, event);
    }

    private void ended(Object watch) {
        socket.provider.observer.eventEnded(socket, watch);
    }

    /** The socket closed: no event ever again, and the context is let go (SPEC C4). */
    void release() {
        binding = null;
        receiveOn = false;
        disconnectOn = false;
        disconnectDone = true;
    }
}
