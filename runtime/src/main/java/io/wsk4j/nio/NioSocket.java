package io.wsk4j.nio;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskAccept;
import io.wsk4j.WskEvent;
import io.wsk4j.WskProviderConnectionDispatch;
import io.wsk4j.WskSocket;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A socket of the NIO provider. All fields below "loop-owned" are read and written only on {@link #loop}'s thread;
 * the dispatch functions reach them by running an IRP there.
 *
 * <p>Sends wait in one FIFO in which a graceful disconnect is a marker, so "after every earlier send" (SPEC D3) holds
 * by construction; receives wait in another.
 */
final class NioSocket implements WskSocket {
    private static final int ACCEPTS_PER_TURN = 64;
    private static final int EVENT_READS_PER_TURN = 16;
    private static final AtomicInteger IDS = new AtomicInteger();

    final NioProvider provider;
    final EventLoop loop;
    final AtomicBoolean sweepRequested = new AtomicBoolean();
    final LoopTask sweepTask = new LoopTask() {
        @Override
        void runOnLoop() {
            sweepRequested.set(false);
            sweep();
        }
    };
    private final int id = IDS.incrementAndGet();
    /** Between dispatch calls and closeSocket (SPEC C5). */
    final CloseGate gate;
    /** Accepted connections handed to other loops and not yet admitted there (listening sockets only). */
    private final AtomicInteger admissions = new AtomicInteger();
    /** A listening socket's close IRP, completed once no admission is left (SPEC C2). */
    private final AtomicReference<IrpCore> deferredClose = new AtomicReference<>();

    // ---- loop-owned ----
    private SocketState state;
    private SocketChannel channel;
    private ServerSocketChannel server;
    private SelectionKey key;
    private int interest = -1;
    private ClientBinding<?> binding;
    private ListenBinding<?> listenBinding;
    private final ArrayDeque<IrpCore> sends = new ArrayDeque<>(4);
    private final ArrayDeque<IrpCore> receives = new ArrayDeque<>(4);
    private IrpCore connectOp;
    private boolean receiveEvents;
    private boolean disconnectEvents;
    private boolean receiveEventsSuspended;
    private boolean disconnectEventDone;
    /** Bytes read but not yet taken (a cancel won the race, or an event took less); read mode. */
    private ByteBuffer leftover;
    private boolean pumping;
    private boolean repump;
    private boolean noDelay;
    /** The last read took all the socket had, and no OP_READ readiness came since. */
    private boolean drained;

    /** An unconnected socket (WskSocket, WskSocketConnect). */
    NioSocket(NioProvider provider, EventLoop loop, SocketChannel channel, ClientBinding<?> binding) {
        this.provider = provider;
        this.loop = loop;
        this.gate = new CloseGate(loop, this);
        this.channel = channel;
        this.binding = binding;
        this.state = SocketState.UNCONNECTED;
    }

    /** A listening socket, bound by its LISTEN operation. */
    NioSocket(NioProvider provider, EventLoop loop, ListenBinding<?> listenBinding) {
        this.provider = provider;
        this.loop = loop;
        this.gate = new CloseGate(loop, this);
        this.listenBinding = listenBinding;
        this.state = SocketState.UNCONNECTED;
    }

    /** An accepted socket, already connected. */
    NioSocket(NioProvider provider, EventLoop loop, SocketChannel accepted) {
        this.provider = provider;
        this.loop = loop;
        this.gate = new CloseGate(loop, this);
        this.channel = accepted;
        this.state = SocketState.OPEN;
    }

    static NioSocket of(WskSocket socket) {
        if (socket == null) {
            throw new NullPointerException("socket is null: pass the WskSocket from Irp.socket() of a socket request");
        }
        if (!(socket instanceof NioSocket)) {
            throw new IllegalArgumentException("This socket was not made by a wsk4j provider: "
                    + socket.getClass().getName() + "; use the WskSocket that Irp.socket() returned");
        }
        return (NioSocket) socket;
    }

    @Override
    public WskProviderConnectionDispatch dispatch() {
        return provider.dispatch;
    }

    @Override
    public String toString() {
        return "WskSocket#" + id;
    }

    // ---- operations, on the loop ----------------------------------------------------------------------------

    void execute(IrpCore op) {
        if (state == SocketState.CLOSED) {
            if (!provider.closing()) { // WskProvider.close() may close a socket under a call racing it; nothing else may
                provider.errors.report("internal error", new IllegalStateException(op + " reached closed " + this));
            }
            op.complete(NtStatus.FILE_FORCED_CLOSED, 0);
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
            case LISTEN:
                listen(op);
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
                close(op);
                break;
            case CONTROL:
                control(op);
                break;
            case LOCAL_ADDRESS:
            case REMOTE_ADDRESS:
                address(op);
                break;
            default:
                throw new IllegalStateException("internal error: " + op.operation + " is not a socket operation");
        }
    }

    private void connect(IrpCore op) {
        if (state != SocketState.UNCONNECTED || channel == null) {
            NtStatus status = state == SocketState.CONNECTING || state.wasConnected()
                    ? NtStatus.CONNECTION_ACTIVE
                    : NtStatus.INVALID_DEVICE_STATE;
            op.complete(status, 0);
            return;
        }
        try {
            register(channel, 0);
            if (channel.connect(op.endpoint)) {
                connected(op);
            } else {
                state = state.to(SocketState.CONNECTING);
                connectOp = op;
                updateInterest();
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
            if (channel.finishConnect()) {
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
        if (op.operation == Operation.SOCKET_CONNECT) {
            op.setResultSocket(this);
        }
        updateInterest();
        op.complete(NtStatus.SUCCESS, 0);
    }

    private void connectFailed(IrpCore op, NtStatus status) {
        closeChannel(false);
        state = state.to(SocketState.CONNECT_FAILED);
        if (op.operation == Operation.SOCKET_CONNECT) {
            // the application never saw this socket, so it cannot close it: do it here
            gate.forceShut();
            state = state.to(SocketState.CLOSED);
            binding = null;
            provider.unregister(this);
        }
        op.complete(status, 0);
    }

    private void bind(IrpCore op) {
        if (state != SocketState.UNCONNECTED || channel == null) {
            op.complete(NtStatus.INVALID_DEVICE_STATE, 0);
            return;
        }
        try {
            channel.bind(op.endpoint);
            op.complete(NtStatus.SUCCESS, 0);
        } catch (IOException | RuntimeException e) {
            op.complete(statusOf(e), 0);
        }
    }

    private void listen(IrpCore op) {
        try {
            server = ServerSocketChannel.open();
            server.configureBlocking(false);
            server.bind(op.endpoint, provider.listenBacklog);
            register(server, SelectionKey.OP_ACCEPT);
            interest = SelectionKey.OP_ACCEPT;
            state = state.to(SocketState.LISTENING);
            op.setResultSocket(this);
            op.complete(NtStatus.SUCCESS, 0);
        } catch (IOException | RuntimeException e) {
            NtStatus status = statusOf(e);
            closeServer();
            gate.forceShut();
            state = state.to(SocketState.CLOSED);
            listenBinding = null;
            provider.unregister(this);
            op.complete(status, 0);
        }
    }

    private void send(IrpCore op) {
        NtStatus refusal = sendRefusal();
        if (refusal != null) {
            op.complete(refusal, 0);
            return;
        }
        if (op.sendFlags == SendFlags.NODELAY && !noDelay) {
            noDelay = true; // once: setOption costs a system call and an allocation
            try {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException e) {
                provider.errors.report("Setting TCP_NODELAY on " + this + " failed; the send goes on without it", e);
            }
        }
        sends.addLast(op);
        pump();
    }

    private NtStatus sendRefusal() {
        if (state.canSend()) {
            return null;
        }
        if (state.gracefulStarted()) {
            return NtStatus.PIPE_DISCONNECTED; // SPEC D5
        }
        if (state == SocketState.ABORTED) {
            return NtStatus.CONNECTION_ABORTED; // SPEC D7
        }
        if (state == SocketState.RESET) {
            return NtStatus.CONNECTION_RESET;
        }
        return state == SocketState.LISTENING ? NtStatus.INVALID_DEVICE_STATE : NtStatus.INVALID_CONNECTION;
    }

    private void receive(IrpCore op) {
        if (state.connected()) {
            receives.addLast(op);
            pump();
            return;
        }
        NtStatus status;
        if (state == SocketState.ABORTED) {
            status = NtStatus.CONNECTION_ABORTED; // SPEC D7
        } else if (state == SocketState.RESET) {
            status = NtStatus.CONNECTION_RESET;
        } else {
            status = state == SocketState.LISTENING ? NtStatus.INVALID_DEVICE_STATE : NtStatus.INVALID_CONNECTION;
        }
        op.complete(status, 0);
    }

    private void disconnect(IrpCore op) {
        if (!state.wasConnected()) {
            op.complete(NtStatus.INVALID_CONNECTION, 0); // SPEC D1
            return;
        }
        if (op.mode == DisconnectMode.ABORTIVE) {
            if (state == SocketState.ABORTED) {
                op.complete(NtStatus.INVALID_DEVICE_STATE, 0); // SPEC D8
                return;
            }
            abort(op);
            return;
        }
        if (state.gracefulStarted() || state == SocketState.ABORTED) {
            op.complete(NtStatus.INVALID_DEVICE_STATE, 0); // SPEC D8
            return;
        }
        if (state == SocketState.RESET) {
            op.complete(NtStatus.CONNECTION_RESET, 0);
            return;
        }
        state = state.to(
                state == SocketState.PEER_SHUTDOWN ? SocketState.DISCONNECTING_PEER_SHUTDOWN : SocketState.DISCONNECTING);
        sends.addLast(op); // the marker: it reaches the head only after every earlier send (SPEC D3)
        pump();
    }

    /** SPEC D7: RST on the wire first, then the pending IRPs, then the abort's own IRP. */
    private void abort(IrpCore op) {
        if (!op.claim()) {
            op.complete(NtStatus.CANCELLED, 0); // cancelled before it reached the loop: nothing happened
            return;
        }
        disconnectEventDone = true; // a local disconnect raises no disconnect event (SPEC E2)
        state = state.to(SocketState.ABORTED);
        closeChannel(true);
        failSends(NtStatus.CANCELLED, NtStatus.CONNECTION_ABORTED, false);
        failReceives(NtStatus.CONNECTION_ABORTED);
        op.complete(NtStatus.SUCCESS, 0);
    }

    /** SPEC C1–C4. */
    private void close(IrpCore op) {
        SocketState before = state;
        state = state.to(SocketState.CLOSED);
        receiveEvents = false;
        disconnectEvents = false;
        disconnectEventDone = true;
        if (server != null) {
            closeServer();
        } else {
            // quiet only when both FINs have passed, or nothing was ever connected (SPEC C3)
            closeChannel(before != SocketState.BOTH_SHUTDOWN && before.connected());
        }
        IrpCore connecting = connectOp;
        connectOp = null;
        if (connecting != null) {
            connecting.complete(NtStatus.CANCELLED, 0);
        }
        failSends(NtStatus.CANCELLED, NtStatus.CONNECTION_ABORTED, false);
        failReceives(NtStatus.CANCELLED);
        binding = null;
        listenBinding = null;
        leftover = null;
        provider.unregister(this);
        if (server != null) {
            // accept events may still run on other loops for connections taken before the close: the close IRP
            // completes when the last of them is done (SPEC C2)
            deferredClose.set(op);
            if (admissions.get() == 0) {
                completeDeferredClose();
            }
            return;
        }
        op.complete(NtStatus.SUCCESS, 0);
    }

    private void completeDeferredClose() {
        IrpCore op = deferredClose.getAndSet(null);
        if (op != null) {
            op.complete(NtStatus.SUCCESS, 0);
        }
    }

    /** An accepted connection handed to another loop has been admitted or rejected there. Any thread. */
    void admissionDone() {
        if (admissions.decrementAndGet() == 0) {
            completeDeferredClose();
        }
    }

    private void control(IrpCore op) {
        if (binding == null || !binding.hasEvents()) {
            op.complete(NtStatus.INVALID_DEVICE_STATE, 0); // no client dispatch to call
            return;
        }
        if (!state.wasConnected()) {
            op.complete(NtStatus.INVALID_CONNECTION, 0); // SPEC E1
            return;
        }
        boolean fireBacklog = false;
        switch (op.event) {
            case RECEIVE:
                receiveEvents = op.enable;
                break;
            case DISCONNECT:
                disconnectEvents = op.enable;
                break;
            case SEND_BACKLOG:
                fireBacklog = op.enable;
                break;
            default:
                throw new IllegalStateException("internal error: unknown event " + op.event);
        }
        op.complete(NtStatus.SUCCESS, 0);
        if (fireBacklog) {
            raiseSendBacklogEvent();
        }
        pump();
    }

    /** The NIO provider cannot watch the ideal backlog change, so it reports the send buffer size once. */
    private void raiseSendBacklogEvent() {
        if (!state.connected() || !eventsOpen()) {
            return;
        }
        try {
            binding.onSendBacklog(channel.getOption(StandardSocketOptions.SO_SNDBUF));
        } catch (IOException e) {
            provider.errors.report("Reading SO_SNDBUF of " + this + " failed; no send-backlog event", e);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            provider.errors.report("The send-backlog event of " + this + " threw", t);
        }
    }

    private void address(IrpCore op) {
        try {
            SocketAddress address;
            if (op.operation == Operation.LOCAL_ADDRESS) {
                address = server != null ? server.getLocalAddress() : channel.getLocalAddress();
            } else {
                address = channel == null ? null : channel.getRemoteAddress();
            }
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

    /** Completes the IRPs that {@link IrpCore#cancel()} marked. */
    private void sweep() {
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
        while ((cancelled = removeCancelled(sends)) != null) {
            completeCancelledSend(cancelled);
        }
        while ((cancelled = removeCancelled(receives)) != null) {
            cancelled.complete(NtStatus.CANCELLED, 0);
        }
        pump();
    }

    private static IrpCore removeCancelled(ArrayDeque<IrpCore> queue) {
        for (Iterator<IrpCore> it = queue.iterator(); it.hasNext(); ) {
            IrpCore op = it.next();
            if (op.isCancelling()) {
                it.remove();
                return op;
            }
        }
        return null;
    }

    /** A cancelled graceful disconnect leaves the queue as it was and the socket sendable again (SPEC D6, I6). */
    private void completeCancelledSend(IrpCore op) {
        if (op.operation == Operation.DISCONNECT) {
            state = state.to(state == SocketState.DISCONNECTING_PEER_SHUTDOWN
                    ? SocketState.PEER_SHUTDOWN : SocketState.OPEN);
        }
        op.complete(NtStatus.CANCELLED, 0);
    }

    // ---- I/O, on the loop -----------------------------------------------------------------------------------

    void onReady(int readyOps) {
        if ((readyOps & SelectionKey.OP_CONNECT) != 0) {
            finishConnect();
        }
        if ((readyOps & SelectionKey.OP_ACCEPT) != 0) {
            acceptConnections();
        }
        if ((readyOps & SelectionKey.OP_READ) != 0) {
            drained = false;
        }
        if ((readyOps & (SelectionKey.OP_READ | SelectionKey.OP_WRITE)) != 0) {
            pump();
        }
    }

    /**
     * Reads into {@code data}, unless the last read emptied the socket and no readiness came since: a read then
     * would only spend a system call to learn "nothing yet", which in request/response traffic is every time.
     * Readiness is level-triggered, so data that arrives meanwhile is reported by the next select.
     *
     * @return the bytes read, 0 if none (now, or known), -1 at the peer's FIN
     */
    private int readFromChannel(ByteBuffer data) throws IOException {
        if (drained) {
            return 0;
        }
        int wanted = data.remaining();
        int n = channel.read(data);
        drained = n >= 0 && n < wanted;
        return n;
    }

    /**
     * Moves every queue as far as it goes. Completion routines and events run from here and may start new operations
     * on this socket; those only queue and ask for another turn, so no queue is walked re-entrantly.
     */
    private void pump() {
        if (pumping) {
            repump = true;
            return;
        }
        pumping = true;
        try {
            do {
                repump = false;
                processSends();
                processReceives();
                raiseDisconnectEventIfDue();
            } while (repump && state != SocketState.CLOSED);
            updateInterest();
        } finally {
            pumping = false;
        }
    }

    private void processSends() {
        while (state.connected()) {
            IrpCore op = sends.peekFirst();
            if (op == null) {
                return;
            }
            if (op.isCancelling()) {
                sends.pollFirst();
                completeCancelledSend(op);
                continue;
            }
            if (!op.claim()) {
                continue; // a cancel won just now; the next turn completes it
            }
            if (op.buffer != null) {
                try {
                    op.transferred += op.buffer.writeTo(channel);
                } catch (IOException e) {
                    peerReset();
                    return;
                }
                if (op.buffer.hasRemaining()) {
                    if (op.transferred == 0) {
                        op.unclaim(); // nothing went out yet: it may still be cancelled
                    }
                    return; // the transport is full; OP_WRITE resumes
                }
            }
            sends.pollFirst();
            if (op.operation == Operation.DISCONNECT) {
                sendFin(op);
            } else {
                op.complete(NtStatus.SUCCESS, op.transferred);
            }
        }
    }

    private void sendFin(IrpCore op) {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            sends.addFirst(op);
            peerReset();
            return;
        }
        state = state.to(state == SocketState.DISCONNECTING_PEER_SHUTDOWN
                ? SocketState.BOTH_SHUTDOWN : SocketState.SEND_SHUTDOWN);
        op.complete(NtStatus.SUCCESS, 0); // SPEC D4: information 0, final buffer or not
    }

    private void processReceives() {
        while (state.connected()) {
            IrpCore op = receives.peekFirst();
            if (op == null) {
                readForEvents();
                return;
            }
            if (op.isCancelling()) {
                receives.pollFirst();
                op.complete(NtStatus.CANCELLED, 0);
                continue;
            }
            if (leftover != null) {
                if (!op.claim()) {
                    continue;
                }
                op.transferred += op.buffer.fillFrom(leftover);
                if (!leftover.hasRemaining()) {
                    leftover = null;
                    receiveEventsSuspended = false;
                }
                completeReceiveIfDone(op);
                continue;
            }
            if (state.peerShutdown()) {
                receives.pollFirst();
                op.complete(NtStatus.SUCCESS, op.transferred); // SPEC X2: 0 bytes at FIN, or what WAITALL had
                continue;
            }
            ByteBuffer data = loop.readBuffer;
            data.clear();
            data.limit((int) Math.min(data.capacity(), op.buffer.remaining()));
            int n;
            try {
                n = readFromChannel(data);
            } catch (IOException e) {
                peerReset();
                return;
            }
            if (n == 0) {
                return; // OP_READ resumes
            }
            if (n < 0) {
                peerFin();
                continue;
            }
            data.flip();
            if (!op.claim()) {
                keep(data); // the cancel won: the bytes wait for the next receive
                continue;
            }
            op.transferred += op.buffer.fillFrom(data);
            completeReceiveIfDone(op);
        }
    }

    private void completeReceiveIfDone(IrpCore op) {
        if (op.receiveFlags != ReceiveFlags.WAITALL || !op.buffer.hasRemaining()) {
            receives.pollFirst();
            op.complete(NtStatus.SUCCESS, op.transferred);
        } else {
            op.unclaim(); // a WAITALL receive waiting for more may be cancelled; it then reports what it got
        }
    }

    /**
     * No receive IRP waits: offer kept or new data to the receive event, or read only to see the peer's FIN for the
     * disconnect event. Bounded per turn; OP_READ brings the loop back for more.
     */
    private void readForEvents() {
        ByteBuffer data = loop.readBuffer;
        for (int i = 0; i < EVENT_READS_PER_TURN && receives.isEmpty() && state.connected(); i++) {
            boolean offer = receiveEvents && !receiveEventsSuspended && eventsOpen();
            if (leftover != null) {
                if (!offer) {
                    return; // kept bytes wait for a receive IRP
                }
                data.clear();
                int n = Math.min(data.capacity(), leftover.remaining());
                int end = leftover.limit();
                leftover.limit(leftover.position() + n);
                data.put(leftover).flip();
                leftover.limit(end);
                int untaken = n - offerToReceiveEvent(n);
                if (state == SocketState.CLOSED) {
                    return;
                }
                leftover.position(leftover.position() - untaken);
                if (!leftover.hasRemaining()) {
                    leftover = null;
                }
                if (untaken > 0) {
                    receiveEventsSuspended = true; // until a receive IRP takes what is left (SPEC E3)
                    return;
                }
                continue;
            }
            if (!wantsEventRead()) {
                return;
            }
            data.clear();
            int n;
            try {
                n = readFromChannel(data);
            } catch (IOException e) {
                peerReset();
                return;
            }
            if (n == 0) {
                return;
            }
            if (n < 0) {
                peerFin();
                return;
            }
            data.flip();
            if (!offer) {
                keep(data); // read only to see a FIN; the bytes wait for a receive or the receive event
                return;
            }
            int taken = offerToReceiveEvent(n);
            if (state == SocketState.CLOSED) {
                return;
            }
            data.position(taken);
            if (data.hasRemaining()) {
                keep(data);
                receiveEventsSuspended = true;
                return;
            }
        }
    }

    /** Calls the receive event with the first {@code n} bytes of the loop's read buffer; returns how many it took. */
    private int offerToReceiveEvent(int n) {
        ByteBuffer view = loop.eventView;
        view.clear();
        view.limit(n);
        long taken;
        loop.enterReceiveEvent();
        try {
            taken = binding.onReceive(loop.eventData);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            provider.errors.report("The receive event of " + this + " threw; its data stays for a receive IRP", t);
            taken = 0;
        } finally {
            loop.exitReceiveEvent();
        }
        if (taken < 0 || taken > n) {
            provider.errors.report("Receive event contract broken", new IllegalStateException("The receive event"
                    + " of " + this + " returned " + taken + " for " + n + " bytes; return how many it took,"
                    + " 0 to " + n));
            taken = taken < 0 ? 0 : n;
        }
        return (int) taken;
    }

    private boolean wantsEventRead() {
        if (!state.connected() || state.peerShutdown() || leftover != null || !receives.isEmpty() || !eventsOpen()) {
            return false;
        }
        return (receiveEvents && !receiveEventsSuspended) || (disconnectEvents && !disconnectEventDone);
    }

    /** Events go to the client dispatch until closeSocket begins (SPEC E2, C2). */
    private boolean eventsOpen() {
        return binding != null && binding.hasEvents() && !gate.isShut();
    }

    private void keep(ByteBuffer data) {
        if (leftover == null) {
            leftover = ByteBuffer.allocate(Math.max(data.remaining(), 4096));
            leftover.put(data).flip();
            return;
        }
        leftover.compact();
        if (leftover.remaining() < data.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(leftover.position() + data.remaining());
            leftover.flip();
            bigger.put(leftover);
            leftover = bigger;
        }
        leftover.put(data).flip();
    }

    private void peerFin() {
        switch (state) {
            case OPEN:
                state = state.to(SocketState.PEER_SHUTDOWN);
                break;
            case DISCONNECTING:
                state = state.to(SocketState.DISCONNECTING_PEER_SHUTDOWN);
                break;
            case SEND_SHUTDOWN:
                state = state.to(SocketState.BOTH_SHUTDOWN);
                break;
            default:
                break;
        }
    }

    /** SPEC E2: GRACEFUL once the peer's FIN was read and every byte before it was delivered. */
    private void raiseDisconnectEventIfDue() {
        if (disconnectEvents && !disconnectEventDone && state.peerShutdown() && leftover == null && eventsOpen()) {
            disconnectEventDone = true;
            raiseDisconnectEvent(DisconnectMode.GRACEFUL);
        }
    }

    private void raiseDisconnectEvent(DisconnectMode how) {
        try {
            binding.onDisconnect(how);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            provider.errors.report("The disconnect event of " + this + " threw", t);
        }
    }

    /** The peer reset the connection (or it broke): SPEC D9, X2, E2. */
    private void peerReset() {
        if (!state.connected()) {
            return;
        }
        boolean raise = disconnectEvents && !disconnectEventDone && eventsOpen();
        disconnectEventDone = true;
        state = state.to(SocketState.RESET);
        closeChannel(false);
        failSends(NtStatus.CONNECTION_RESET, NtStatus.CONNECTION_RESET, true);
        failReceives(NtStatus.CONNECTION_RESET);
        if (raise && state == SocketState.RESET) {
            raiseDisconnectEvent(DisconnectMode.ABORTIVE);
        }
    }

    private void failSends(NtStatus sendStatus, NtStatus gracefulStatus, boolean reportTransferred) {
        IrpCore op;
        while ((op = sends.pollFirst()) != null) {
            if (op.operation == Operation.DISCONNECT) {
                op.complete(gracefulStatus, 0);
            } else {
                op.complete(sendStatus, reportTransferred ? op.transferred : 0);
            }
        }
    }

    private void failReceives(NtStatus status) {
        IrpCore op;
        while ((op = receives.pollFirst()) != null) {
            op.complete(status, op.transferred); // bytes already copied are the caller's (nothing lost)
        }
    }

    /**
     * Takes what connections are waiting and spreads them over the loops: each accepted socket belongs to the next
     * loop in turn, which runs its accept event.
     */
    private void acceptConnections() {
        for (int i = 0; i < ACCEPTS_PER_TURN && state == SocketState.LISTENING && !provider.closing(); i++) {
            SocketChannel accepted;
            try {
                accepted = server.accept();
            } catch (IOException e) {
                provider.errors.report("accept() failed on " + this + "; listening goes on", e);
                return;
            }
            if (accepted == null) {
                return;
            }
            EventLoop owner = provider.nextLoop();
            if (owner == loop) {
                admitHere(accepted);
            } else {
                admissions.incrementAndGet();
                owner.execute(new Admission(this, listenBinding, accepted, owner));
            }
        }
    }

    /** Makes the socket of a connection this listener accepted, on this loop, and runs its accept event. */
    private void admitHere(SocketChannel accepted) {
        NioSocket socket = new NioSocket(provider, loop, accepted);
        provider.register(socket);
        socket.admit(listenBinding);
    }

    /** Runs the accept event for this newly accepted socket and keeps or resets it. */
    void admit(ListenBinding<?> listener) {
        SocketAddress local;
        SocketAddress remote;
        try {
            channel.configureBlocking(false);
            register(channel, 0);
            local = channel.getLocalAddress();
            remote = channel.getRemoteAddress();
        } catch (IOException e) {
            provider.errors.report("Setting up an accepted connection failed; it is dropped", e);
            reject();
            return;
        }
        WskAccept answer;
        try {
            answer = listener.onAccept(this, local, remote);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            provider.errors.report("The accept event threw; the connection is rejected", t);
            answer = WskAccept.reject();
        }
        if (state == SocketState.CLOSED) {
            return; // the event closed it itself
        }
        if (answer == null) {
            provider.errors.report("Accept event contract broken", new IllegalStateException("The accept event"
                    + " returned null; return WskAccept.accept(context, dispatch) or WskAccept.reject()"));
            answer = WskAccept.reject();
        }
        if (!(answer instanceof AcceptDecision) || ((AcceptDecision<?>) answer).rejected()) {
            reject();
            return;
        }
        AcceptDecision<?> decision = (AcceptDecision<?>) answer;
        binding = decision.binding;
        receiveEvents = decision.events.contains(WskEvent.RECEIVE);
        disconnectEvents = decision.events.contains(WskEvent.DISCONNECT);
        if (decision.events.contains(WskEvent.SEND_BACKLOG)) {
            raiseSendBacklogEvent();
        }
        pump();
    }

    void reject() {
        gate.forceShut();
        state = state.to(SocketState.CLOSED);
        closeChannel(true);
        failSends(NtStatus.CANCELLED, NtStatus.CONNECTION_ABORTED, false); // issued by the accept event, if any
        failReceives(NtStatus.CANCELLED);
        binding = null;
        leftover = null;
        provider.unregister(this);
    }

    // ---- channel plumbing -----------------------------------------------------------------------------------

    private void register(java.nio.channels.SelectableChannel selectable, int ops) throws IOException {
        if (key == null) {
            selectable.configureBlocking(false);
            key = selectable.register(loop.selector, ops, this);
            interest = ops;
        }
    }

    private void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = 0;
        if (state == SocketState.CONNECTING) {
            ops = SelectionKey.OP_CONNECT;
        } else if (state == SocketState.LISTENING) {
            ops = SelectionKey.OP_ACCEPT;
        } else if (state.connected()) {
            if (!sends.isEmpty()) {
                ops |= SelectionKey.OP_WRITE;
            }
            if (!receives.isEmpty() && !state.peerShutdown() && leftover == null || wantsEventRead()) {
                ops |= SelectionKey.OP_READ;
            }
        }
        if (ops != interest) {
            key.interestOps(ops);
            interest = ops;
        }
    }

    /**
     * Closes the channel now. Abortive: deregister at once, SO_LINGER 0, close, so RST goes out immediately and
     * never after a FIN (the JDK would otherwise shut output down first, or wait for the next select).
     */
    private void closeChannel(boolean abortive) {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        if (key != null) {
            loop.flushCancelledKey(key);
            key = null;
        }
        try {
            if (abortive) {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
        } catch (IOException e) {
            provider.errors.report("Setting SO_LINGER 0 on " + this + " failed; the close may not reset the peer", e);
        }
        try {
            channel.close();
        } catch (IOException e) {
            provider.errors.report("Closing " + this + " failed", e);
        }
    }

    private void closeServer() {
        if (server == null) {
            return;
        }
        if (key != null) {
            loop.flushCancelledKey(key);
            key = null;
        }
        try {
            server.close();
        } catch (IOException e) {
            provider.errors.report("Closing listening " + this + " failed", e);
        }
    }

    private NtStatus statusOf(Throwable e) {
        NtStatus status = ExceptionStatus.of(e);
        if (status == NtStatus.UNSUCCESSFUL) {
            provider.errors.report(this + ": unexpected failure, completed as UNSUCCESSFUL", e);
        }
        return status;
    }
}
