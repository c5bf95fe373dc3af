package io.wsk4j.engine;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;
import io.wsk4j.WskProviderConnectionDispatch;
import io.wsk4j.WskSocket;
import io.wsk4j.SendFlags;
import io.wsk4j.WskAccept;
import io.wsk4j.WskEvent;
import io.wsk4j.transport.CloseKind;
import io.wsk4j.transport.Ready;
import io.wsk4j.transport.StreamEndpoint;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * A connection-oriented socket: made by WskSocket or WskSocketConnect, or accepted by a listening socket. Every field
 * is read and written on {@link #loop}'s thread only; dispatch calls reach it by running an IRP there.
 *
 * <p>Its pending work sits in a {@link SendQueue} and a {@link ReceiveQueue}; its callbacks in {@link ClientEvents};
 * every ending (abort, peer reset, close, reject, a failed connect: each an {@link Ending}) goes through {@link
 * #teardown(Ending, IrpCore, NtStatus)}.
 */
final class ConnectionSocket extends EngineSocket implements WskSocket {
    private final SendQueue sends = new SendQueue();
    private final ReceiveQueue receives = new ReceiveQueue();
    private final ClientEvents events;

    private SocketState state;
    private final StreamEndpoint stream;
    private IrpCore connectOp;
    /**
     * No read readiness came since the last read took less than it asked for, or since the socket connected: a read
     * now would spend a system call to learn "nothing yet". Readiness is level-triggered, so data that arrives is
     * reported by the next select.
     */
    private boolean drained = true;
    /**
     * The last read stopped because the receive's buffer was full, not because the transport had no more. A receive
     * already queued behind it reads on at once (more is likely); one posted later, typically from the routine of the
     * one that filled (a request/response exchange's next receive), waits for readiness instead: its reply is not
     * sent yet, and a read now would find nothing, a system call a hand-written loop does not make.
     */
    private boolean filledReceive;
    /**
     * The connection's addresses, kept from when it was made, so that messages and events name it after its
     * transport forgot them (a closed channel answers nothing).
     */
    private SocketAddress localAddress;
    private SocketAddress remoteAddress;
    /**
     * SO_LINGER is zero (SPEC K3, K4): a close resets even where C3 would hand the bytes on. The engine keeps it
     * rather than the channel: the transport's own close paths set and rely on SO_LINGER themselves.
     */
    private boolean lingerZero;

    /** An unconnected socket (WskSocket, WskSocketConnect). */
    ConnectionSocket(EngineProvider provider, EventLoop loop, StreamEndpoint stream, ClientBinding<?> binding) {
        super(provider, loop);
        this.stream = stream;
        this.events = new ClientEvents(this, binding);
        this.state = SocketState.UNCONNECTED;
    }

    /** An accepted socket, already connected; its accept event binds its client dispatch. */
    ConnectionSocket(EngineProvider provider, EventLoop loop, StreamEndpoint accepted, ListeningSocket listener) {
        super(provider, loop, listener);
        this.stream = accepted;
        this.events = new ClientEvents(this, null);
        this.state = SocketState.OPEN;
    }

    // ---- operations, inside a step ------------------------------------------------------------------------

    @Override
    void run(IrpCore op) {
        if (state == SocketState.CLOSED) {
            // a call deferred by the step that ended the socket (a rejecting accept event) is flushed as a close
            // flushes; only WskProvider.close() may close a socket under a call racing it
            op.complete(provider.closing() ? NtStatus.FILE_FORCED_CLOSED : NtStatus.CANCELLED, 0);
            return;
        }
        if (op.isCancelling()) {
            if (op.operation == Operation.SOCKET_CONNECT) {
                connectFailed(op, NtStatus.CANCELLED);
            } else {
                op.complete(NtStatus.CANCELLED, 0);
            }
            return;
        }
        switch (op.operation) {
            case SOCKET_CONNECT:
            case CONNECT:
                connect(op);
                break;
            case BIND:
                bind(op);
                break;
            case SEND:
                send(op);
                break;
            case RECEIVE:
                receive(op);
                break;
            case DISCONNECT:
                disconnect(op);
                break;
            case CLOSE:
                teardown(Ending.CLOSE, op, NtStatus.SUCCESS);
                break;
            case CONTROL:
                control(op);
                break;
            case LOCAL_ADDRESS:
            case REMOTE_ADDRESS:
                address(op);
                break;
            case SET_OPTION:
                setOption(op);
                break;
            case GET_OPTION:
                getOption(op);
                break;
            default:
                throw new IllegalStateException("internal error: " + op.operation + " is not a connection operation");
        }
    }

    private void connect(IrpCore op) {
        NtStatus refusal = state.refusesConnect();
        if (refusal != null) {
            op.complete(refusal, 0);
            return;
        }
        try {
            stream.register(loop.poller, this);
            if (stream.connect(op.endpoint)) {
                connected(op);
            } else {
                state = state.to(SocketState.CONNECTING);
                connectOp = op;
            }
        } catch (IOException | RuntimeException e) {
            connectFailed(op, statusOf(e));
        }
    }

    private void finishConnect() {
        IrpCore op = connectOp;
        if (op == null) {
            return;
        }
        try {
            if (stream.finishConnect()) {
                connectOp = null;
                connected(op);
            }
        } catch (IOException | RuntimeException e) {
            connectOp = null;
            connectFailed(op, statusOf(e));
        }
    }

    private void connected(IrpCore op) {
        if (!op.claim()) {
            connectFailed(op, NtStatus.CANCELLED);
            return;
        }
        state = state.to(SocketState.OPEN);
        rememberAddresses();
        if (op.operation == Operation.SOCKET_CONNECT) {
            op.setResultSocket(this);
        }
        op.complete(NtStatus.SUCCESS, 0);
    }

    /** The connect {@code op} ends with {@code status}, and the socket through the one teardown. */
    private void connectFailed(IrpCore op, NtStatus status) {
        connectOp = null; // the teardown completes op as its cause, not as a pending connect
        if (op.operation == Operation.SOCKET_CONNECT) {
            // the application never saw this socket, so it cannot close it: it closes here
            CloseGate.forceShut(this, "the provider, since its connect failed");
            teardown(Ending.SOCKET_CONNECT_FAILED, op, status);
        } else {
            teardown(Ending.CONNECT_FAILED, op, status);
        }
    }

    private void bind(IrpCore op) {
        NtStatus refusal = state.refusesBind();
        if (refusal != null) {
            op.complete(refusal, 0);
            return;
        }
        try {
            stream.bind(op.endpoint);
            op.complete(NtStatus.SUCCESS, 0);
        } catch (IOException | RuntimeException e) {
            op.complete(statusOf(e), 0);
        }
    }

    private void send(IrpCore op) {
        NtStatus refusal = state.refusesSend();
        if (refusal != null) {
            op.complete(refusal, 0);
            return;
        }
        if (op.sendFlags == SendFlags.NODELAY) {
            try { // the transport makes the system call only the first time
                stream.setNoDelay(true);
            } catch (IOException e) {
                provider.errors.report("Setting TCP_NODELAY on " + this + " failed; the send goes on without it", e);
            }
        }
        sends.add(op);
        pump();
    }

    private void receive(IrpCore op) {
        NtStatus refusal = state.refusesReceive();
        if (refusal != null) {
            op.complete(refusal, 0);
            return;
        }
        if (filledReceive) {
            filledReceive = false;
            drained = true; // readiness is level-triggered: bytes already there are reported by the next poll
        }
        receives.add(op);
        pump();
    }

    private void disconnect(IrpCore op) {
        NtStatus refusal = state.refusesDisconnect(op.mode);
        if (refusal != null) {
            op.complete(refusal, 0);
            return;
        }
        if (op.mode == DisconnectMode.ABORTIVE) {
            if (!op.claim()) {
                op.complete(NtStatus.CANCELLED, 0); // cancelled before it reached the loop: nothing happened
                return;
            }
            teardown(Ending.ABORT, op, NtStatus.SUCCESS);
            return;
        }
        state = state.gracefulQueued();
        sends.add(op); // the marker: it reaches the head only after every earlier send (SPEC D3)
        pump();
    }

    @Override
    public WskProviderConnectionDispatch dispatch() {
        return provider.dispatch;
    }

    private void control(IrpCore op) {
        if (!ClientEvents.isConnectionEvent(op.event)) {
            op.complete(NtStatus.NOT_SUPPORTED, 0); // SPEC K1: an event of another socket kind
            return;
        }
        if (!events.hasDispatch()) {
            op.complete(NtStatus.INVALID_DEVICE_STATE, 0); // no client dispatch to call
            return;
        }
        NtStatus refusal = state.refusesControl();
        if (refusal != null) {
            op.complete(refusal, 0);
            return;
        }
        boolean backlogDue = events.enable(op.event, op.enable);
        op.complete(NtStatus.SUCCESS, 0);
        if (backlogDue && state.connected()) {
            events.raiseSendBacklog(stream);
        }
        pump();
    }

    @Override
    int optionKind() {
        return SocketOptions.CONNECTION;
    }

    /** SPEC K3, K4: SO_LINGER is the engine's; the others are the transport's, through {@link SocketOptions}. */
    private void setOption(IrpCore op) {
        NtStatus refusal = state.refusesOption();
        if (refusal != null) {
            op.complete(refusal, 0);
            return;
        }
        if (op.option == io.wsk4j.WskOption.SO_LINGER) {
            lingerZero = true; // zero, the one value SocketOptions lets through
            op.complete(NtStatus.SUCCESS, 0);
            return;
        }
        SocketOptions.set(op, stream, bound(), provider);
    }

    private void getOption(IrpCore op) {
        NtStatus refusal = state.refusesOption();
        if (refusal != null) {
            op.complete(refusal, 0);
            return;
        }
        if (op.option == io.wsk4j.WskOption.SO_LINGER) {
            op.setResultOption(io.wsk4j.WskOption.SO_LINGER, lingerZero ? java.time.Duration.ZERO : null);
            op.complete(NtStatus.SUCCESS, 0);
            return;
        }
        SocketOptions.get(op, stream, provider);
    }

    /** Bound by bind, connect or accept: a bind-time option comes too late (SPEC K4). */
    private boolean bound() {
        if (state != SocketState.UNCONNECTED) {
            return true;
        }
        try {
            return stream.localAddress() != null;
        } catch (IOException e) {
            return true;
        }
    }

    private void address(IrpCore op) {
        try {
            SocketAddress address = op.operation == Operation.LOCAL_ADDRESS
                    ? stream.localAddress() : stream.remoteAddress();
            if (address == null) {
                op.complete(op.operation == Operation.LOCAL_ADDRESS
                        ? NtStatus.INVALID_DEVICE_STATE : NtStatus.INVALID_CONNECTION, 0);
                return;
            }
            op.setResultAddress(address);
            op.complete(NtStatus.SUCCESS, 0);
        } catch (IOException | RuntimeException e) {
            op.complete(state.wasConnected() ? NtStatus.INVALID_DEVICE_STATE : NtStatus.INVALID_CONNECTION, 0);
        }
    }

    @Override
    void sweepCancelled() {
        if (state == SocketState.CLOSED) {
            return; // close completed everything
        }
        IrpCore connecting = connectOp;
        if (connecting != null && connecting.isCancelling()) {
            connectOp = null;
            connectFailed(connecting, NtStatus.CANCELLED);
            return;
        }
        IrpCore cancelled;
        while ((cancelled = sends.removeCancelled()) != null) {
            if (cancelled.operation == Operation.DISCONNECT) {
                state = state.gracefulCancelled(); // the queue stays as it was (SPEC D6, I6)
            }
            cancelled.complete(NtStatus.CANCELLED, 0);
        }
        while ((cancelled = receives.removeCancelled()) != null) {
            cancelled.complete(NtStatus.CANCELLED, 0);
        }
        pump();
    }

    // ---- I/O, inside a step ---------------------------------------------------------------------------------

    @Override
    public void onReady(int readyOps) {
        if (!beginStep()) {
            return;
        }
        try {
            if ((readyOps & Ready.CONNECT) != 0) {
                finishConnect();
            }
            if ((readyOps & Ready.READ) != 0) {
                drained = false;
                filledReceive = false; // the transport says there is something: a new receive may read at once
            }
            if ((readyOps & (Ready.READ | Ready.WRITE)) != 0) {
                pump();
            }
        } finally {
            endStep();
        }
    }

    /** Moves both queues as far as the transport and this turn's budget let them, then the events. */
    private void pump() {
        if (state.connected()) {
            writeSends();
        }
        if (state.connected()) {
            readReceives();
        }
        if (state.peerShutdown() && !receives.hasKept()) {
            events.raiseDisconnect(DisconnectMode.GRACEFUL); // SPEC E2: after every byte before the FIN
        }
    }

    private void writeSends() {
        SendQueue.Progress progress;
        try {
            progress = sends.write(stream, this);
        } catch (IOException e) {
            teardown(Ending.PEER_RESET);
            return;
        }
        while (progress == SendQueue.Progress.GRACEFUL_CANCELLED) {
            state = state.gracefulCancelled(); // the queue stays as it was (SPEC D6, I6)
            sends.takeDisconnect().complete(NtStatus.CANCELLED, 0);
            if (!state.connected()) {
                return; // the routine's calls wait for the end of the step, so this cannot happen; but never write then
            }
            try {
                progress = sends.write(stream, this);
            } catch (IOException e) {
                teardown(Ending.PEER_RESET);
                return;
            }
        }
        if (progress == SendQueue.Progress.FIN_DUE && state.connected()) {
            try {
                stream.shutdownOutput();
            } catch (IOException e) {
                teardown(Ending.PEER_RESET);
                return;
            }
            state = state.finSent();
            sends.takeDisconnect().complete(NtStatus.SUCCESS, 0); // SPEC D4: information 0, final buffer or not
        }
    }

    private void readReceives() {
        while (state.connected()) {
            IrpCore op = receives.peek();
            if (op == null) {
                readForEvents();
                return;
            }
            if (op.isCancelling()) {
                receives.poll();
                op.complete(NtStatus.CANCELLED, 0);
                continue;
            }
            if (receives.hasKept()) {
                if (op.claim()) {
                    receives.deliverKept(op);
                    if (!receives.hasKept()) {
                        events.resumeReceive();
                    }
                }
                continue;
            }
            if (state.peerShutdown()) {
                receives.poll();
                op.complete(NtStatus.SUCCESS, op.transferred); // SPEC X2: 0 bytes at FIN, or what WAITALL had
                continue;
            }
            ByteBuffer data = loop.readBuffer;
            data.clear();
            data.limit((int) Math.min(data.capacity(), op.buffer.remaining()));
            int n = read(data);
            if (n <= 0) {
                if (n < 0 && state.connected()) {
                    state = state.peerFinRead();
                    continue;
                }
                return; // nothing yet, the budget is spent, or the connection broke
            }
            data.flip();
            if (op.claim()) {
                receives.deliver(op, data);
            } else {
                receives.keep(data); // the cancel won: the bytes wait for the next receive
            }
        }
    }

    /**
     * No receive IRP waits: offer kept or new data to the receive event, or read only to see the peer's FIN for the
     * disconnect event.
     */
    private void readForEvents() {
        while (receives.isEmpty() && state.connected() && !state.peerShutdown()) {
            if (receives.hasKept()) {
                if (!events.offersReceive() || !offerKept()) {
                    return; // kept bytes wait for a receive IRP
                }
                continue;
            }
            if (!events.wantsRead()) {
                return;
            }
            ByteBuffer data = loop.readBuffer;
            data.clear();
            int n = read(data);
            if (n < 0) {
                state = state.peerFinRead();
                return;
            }
            if (n == 0) {
                return;
            }
            data.flip();
            if (!events.offersReceive()) {
                receives.keep(data); // read only to see a FIN; the bytes wait for a receive or the receive event
                return;
            }
            int taken = offerToReceiveEvent(n);
            if (taken < 0) {
                teardown(Ending.EVENT_FAILED); // SPEC E6: the bytes go with the connection
                return;
            }
            data.position(taken);
            if (data.hasRemaining()) {
                receives.keep(data);
                events.suspendReceive(); // until a receive IRP takes what is left (SPEC E3)
                watchForStall();
                return;
            }
        }
    }

    /** SPEC V8: the observer (the verifier) may watch whether a receive IRP comes for the declined bytes. */
    private void watchForStall() {
        provider.observer.receiveDeclined(this);
    }

    /** A stall watch is due: the bytes a receive event declined that no receive IRP took, or 0. Loop thread. */
    long stalledBytes() {
        if (!state.connected() || !receives.isEmpty() || !receives.hasKept()) {
            return 0;
        }
        return receives.keptCount();
    }

    /** Offers kept bytes to the receive event; false if it took less than all it was offered. */
    private boolean offerKept() {
        ByteBuffer data = loop.readBuffer;
        data.clear();
        int n = receives.peekKept(data);
        int taken = offerToReceiveEvent(n);
        if (taken < 0) {
            teardown(Ending.EVENT_FAILED); // SPEC E6
            return false;
        }
        receives.takeKept(taken);
        if (taken < n) {
            events.suspendReceive();
            watchForStall();
            return false;
        }
        return true;
    }

    /**
     * Calls the receive event with the first {@code n} bytes of the loop's read buffer.
     *
     * @return how many it took, or -1 if it threw (SPEC E6)
     */
    private int offerToReceiveEvent(int n) {
        ByteBuffer view = loop.eventView;
        view.clear();
        view.limit(n);
        loop.lendReadBuffer();
        try {
            int taken = events.offer(loop.eventData, n);
            if (taken >= 0 && view.position() > taken) {
                events.readMoreThanTaken(view.position(), taken); // SPEC E7
            }
            return taken;
        } finally {
            loop.returnReadBuffer();
            provider.observer.eventDataReturned(view);
        }
    }

    /**
     * One read, if this turn's budget allows and readiness says there may be something (see {@link #drained}).
     *
     * @return the bytes read; 0 if none now, known none, or the budget is spent; -1 at the peer's FIN or when the
     *     connection broke (then it is torn down)
     */
    private int read(ByteBuffer data) {
        if (drained || !Budget.takeRead(this)) {
            return 0;
        }
        int wanted = data.remaining();
        int n;
        try {
            n = stream.read(data);
        } catch (IOException e) {
            teardown(Ending.PEER_RESET);
            return -1;
        }
        drained = n >= 0 && n < wanted;
        filledReceive = n == wanted && wanted < data.capacity();
        return n;
    }

    // ---- accepted sockets -----------------------------------------------------------------------------------

    /** Runs the accept event for this newly accepted socket and keeps or rejects it. */
    void admit(ListenBinding<?> listener) {
        if (!beginStep()) {
            throw new IllegalStateException("internal error: " + this + " was admitted twice");
        }
        try {
            decide(listener);
        } finally {
            endStep();
        }
    }

    private void decide(ListenBinding<?> listener) {
        SocketAddress local;
        SocketAddress remote;
        try {
            stream.register(loop.poller, this);
            local = stream.localAddress();
            remote = stream.remoteAddress();
            localAddress = local;
            remoteAddress = remote;
        } catch (IOException e) {
            provider.errors.report("Setting up an accepted connection failed; it is dropped", e);
            rejectNow();
            return;
        }
        WskAccept answer;
        Object watch = provider.observer.eventStarts(this, "accept event");
        try {
            answer = listener.onAccept(this, local, remote);
        } catch (Throwable t) {
            provider.errors.report("The accept event threw; the connection is rejected", t);
            answer = WskAccept.reject();
        } finally {
            provider.observer.eventEnded(this, watch);
        }
        if (CloseGate.isShut(this)) {
            return; // the event closed it itself; that close runs after this step
        }
        if (answer == null) {
            provider.errors.report("Accept event contract broken", new IllegalStateException("The accept event"
                    + " returned null; return WskAccept.accept(context, dispatch) or WskAccept.reject()"));
            answer = WskAccept.reject();
        }
        if (!(answer instanceof AcceptDecision) || ((AcceptDecision<?>) answer).rejected()) {
            rejectNow();
            return;
        }
        AcceptDecision<?> decision = (AcceptDecision<?>) answer;
        events.bind(decision.binding);
        for (WskEvent event : decision.events) {
            if (events.enable(event, true)) {
                events.raiseSendBacklog(stream);
            }
        }
        pump();
    }

    /**
     * Completes {@code irp}, a claimed accept IRP, with this newly accepted socket and its peer's address; the socket
     * takes the IRP's context and client dispatch, every event off (SPEC K5, E1). Loop thread.
     */
    void admit(IrpCore irp) {
        if (!beginStep()) {
            throw new IllegalStateException("internal error: " + this + " was admitted twice");
        }
        try {
            try {
                stream.register(loop.poller, this);
                localAddress = stream.localAddress();
                remoteAddress = stream.remoteAddress();
            } catch (IOException e) {
                rejectNow(); // the connection broke before it was accepted: the IRP says so, the listener goes on
                irp.complete(statusOf(e), 0);
                return;
            }
            events.bind(acceptedBinding(irp));
            irp.setResultSocket(this);
            irp.setResultAddress(remoteAddress);
            irp.complete(NtStatus.SUCCESS, 0); // its routine's calls on this socket run after this step
        } finally {
            endStep();
        }
    }

    /** The accept IRP's context and dispatch were given together, typed, by WskProviderListenDispatch.accept. */
    @SuppressWarnings("unchecked")
    private static ClientBinding<?> acceptedBinding(IrpCore irp) {
        return ClientBinding.of(irp.acceptContext, (io.wsk4j.WskClientConnectionDispatch<Object>) irp.acceptDispatch);
    }

    /** Rejects the connection (the peer sees a reset) before the application ever saw it. Loop thread. */
    void reject() {
        if (!beginStep()) {
            throw new IllegalStateException("internal error: " + this + " was rejected inside a step");
        }
        try {
            rejectNow();
        } finally {
            endStep();
        }
    }

    @Override
    void forceClose(String closer) {
        CloseGate.forceShut(this, closer);
        if (state != SocketState.CLOSED && beginStep()) {
            try {
                teardown(Ending.CLOSE);
            } finally {
                endStep();
            }
        }
    }

    private void rejectNow() {
        CloseGate.forceShut(this, "the provider, since its connection was rejected");
        teardown(Ending.REJECT);
    }

    // ---- the one teardown -----------------------------------------------------------------------------------

    /** {@link #teardown(Ending, IrpCore, NtStatus)} for an ending that no IRP of the socket asked for. */
    private void teardown(Ending ending) {
        teardown(ending, null, null);
    }

    /**
     * Ends the connection's pending work as {@code ending} says: the wire first (RST, a quiet close, or a lingering
     * hand-on), then every pending IRP in queue order, then {@code cause} (the abort, close or failed connect IRP)
     * last, with {@code causeStatus} (SPEC C2, D7, D9). A close issued by a routine of this teardown runs after it, so
     * it cannot overtake it.
     */
    private void teardown(Ending ending, IrpCore cause, NtStatus causeStatus) {
        SocketState before = state;
        state = state.to(ending.next);
        if (!ending.raisesDisconnectEvent()) {
            events.endDisconnectEvent(); // a local disconnect raises no disconnect event (SPEC E2)
        }
        CloseKind how = ending.closeKind(before);
        if (lingerZero && how == CloseKind.HAND_ON) {
            how = CloseKind.RESET; // SO_LINGER 0: the close resets instead of handing the data on (SPEC K4)
        }
        // whether the connection ended with a reset, ours or the peer's, for the observers (the Flight Recorder)
        boolean abortive = how == CloseKind.RESET || ending == Ending.PEER_RESET
                || before == SocketState.ABORTED || before == SocketState.RESET;
        boolean flushFirst = closeChannel(how);
        if (flushFirst && !loop.broken()) {
            // the loop's next select sends the RST; afterFlush completes the IRPs (SPEC D7: the RST first). The one
            // object a teardown makes, and only this one: an idle socket keeps no field for it
            hold(new HeldTeardown(ending, cause, causeStatus, abortive));
            return;
        }
        completeTeardown(ending, cause, causeStatus, abortive);
    }

    /** A teardown held until the loop's flush put its RST on the wire: what {@link #completeTeardown} goes on with. */
    private record HeldTeardown(Ending ending, IrpCore cause, NtStatus causeStatus, boolean abortive) {}

    @Override
    void afterFlush(Object held) {
        HeldTeardown teardown = (HeldTeardown) held;
        completeTeardown(teardown.ending, teardown.cause, teardown.causeStatus, teardown.abortive);
    }

    private void completeTeardown(Ending ending, IrpCore cause, NtStatus causeStatus, boolean abortive) {
        IrpCore connecting = connectOp;
        connectOp = null;
        int flushed = 0;
        if (connecting != null) {
            flushed++;
            connecting.complete(NtStatus.CANCELLED, 0);
        }
        flushed += sends.failAll(ending);
        flushed += receives.failAll(ending.receives);
        if (ending.raisesDisconnectEvent()) {
            events.raiseDisconnect(DisconnectMode.ABORTIVE); // not if a routine above began a close (SPEC E2)
        }
        if (ending.closes()) {
            events.release();
            receives.discardKept();
            provider.unregister(this);
        }
        if (cause != null) {
            provider.observer.tornDown(cause, flushed, abortive);
            cause.complete(causeStatus, 0);
        }
    }

    /**
     * Closes the connection as {@code how} says.
     *
     * @return true if an RST waits for the loop's next poll (NIO closes a registered channel only when its cancelled
     *     key is flushed, and one flush per turn serves every abort of that turn)
     */
    private boolean closeChannel(CloseKind how) {
        return stream.close(how, loop.nanoTime() + provider.closeTimeoutNanos());
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    @Override
    String kind() {
        return "socket";
    }

    @Override
    String addressText(boolean local) {
        if (remoteAddress != null) {
            return Addresses.text(local ? localAddress : remoteAddress);
        }
        try {
            SocketAddress address = local ? stream.localAddress() : stream.remoteAddress();
            return Addresses.text(address);
        } catch (IOException | RuntimeException e) {
            return ""; // closed, or never bound: nothing to show
        }
    }

    /** Loop thread, once connected; read by other threads for messages, where a stale null only shortens them. */
    private void rememberAddresses() {
        try {
            localAddress = stream.localAddress();
            remoteAddress = stream.remoteAddress();
        } catch (IOException | RuntimeException e) {
            // the connection broke already: its messages name what the transport still knows
        }
    }

    @Override
    void stepEnded() {
        updateInterest();
    }

    private void updateInterest() {
        int ops = 0;
        if (state == SocketState.CONNECTING) {
            ops = Ready.CONNECT;
        } else if (state.connected()) {
            if (!sends.isEmpty()) {
                ops |= Ready.WRITE;
            }
            boolean receiveWaits = !receives.isEmpty() && !state.peerShutdown() && !receives.hasKept();
            boolean eventsRead = receives.isEmpty() && !state.peerShutdown() && !receives.hasKept()
                    && events.wantsRead();
            if (receiveWaits || eventsRead) {
                ops |= Ready.READ;
            }
        }
        stream.interest(ops);
    }

    private NtStatus statusOf(Throwable e) {
        NtStatus status = provider.transport.statusOf(e);
        if (status == NtStatus.UNSUCCESSFUL) {
            provider.errors.report(this + ": unexpected failure, completed as UNSUCCESSFUL", e);
        }
        return status;
    }
}
