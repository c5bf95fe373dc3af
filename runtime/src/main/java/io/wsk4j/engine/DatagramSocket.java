package io.wsk4j.engine;

import io.wsk4j.NtStatus;
import io.wsk4j.WskDatagramSocket;
import io.wsk4j.WskEvent;
import io.wsk4j.WskOption;
import io.wsk4j.WskProviderDatagramDispatch;
import io.wsk4j.transport.DatagramEndpoint;
import io.wsk4j.transport.Ready;
import io.wsk4j.verify.CallSite;
import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;

/**
 * A datagram socket (WskSocket with WSK_FLAG_DATAGRAM_SOCKET, SPEC G1–G5): one datagram per sendTo, one per
 * receiveFrom or receive-from event. Every field is the loop's; dispatch calls reach it by running an IRP there.
 *
 * <p>Each datagram is read whole into the loop's read buffer ({@link DatagramEndpoint#RECEIVE_ROOM} bytes, more than
 * any datagram), so the engine always knows its full length: one longer than the receive's buffer completes
 * BUFFER_OVERFLOW with the bytes that fit, never silently cut (SPEC G2). The copy it costs is the copy the JDK makes
 * anyway for a heap buffer.
 */
final class DatagramSocket extends EngineSocket implements WskDatagramSocket {
    private enum Phase { UNBOUND, BOUND, CLOSED }

    /** A FIFO of sends or receives, linked through the IRPs. */
    private static final class Queue extends IrpQueue {
        int failAll(NtStatus status) {
            int failed = 0;
            IrpCore op;
            while ((op = pollFirst()) != null) {
                failed++;
                op.complete(status, 0);
            }
            return failed;
        }
    }

    private final DatagramEndpoint endpoint;
    private final Queue sends = new Queue();
    private final Queue receives = new Queue();
    private DatagramBinding<?> binding;
    private boolean receiveFromOn;
    private Phase phase = Phase.UNBOUND;
    /** SIO_WSK_SET_REMOTE_ADDRESS: where a sendTo with a null address goes; null if none was set (SPEC G1). */
    private SocketAddress remote;
    /** For messages: the bound address, kept so that they need not ask the transport from another thread. */
    private volatile SocketAddress localAddress;
    /** An ICMP error read while no receiveFrom waited: the next sendTo or receiveFrom completes with it (SPEC G4). */
    private NtStatus pendingError;
    /**
     * No read readiness came since a read found nothing, or since a receive took the last datagram it was posted for:
     * a read now would most likely cost a system call to learn "nothing yet" (a request/response exchange posts its
     * next receive before the peer answered). Readiness is level-triggered, so what waits is reported by the next poll.
     */
    private boolean drained = true;
    /** The last send found no room; it waits for write readiness. */
    private boolean sendBlocked;

    DatagramSocket(EngineProvider provider, EventLoop loop, DatagramEndpoint endpoint, DatagramBinding<?> binding) {
        super(provider, loop);
        this.endpoint = endpoint;
        this.binding = binding;
    }

    // ---- operations, inside a step ------------------------------------------------------------------------

    @Override
    void run(IrpCore op) {
        if (phase == Phase.CLOSED) {
            op.complete(provider.closing() ? NtStatus.FILE_FORCED_CLOSED : NtStatus.CANCELLED, 0);
            return;
        }
        if (op.isCancelling()) {
            op.complete(NtStatus.CANCELLED, 0); // cancelled before it reached the loop: nothing happened
            return;
        }
        switch (op.operation) {
            case BIND:
                bind(op);
                break;
            case SEND_TO:
                sendTo(op);
                break;
            case RECEIVE_FROM:
                receiveFrom(op);
                break;
            case CONTROL:
                control(op);
                break;
            case SET_OPTION:
                setOption(op);
                break;
            case GET_OPTION:
                getOption(op);
                break;
            case LOCAL_ADDRESS:
                localAddress(op);
                break;
            case CLOSE:
                close(op);
                break;
            default:
                throw new IllegalStateException("internal error: " + op.operation + " is not a datagram operation");
        }
    }

    private void bind(IrpCore op) {
        if (phase != Phase.UNBOUND) {
            op.complete(NtStatus.INVALID_DEVICE_STATE, 0); // bound already (choice)
            return;
        }
        try {
            endpoint.bind(op.endpoint);
            endpoint.register(loop.poller, this);
            localAddress = endpoint.localAddress();
            phase = Phase.BOUND;
            op.complete(NtStatus.SUCCESS, 0);
        } catch (IOException | RuntimeException e) {
            op.complete(statusOf(e), 0);
        }
    }

    private void sendTo(IrpCore op) {
        NtStatus refusal = refusal();
        if (refusal != null) {
            op.complete(refusal, 0);
            return;
        }
        if (op.endpoint == null) {
            if (remote == null) {
                op.complete(NtStatus.INVALID_PARAMETER, 0); // SPEC G1: no address, and no fixed remote
                return;
            }
            op.endpoint = remote;
        }
        sends.addLast(op);
        pump();
    }

    private void receiveFrom(IrpCore op) {
        NtStatus refusal = refusal();
        if (refusal != null) {
            op.complete(refusal, 0);
            return;
        }
        receives.addLast(op);
        pump();
    }

    /** {@return why a sendTo or receiveFrom completes at once: not bound, or an ICMP error to report (SPEC G4)} */
    private NtStatus refusal() {
        if (phase != Phase.BOUND) {
            return NtStatus.INVALID_DEVICE_STATE; // sendTo and receiveFrom need a bound socket (choice)
        }
        NtStatus error = pendingError;
        pendingError = null;
        return error;
    }

    private void control(IrpCore op) {
        if (op.event != WskEvent.RECEIVE_FROM) {
            op.complete(NtStatus.NOT_SUPPORTED, 0); // SPEC K1: an event of another socket kind
            return;
        }
        if (binding == null || !binding.hasEvents()) {
            op.complete(NtStatus.INVALID_DEVICE_STATE, 0); // no client dispatch to call
            return;
        }
        receiveFromOn = op.enable;
        op.complete(NtStatus.SUCCESS, 0);
        pump();
    }

    /** SPEC K3, K4 for a datagram socket: its fixed remote address, buffer sizes and SO_REUSEADDR. */
    private void setOption(IrpCore op) {
        WskOption<?> option = op.option;
        Object value = op.optionArgument;
        try {
            if (option == WskOption.SIO_WSK_SET_REMOTE_ADDRESS) {
                if (phase != Phase.BOUND) {
                    op.complete(NtStatus.INVALID_DEVICE_STATE, 0); // valid after bind
                    return;
                }
                SocketAddress address = (SocketAddress) value;
                try {
                    endpoint.connect(address);
                } catch (IOException | RuntimeException e) {
                    remote = endpoint.remoteAddress(); // the transport says what stands now
                    throw e;
                }
                remote = address;
                pendingError = null; // an error of the old destination is not the new one's
                op.complete(NtStatus.SUCCESS, 0);
            } else if (option == WskOption.SO_RCVBUF || option == WskOption.SO_SNDBUF) {
                int size = (Integer) value;
                if (size <= 0) {
                    op.complete(NtStatus.INVALID_PARAMETER, 0);
                    return;
                }
                endpoint.setOption(option == WskOption.SO_RCVBUF ? StandardSocketOptions.SO_RCVBUF
                        : StandardSocketOptions.SO_SNDBUF, size);
                op.complete(NtStatus.SUCCESS, 0);
            } else if (option == WskOption.SO_REUSEADDR || option == WskOption.SO_EXCLUSIVEADDRUSE
                    || option == WskOption.IPV6_V6ONLY) {
                if (phase != Phase.UNBOUND) {
                    op.complete(NtStatus.INVALID_DEVICE_STATE, 0); // SPEC K4: before bind only
                    return;
                }
                if (option == WskOption.SO_REUSEADDR) {
                    endpoint.setOption(StandardSocketOptions.SO_REUSEADDR, (Boolean) value);
                } else if (option == WskOption.SO_EXCLUSIVEADDRUSE && (Boolean) value) {
                    endpoint.setOption(StandardSocketOptions.SO_REUSEADDR, false); // its meaning on Linux and macOS
                } // IPV6_V6ONLY false: what every JDK channel already is (true was refused in the dispatch call)
                op.complete(NtStatus.SUCCESS, 0);
            } else {
                op.complete(NtStatus.NOT_SUPPORTED, 0); // SPEC K4: not an option of a datagram socket here
            }
        } catch (ClassCastException e) {
            op.complete(NtStatus.INVALID_PARAMETER, 0); // a value of the wrong type, passed around the generics
        } catch (IOException | RuntimeException e) {
            op.complete(statusOf(e), 0);
        }
    }

    private void getOption(IrpCore op) {
        WskOption<?> option = op.option;
        try {
            if (option == WskOption.SIO_WSK_SET_REMOTE_ADDRESS) {
                result(op, WskOption.SIO_WSK_SET_REMOTE_ADDRESS, remote);
            } else if (option == WskOption.SO_RCVBUF) {
                result(op, WskOption.SO_RCVBUF, endpoint.getOption(StandardSocketOptions.SO_RCVBUF));
            } else if (option == WskOption.SO_SNDBUF) {
                result(op, WskOption.SO_SNDBUF, endpoint.getOption(StandardSocketOptions.SO_SNDBUF));
            } else if (option == WskOption.SO_REUSEADDR) {
                result(op, WskOption.SO_REUSEADDR, endpoint.getOption(StandardSocketOptions.SO_REUSEADDR));
            } else if (option == WskOption.SO_EXCLUSIVEADDRUSE) {
                result(op, WskOption.SO_EXCLUSIVEADDRUSE,
                        !endpoint.getOption(StandardSocketOptions.SO_REUSEADDR));
            } else if (option == WskOption.IPV6_V6ONLY) {
                result(op, WskOption.IPV6_V6ONLY, false); // the JDK opens every channel dual-stack
            } else {
                op.complete(NtStatus.NOT_SUPPORTED, 0);
            }
        } catch (IOException | RuntimeException e) {
            op.complete(statusOf(e), 0);
        }
    }

    private static <T> void result(IrpCore op, WskOption<T> option, T value) {
        op.setResultOption(option, value);
        op.complete(NtStatus.SUCCESS, 0);
    }

    @Override
    int optionKind() {
        return SocketOptions.DATAGRAM;
    }

    private void localAddress(IrpCore op) {
        try {
            SocketAddress address = endpoint.localAddress();
            if (address == null) {
                op.complete(NtStatus.INVALID_DEVICE_STATE, 0);
                return;
            }
            op.setResultAddress(address);
            op.complete(NtStatus.SUCCESS, 0);
        } catch (IOException | RuntimeException e) {
            op.complete(NtStatus.INVALID_DEVICE_STATE, 0);
        }
    }

    /**
     * SPEC C1, C2 (G4): pending sends and receives complete CANCELLED, the event never runs again, then the close
     * completes; NIO closes a registered channel's descriptor only at the loop's next select, so the close IRP waits
     * for it, and the port is free again when it completes.
     */
    private void close(IrpCore op) {
        boolean atNextPoll = end();
        if (atNextPoll && !loop.broken()) {
            hold(op); // afterFlush completes it
            return;
        }
        op.complete(NtStatus.SUCCESS, 0);
    }

    @Override
    void afterFlush(Object close) {
        ((IrpCore) close).complete(NtStatus.SUCCESS, 0);
    }

    /**
     * The one way a datagram socket ends: no more events, the port closed, every pending IRP CANCELLED, the socket out
     * of the provider.
     *
     * @return true if the transport closes the port only at the loop's next poll
     */
    private boolean end() {
        phase = Phase.CLOSED;
        receiveFromOn = false;
        binding = null; // SPEC C4: no reference to the context after the close
        boolean atNextPoll = endpoint.close();
        sends.failAll(NtStatus.CANCELLED);
        receives.failAll(NtStatus.CANCELLED);
        provider.unregister(this);
        return atNextPoll;
    }

    @Override
    void forceClose(String closer) {
        CloseGate.forceShut(this, closer);
        if (phase != Phase.CLOSED && beginStep()) {
            try {
                end();
            } finally {
                endStep();
            }
        }
    }

    @Override
    void sweepCancelled() {
        if (phase == Phase.CLOSED) {
            return; // close completed everything
        }
        IrpCore cancelled;
        while ((cancelled = sends.removeCancelled()) != null) {
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
            if ((readyOps & Ready.READ) != 0) {
                drained = false;
            }
            if ((readyOps & Ready.WRITE) != 0) {
                sendBlocked = false;
            }
            pump();
        } finally {
            endStep();
        }
    }

    private void pump() {
        if (phase != Phase.BOUND) {
            return;
        }
        writeSends();
        readReceives();
    }

    /** SPEC G1: one datagram per sendTo, in issue order; a send that finds no room waits, with those behind it. */
    private void writeSends() {
        while (!sendBlocked && phase == Phase.BOUND) {
            IrpCore op = sends.peekFirst();
            if (op == null) {
                return;
            }
            if (!op.claim()) {
                sends.pollFirst();
                op.complete(NtStatus.CANCELLED, 0);
                continue;
            }
            if (!Budget.takeWrite(this)) {
                op.unclaim(); // SPEC E5: the next turn goes on
                return;
            }
            BufferChain chain = op.buffer;
            ByteBuffer datagram = chain.singleView();
            boolean gathered = datagram == null;
            if (gathered) {
                if (chain.remaining() > loop.readBuffer.capacity()) {
                    sends.pollFirst();
                    op.complete(NtStatus.INVALID_PARAMETER, 0); // longer than any datagram
                    continue;
                }
                datagram = loop.readBuffer; // a chain of buffers is gathered into one datagram
                datagram.clear();
                chain.peekInto(datagram);
                datagram.flip();
            }
            int length = datagram.remaining();
            int sent;
            try {
                sent = endpoint.send(datagram, op.endpoint);
            } catch (PortUnreachableException e) {
                sends.pollFirst();
                op.complete(NtStatus.CONNECTION_REFUSED, 0); // SPEC G4: the error of an earlier datagram, reported now
                continue;
            } catch (IOException | RuntimeException e) {
                sends.pollFirst();
                op.complete(sendFailure(e), 0);
                continue;
            }
            if (sent == 0 && length > 0) {
                op.unclaim();
                sendBlocked = true;
                return;
            }
            if (gathered) {
                chain.consumeAll();
            }
            sends.pollFirst();
            op.complete(NtStatus.SUCCESS, length);
        }
    }

    /**
     * SPEC G2, G3: each datagram goes to the first receiveFrom waiting, else to the receive-from event if it is on
     * (E3's precedence); with neither, it waits in the transport.
     */
    private void readReceives() {
        while (phase == Phase.BOUND) {
            IrpCore op = receives.peekFirst();
            if (op == null && !eventWanted()) {
                return;
            }
            if (op != null && !op.claim()) {
                receives.pollFirst();
                op.complete(NtStatus.CANCELLED, 0);
                continue;
            }
            if (drained || !Budget.takeRead(this)) {
                if (op != null) {
                    op.unclaim();
                }
                return;
            }
            ByteBuffer data = loop.readBuffer;
            data.clear();
            SocketAddress source;
            try {
                source = endpoint.receive(data);
            } catch (PortUnreachableException e) {
                unreachable(op);
                continue;
            } catch (IOException | RuntimeException e) {
                if (op == null) {
                    provider.errors.report("Receiving a datagram on " + this + " failed; the socket goes on", e);
                    drained = true;
                    return;
                }
                receives.pollFirst();
                op.complete(statusOf(e), 0);
                continue;
            }
            if (source == null) {
                drained = true;
                if (op != null) {
                    op.unclaim();
                }
                return;
            }
            int length = data.position();
            data.flip();
            if (op != null) {
                receives.pollFirst();
                long copied = op.buffer.fillFrom(data);
                op.setResultAddress(source);
                op.complete(copied < length ? NtStatus.BUFFER_OVERFLOW : NtStatus.SUCCESS, copied);
                if (receives.isEmpty()) {
                    drained = true; // a receive posted from now on waits for readiness: see drained
                }
            } else {
                offerToEvent(length, source);
            }
        }
    }

    /** SPEC G4: an ICMP port unreachable for an earlier datagram completes the waiting receive, or the next call. */
    private void unreachable(IrpCore claimed) {
        if (claimed != null) {
            receives.pollFirst();
            claimed.complete(NtStatus.CONNECTION_REFUSED, 0);
        } else {
            pendingError = NtStatus.CONNECTION_REFUSED;
        }
    }

    private boolean eventWanted() {
        return receiveFromOn && binding != null && !CloseGate.isShut(this);
    }

    /**
     * Calls the receive-from event with the first {@code n} bytes of the loop's read buffer: a view valid only during
     * the call (SPEC G3, B4). An event that throws is reported and the datagram is dropped; the socket goes on, as a
     * datagram socket has no connection to end *(choice)*.
     */
    private void offerToEvent(int n, SocketAddress source) {
        ByteBuffer view = loop.eventView;
        view.clear();
        view.limit(n);
        loop.lendReadBuffer();
        CallSite outer = loop.clock == null ? null : loop.clock.started("receive-from event of " + this,
                trace == null ? null : trace.made, false);
        try {
            binding.onReceiveFrom(loop.eventData, source);
        } catch (Throwable t) {
            provider.errors.report("The receive-from event of " + this + " threw; its datagram is dropped and the"
                    + " socket goes on: catch exceptions inside events", t);
        } finally {
            if (loop.clock != null) {
                loop.clock.ended(outer);
            }
            loop.returnReadBuffer();
            if (loop.clock != null) {
                view.limit(0); // verifier (SPEC V6): data kept past the event reads as empty instead of as other bytes
            }
        }
    }

    @Override
    void stepEnded() {
        if (phase != Phase.BOUND) {
            return;
        }
        int ops = 0;
        if (!sends.isEmpty()) {
            ops |= Ready.WRITE;
        }
        if (!receives.isEmpty() || eventWanted()) {
            ops |= Ready.READ;
        }
        endpoint.interest(ops);
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    private NtStatus sendFailure(Throwable e) {
        if (e instanceof IllegalStateException) {
            return NtStatus.INVALID_PARAMETER; // AlreadyConnected: another address than SIO_WSK_SET_REMOTE_ADDRESS's
        }
        if (String.valueOf(e.getMessage()).contains("too long")) {
            return NtStatus.INVALID_PARAMETER; // EMSGSIZE: longer than a datagram can be
        }
        return statusOf(e);
    }

    private NtStatus statusOf(Throwable e) {
        NtStatus status = provider.transport.statusOf(e);
        if (status == NtStatus.UNSUCCESSFUL) {
            provider.errors.report(this + ": unexpected failure, completed as UNSUCCESSFUL", e);
        }
        return status;
    }

    @Override
    public WskProviderDatagramDispatch dispatch() {
        return provider.datagramDispatch;
    }

    @Override
    String kind() {
        return "datagram socket";
    }

    @Override
    String addressText(boolean local) {
        SocketAddress address = local ? localAddress : null;
        return address == null ? "" : Addresses.text(address);
    }
}
