package io.wsk4j.engine;

import io.wsk4j.NtStatus;
import io.wsk4j.WskEvent;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskProviderListenDispatch;
import io.wsk4j.transport.ListenEndpoint;
import io.wsk4j.transport.Ready;
import io.wsk4j.transport.StreamEndpoint;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A listening socket (WskSocket with WSK_FLAG_LISTEN_SOCKET): it takes connections and hands each to a loop in turn,
 * which runs its accept event. It carries no data, so every data operation is refused with the status of a socket
 * in the LISTENING state.
 */
final class ListeningSocket extends EngineSocket implements WskListenSocket {
    private static final int ACCEPTS_PER_TURN = 64;
    /** How long a listener waits after a failed accept (out of file descriptors) before it tries again, as Netty. */
    private static final long ACCEPT_PAUSE_NANOS = 1_000_000_000L;

    /** Accepted connections handed to other loops and not yet admitted there. */
    private final AtomicInteger admissions = new AtomicInteger();
    /** The close IRP, completed once the port is closed and no admission is left (SPEC C1, C2). */
    private final AtomicReference<IrpCore> deferredClose = new AtomicReference<>();
    /** The listening descriptor is closed: written by the loop, read by admissions on other loops. */
    private volatile boolean portClosed;

    // ---- loop-owned ----
    private SocketState state = SocketState.UNCONNECTED;
    private ListenBinding<?> binding;
    private ListenEndpoint server;

    ListeningSocket(EngineProvider provider, EventLoop loop, ListenBinding<?> binding) {
        super(provider, loop);
        this.binding = binding;
    }

    @Override
    void run(IrpCore op) {
        if (state == SocketState.CLOSED) {
            op.complete(provider.closing() ? NtStatus.FILE_FORCED_CLOSED : NtStatus.CANCELLED, 0);
            return;
        }
        switch (op.operation) {
            case LISTEN:
                listen(op);
                break;
            case CLOSE:
                close(op);
                break;
            case LOCAL_ADDRESS:
                localAddress(op);
                break;
            case REMOTE_ADDRESS:
                op.complete(NtStatus.INVALID_CONNECTION, 0);
                break;
            case DISCONNECT:
                op.complete(state.refusesDisconnect(op.mode), 0);
                break;
            case SEND:
                op.complete(state.refusesSend(), 0);
                break;
            case RECEIVE:
                op.complete(state.refusesReceive(), 0);
                break;
            case CONNECT:
                op.complete(state.refusesConnect(), 0);
                break;
            case BIND:
                if (state == SocketState.UNCONNECTED) {
                    listen(op); // SPEC K5: a listening socket listens from its bind
                } else {
                    op.complete(state.refusesBind(), 0);
                }
                break;
            case CONTROL:
                op.complete(op.event == WskEvent.ACCEPT ? NtStatus.INVALID_DEVICE_STATE : NtStatus.NOT_SUPPORTED, 0);
                break;
            case ACCEPT:
                op.complete(NtStatus.NOT_SUPPORTED, 0); // accept IRPs arrive with the rest of SPEC K5
                break;
            default:
                throw new IllegalStateException("internal error: " + op.operation + " is not a listening operation");
        }
    }

    private void listen(IrpCore op) {
        try {
            server = provider.transport.openListener();
            server.listen(op.endpoint, provider.listenBacklog, loop.poller, this);
            state = state.to(SocketState.LISTENING);
            if (op.operation == Operation.LISTEN) {
                op.setResultSocket(this); // the one-call form hands the socket back; a bind makes none
            }
            op.complete(NtStatus.SUCCESS, 0);
        } catch (IOException | RuntimeException e) {
            NtStatus status = provider.transport.statusOf(e);
            if (status == NtStatus.UNSUCCESSFUL) {
                provider.errors.report(this + ": unexpected failure, completed as UNSUCCESSFUL", e);
            }
            gate.forceShut("the provider, since listening failed");
            closePort();
            op.complete(status, 0);
        }
    }

    private void localAddress(IrpCore op) {
        try {
            op.setResultAddress(server.localAddress());
            op.complete(NtStatus.SUCCESS, 0);
        } catch (IOException | RuntimeException e) {
            op.complete(NtStatus.INVALID_DEVICE_STATE, 0);
        }
    }

    /**
     * SPEC C1, C2: the close completes once the port is closed and no accept event runs any more. NIO closes a
     * registered channel's descriptor only when the selector drops its key, at the loop's next select, so the step is
     * held until then; accept events may still run on other loops for connections taken before the close.
     */
    private void close(IrpCore op) {
        boolean closesAtNextPoll = closePort();
        deferredClose.set(op);
        if (closesAtNextPoll && !loop.broken()) {
            hold(op); // afterFlush goes on once the descriptor is closed; the close waits in deferredClose meanwhile
            return;
        }
        portClosed();
    }

    @Override
    void afterFlush(Object close) {
        portClosed();
    }

    private void portClosed() {
        portClosed = true;
        if (admissions.get() == 0) {
            completeDeferredClose();
        }
    }

    @Override
    void forceClose(String closer) {
        gate.forceShut(closer);
        if (state != SocketState.CLOSED) {
            closePort();
        }
    }

    /**
     * The one way a listening socket ends, whoever ends it (a failed listen, closeSocket, a forced close): no more
     * accept events, the port closed, the socket out of the provider.
     *
     * @return true if the transport closes the port only at the loop's next poll
     */
    private boolean closePort() {
        state = state.to(SocketState.CLOSED);
        boolean closesAtNextPoll = server != null && server.close();
        binding = null;
        provider.unregister(this);
        return closesAtNextPoll;
    }

    private void completeDeferredClose() {
        IrpCore op = deferredClose.getAndSet(null);
        if (op != null) {
            op.complete(NtStatus.SUCCESS, 0);
        }
    }

    /** An accepted connection handed to another loop has been admitted or rejected there. Any thread. */
    void admissionDone() {
        // with portClosed() this is a handshake of two volatile writes and reads: one of the two sees the other's
        if (admissions.decrementAndGet() == 0 && portClosed) {
            completeDeferredClose();
        }
    }

    @Override
    void sweepCancelled() {
        // no operation of a listening socket waits, so none can be cancelled
    }

    @Override
    public void onReady(int readyOps) {
        if ((readyOps & Ready.ACCEPT) == 0 || !beginStep()) {
            return;
        }
        try {
            acceptConnections();
        } finally {
            endStep();
        }
    }

    /** Takes what connections are waiting; each belongs to the next loop in turn, which runs its accept event. */
    private void acceptConnections() {
        // an accept event may close this listener; that close runs after this step, but no event may follow it (C2)
        for (int i = 0; i < ACCEPTS_PER_TURN && state == SocketState.LISTENING && !gate.isShut() && !provider.closing();
                i++) {
            StreamEndpoint accepted;
            try {
                accepted = server.accept();
            } catch (IOException e) {
                pauseAccepting(e);
                return;
            }
            if (accepted == null) {
                return;
            }
            EventLoop owner = provider.nextLoop();
            admissions.incrementAndGet();
            if (owner == loop) {
                Admission.admit(this, binding, accepted, owner); // the same path as another loop's, without a task
            } else {
                owner.execute(new Admission(this, binding, accepted, owner));
            }
        }
    }

    /**
     * The listener stays ready while the connection waits, so accepting again at once would spin the loop and report
     * the same failure hundreds of thousands of times a second (SPEC X5): stop watching it for a while instead.
     */
    private void pauseAccepting(IOException failure) {
        provider.errors.report("accept() failed on " + this + "; accepting pauses for 1 s, then resumes by itself",
                failure);
        server.watchAccepts(false);
        loop.schedule(new AcceptPause(this, loop.nanoTime() + ACCEPT_PAUSE_NANOS));
    }

    /** The pause is over. Loop thread. */
    void resumeAccepting() {
        if (state == SocketState.LISTENING) {
            server.watchAccepts(true);
        }
    }

    @Override
    public WskProviderListenDispatch dispatch() {
        return provider.listenDispatch;
    }

    @Override
    String kind() {
        return "listening socket";
    }

    @Override
    String addressText(boolean local) {
        ListenEndpoint listening = server; // written on the loop; this may be another thread: at worst ""
        if (!local || listening == null) {
            return "";
        }
        try {
            SocketAddress address = listening.localAddress();
            return Addresses.text(address);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

}
