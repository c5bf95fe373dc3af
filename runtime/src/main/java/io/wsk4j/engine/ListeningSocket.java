package io.wsk4j.engine;

import io.wsk4j.NtStatus;
import io.wsk4j.WskEvent;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskOption;
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
 * which completes a pending accept IRP with it or, when none waits, runs the accept event (SPEC K5). While neither
 * wants a connection it takes none: it stops watching the port, and the kernel's backlog holds the peers back. It
 * carries no data, so every data operation is refused with the status of a socket in the LISTENING state.
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
    /** What bind gives listen(): the provider's until LISTEN_BACKLOG says otherwise. */
    private int backlog;
    /** The accept event's table and context; null without a listen dispatch (SPEC K2), and once closed. */
    private ListenBinding<?> binding;
    /** The port, from the socket's making: options set before bind are its own (SPEC K5). */
    private final ListenEndpoint server;
    /** Accept IRPs waiting for a connection, in issue order; they come before the accept event (SPEC K5). */
    private final AcceptQueue accepts = new AcceptQueue();
    /** WskEvent.ACCEPT: on from the making when there is a listen dispatch (SPEC K5, a choice), switched by control. */
    private boolean acceptEvent;
    /** The pause after a failed accept (SPEC X5). */
    private boolean paused;
    /** What the port is watched for now: accept readiness or nothing. */
    private boolean watching;
    /**
     * The last look at the port stopped before it was empty (nobody wanted the connection, or the turn's budget was
     * spent): an accept IRP or an enabled event that arrives now may take one at once instead of waiting for a poll.
     */
    private boolean backlogMayHold;
    /** SPEC K6: the status of a failure that ended the listener for good, or null. */
    private NtStatus failure;
    private long acceptTurn = -1;
    private int acceptsThisTurn;

    ListeningSocket(EngineProvider provider, EventLoop loop, ListenEndpoint server, ListenBinding<?> binding) {
        super(provider, loop);
        this.server = server;
        this.binding = binding;
        this.acceptEvent = binding != null;
        this.backlog = provider.listenBacklog;
    }

    /** The accept IRPs' FIFO, linked through the IRPs. */
    private static final class AcceptQueue extends IrpQueue {}

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
                control(op);
                break;
            case ACCEPT:
                accept(op);
                break;
            case SET_OPTION:
                if (op.option == WskOption.LISTEN_BACKLOG) {
                    setBacklog(op);
                } else {
                    SocketOptions.set(op, server, state != SocketState.UNCONNECTED, provider);
                }
                break;
            case GET_OPTION:
                if (op.option == WskOption.LISTEN_BACKLOG) {
                    op.setResultOption(WskOption.LISTEN_BACKLOG, backlog);
                    op.complete(NtStatus.SUCCESS, 0);
                    break;
                }
                SocketOptions.get(op, server, provider);
                break;
            default:
                throw new IllegalStateException("internal error: " + op.operation + " is not a listening operation");
        }
    }

    /** LISTEN_BACKLOG, the one option kept here rather than in the endpoint: listen() takes it at bind (SPEC K5). */
    private void setBacklog(IrpCore op) {
        if (state != SocketState.UNCONNECTED) {
            op.complete(NtStatus.INVALID_DEVICE_STATE, 0);
            return;
        }
        backlog = (Integer) op.optionArgument; // range and type checked in the dispatch call
        op.complete(NtStatus.SUCCESS, 0);
    }

    private void listen(IrpCore op) {
        try {
            server.listen(op.endpoint, backlog, loop.poller, this);
        } catch (IOException | RuntimeException e) {
            NtStatus status = provider.transport.statusOf(e);
            if (status == NtStatus.UNSUCCESSFUL) {
                provider.errors.report(this + ": unexpected failure, completed as UNSUCCESSFUL", e);
            }
            if (op.operation == Operation.LISTEN) {
                // the one-call form: the application never saw this socket, so it cannot close it
                CloseGate.forceShut(this, "the provider, since listening failed");
                closePort();
            } // a bind leaves the socket the application's, unbound: it may bind again, or close it
            op.complete(status, 0);
            return;
        }
        state = state.to(SocketState.LISTENING);
        watching = true; // the transport watches a new port for connections
        backlogMayHold = true;
        if (op.operation == Operation.LISTEN) {
            op.setResultSocket(this); // the one-call form hands the socket back; a bind makes none
        }
        op.complete(NtStatus.SUCCESS, 0);
    }

    @Override
    int optionKind() {
        return SocketOptions.LISTEN;
    }

    /** WskAccept (SPEC K5): waits in the FIFO for a connection; before bind there is nothing to accept from. */
    private void accept(IrpCore op) {
        if (op.isCancelling()) {
            op.complete(NtStatus.CANCELLED, 0);
            return;
        }
        if (failure != null) {
            op.complete(failure, 0); // SPEC K6
            return;
        }
        if (state != SocketState.LISTENING) {
            op.complete(NtStatus.INVALID_DEVICE_STATE, 0); // not bound yet (a choice)
            return;
        }
        accepts.addLast(op);
        if (backlogMayHold) {
            acceptConnections(); // a connection may wait already: no poll needed to find it
        }
    }

    /** WskEvent.ACCEPT on or off (SPEC K5); the other events belong to other kinds (SPEC K1). */
    private void control(IrpCore op) {
        if (op.event != WskEvent.ACCEPT) {
            op.complete(NtStatus.NOT_SUPPORTED, 0);
            return;
        }
        if (binding == null) {
            op.complete(NtStatus.INVALID_DEVICE_STATE, 0); // no listen dispatch to call
            return;
        }
        acceptEvent = op.enable;
        op.complete(NtStatus.SUCCESS, 0);
        if (acceptEvent && backlogMayHold && state == SocketState.LISTENING) {
            acceptConnections();
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
        boolean closesAtNextPoll = closePort(); // pending accept IRPs complete first (SPEC K5, C2)
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
        CloseGate.forceShut(this, closer);
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
        failAccepts(NtStatus.CANCELLED);
        boolean closesAtNextPoll = server.close();
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

    private void failAccepts(NtStatus status) {
        IrpCore op;
        while ((op = accepts.pollFirst()) != null) {
            op.complete(status, 0);
        }
    }

    @Override
    void sweepCancelled() {
        IrpCore cancelled;
        while ((cancelled = accepts.removeCancelled()) != null) {
            cancelled.complete(NtStatus.CANCELLED, 0);
        }
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

    /** The step's last moment: watch the port only while someone wants a connection (SPEC K5). */
    @Override
    void stepEnded() {
        updateWatching();
    }

    private void updateWatching() {
        if (state != SocketState.LISTENING) {
            return;
        }
        boolean wanted = !paused && failure == null && (acceptEvent || !accepts.isEmpty());
        if (wanted != watching) {
            watching = wanted;
            server.watchAccepts(wanted);
        }
    }

    /** {@return the first accept IRP, claimed; null if none waits} Cancelled ones complete on the way. */
    private IrpCore claimAcceptIrp() {
        IrpCore op;
        while ((op = accepts.peekFirst()) != null) {
            if (op.claim()) {
                return op;
            }
            accepts.pollFirst();
            op.complete(NtStatus.CANCELLED, 0);
        }
        return null;
    }

    /** SPEC E5: at most {@code ACCEPTS_PER_TURN} connections per turn of the loop, however many IRPs ask. */
    private boolean takeAccept() {
        long turn = loop.turn();
        if (turn != acceptTurn) {
            acceptTurn = turn;
            acceptsThisTurn = 0;
        }
        return acceptsThisTurn++ < ACCEPTS_PER_TURN;
    }

    /**
     * Takes what connections are waiting and wanted: each belongs to the next loop in turn, which completes the first
     * pending accept IRP with it or, when none waits, runs the accept event (SPEC K5). Inside a step of this socket.
     */
    private void acceptConnections() {
        // an accept event may close this listener; that close runs after this step, but no event may follow it (C2)
        while (state == SocketState.LISTENING && failure == null && !paused && !CloseGate.isShut(this)
                && !provider.closing()) {
            IrpCore irp = claimAcceptIrp();
            if (irp == null && !acceptEvent) {
                backlogMayHold = true; // nobody wants a connection: the kernel's backlog keeps them (SPEC K5)
                return;
            }
            if (!takeAccept()) {
                if (irp != null) {
                    irp.unclaim();
                }
                backlogMayHold = true;
                return;
            }
            StreamEndpoint accepted;
            try {
                accepted = server.accept();
            } catch (IOException e) {
                if (irp != null) {
                    irp.unclaim();
                }
                acceptFailed(e);
                return;
            }
            if (accepted == null) {
                if (irp != null) {
                    irp.unclaim(); // still first in the FIFO, cancellable again
                }
                backlogMayHold = false;
                return;
            }
            if (irp != null) {
                accepts.pollFirst();
            }
            EventLoop owner = provider.nextLoop();
            admissions.incrementAndGet();
            if (owner == loop) {
                Admission.admit(this, binding, accepted, owner, irp); // the same path as another loop's, without a task
            } else {
                owner.execute(new Admission(this, binding, accepted, owner, irp));
            }
        }
    }

    /**
     * An accept failed: out of descriptors, or anything else the port survives, pauses it (SPEC X5); a port that
     * cannot accept any more ends the listener (SPEC K6): pending accept IRPs complete with the failure's status, and
     * the accept event, if on, is called with a null socket, as WskAcceptEvent is, so that the application closes
     * this socket and may make a new one.
     */
    private void acceptFailed(IOException e) {
        if (!server.failedForGood(e)) {
            pauseAccepting(e);
            return;
        }
        NtStatus status = provider.transport.statusOf(e);
        failure = status;
        provider.errors.report(this + " cannot accept any more (SPEC K6): its accept IRPs complete " + status
                + " and its accept event is told with a null socket; close it and make a new one", e);
        failAccepts(status);
        if (acceptEvent && binding != null) {
            try {
                binding.onAccept(null, null, null);
            } catch (Throwable t) { // Errors too: user code must never end the I/O thread (SPEC B3)
                provider.errors.report("The accept event threw when told that " + this + " failed", t);
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
        paused = true; // the step's end stops watching
        loop.schedule(new AcceptPause(this, loop.nanoTime() + ACCEPT_PAUSE_NANOS));
    }

    /** The pause is over. Loop thread. */
    void resumeAccepting() {
        paused = false;
        updateWatching();
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
        if (!local) {
            return "";
        }
        try {
            SocketAddress address = server.localAddress(); // null (NIO) or a throw (simulation) before bind: ""

            return Addresses.text(address);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

}
