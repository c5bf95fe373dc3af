package io.wsk4j.benchmarks;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskAccept;
import io.wsk4j.WskClientListenDispatch;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * The echo written the WSK way against the raw API, as a kernel driver would: an accept event starts a receive; its
 * completion sends what came, the send's completion receives again; a receive of 0 bytes (the peer's FIN) starts a
 * graceful disconnect, whose completion closes (both directions done: a quiet close); a reset closes at once. Every
 * step runs in a completion routine on the I/O thread. Routines are fields made once and IRPs come from an
 * {@link IrpPool}, so an operation allocates nothing; the glue server does exactly the same through generated code.
 *
 * <p>With {@code acceptIrps} it accepts the WskAccept way instead (SPEC K5): each listening socket is made without a
 * listen dispatch (no accept event) and keeps {@value #ACCEPTS_IN_FLIGHT} accept IRPs pending; each one's completion
 * posts it again at once, then starts the connection's first receive, so a connection waits in the kernel's backlog
 * only while every IRP of its listener is on its way back.
 *
 * <p>Sends use {@link SendFlags#NONE}, as the generated glue does: NODELAY would cost a setsockopt per connection
 * that the glue server cannot ask for, and a strict request/response exchange never waits for Nagle.
 */
final class WskRawEchoServer implements EchoServer {
    /** Enough that a burst of connects finds an IRP pending; each one costs only its Irp object. */
    static final int ACCEPTS_IN_FLIGHT = 8;

    private final ServerTally tally;
    private final WskProvider provider;
    private final IrpPool irps = new IrpPool(1024);
    private final ConnectionPool connections = new ConnectionPool();
    private final CompletionRoutine<WskConnection> received = this::received;
    private final CompletionRoutine<WskConnection> sent = this::sent;
    private final CompletionRoutine<WskConnection> disconnected = this::disconnected;
    private final CompletionRoutine<WskConnection> closed = this::closed;
    private final CompletionRoutine<WskListenSocket> acceptedIrp = this::acceptedIrp;
    private final WskClientListenDispatch<WskRawEchoServer> accept =
            (server, socket, local, remote) -> accepted(socket);
    private final WskListeners listeners;

    WskRawEchoServer(int threads, int ports, ServerTally tally, boolean verifier, boolean acceptIrps)
            throws InterruptedException {
        this.tally = tally;
        this.provider = WskProvider.builder()
                .ioThreads(threads)
                .verifier(verifier) // SPEC V: every dispatch records its stack; the case measures what that costs
                .closeTimeout(Duration.ofSeconds(2))
                .errorHandler(tally::error)
                .build();
        this.listeners = acceptIrps
                ? new WskListeners(ports, (address, index, irp) -> provider.listenSocket(this, null, irp), true)
                : new WskListeners(ports, (address, index, irp) -> provider.socketListen(address, this, accept, irp));
        if (acceptIrps) {
            for (WskListenSocket listener : listeners.sockets()) {
                for (int i = 0; i < ACCEPTS_IN_FLIGHT; i++) {
                    accept(listener, Irp.allocate()); // each IRP serves its listener for the whole run
                }
            }
        }
    }

    private void accept(WskListenSocket listener, Irp irp) {
        irp.setCompletionRoutine(acceptedIrp, listener, true, true, true);
        listener.dispatch().accept(listener, null, null, irp); // no events: the echo runs on IRPs alone
    }

    /**
     * An accept IRP completed, on the accepted socket's I/O thread: serve the connection, then post the IRP again. A
     * connection that broke before it was accepted is not the listener's failure: the IRP goes on.
     */
    private NtStatus acceptedIrp(Irp irp, WskListenSocket listener) {
        NtStatus status = irp.status();
        if (status == NtStatus.SUCCESS) {
            receive(connections.take(irp.socket()));
        } else if (status != NtStatus.CONNECTION_RESET && status != NtStatus.CONNECTION_ABORTED) {
            if (status != NtStatus.CANCELLED) { // CANCELLED: the listener is closing
                tally.error("accept completed " + status);
            }
            irp.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }
        irp.reuse(NtStatus.SUCCESS);
        try {
            accept(listener, irp);
        } catch (IllegalStateException closed) {
            irp.free(); // the listener was closed after this IRP completed (SPEC C5): the run is over
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    @Override
    public List<InetSocketAddress> addresses() {
        return listeners.addresses();
    }

    private WskAccept accepted(WskSocket socket) {
        WskConnection c = connections.take(socket);
        receive(c);
        return WskAccept.accept(c, null);
    }

    private Irp irp(CompletionRoutine<WskConnection> routine, WskConnection c) {
        Irp irp = irps.take();
        irp.setCompletionRoutine(routine, c, true, true, true);
        return irp;
    }

    private void receive(WskConnection c) {
        c.buffer.clear();
        c.socket.dispatch().receive(c.socket, c.data, ReceiveFlags.NONE, irp(received, c));
    }

    private NtStatus received(Irp irp, WskConnection c) {
        NtStatus status = irp.status();
        long bytes = irp.information();
        irps.recycle(irp);
        if (status == NtStatus.SUCCESS && bytes > 0) {
            c.buffer.flip();
            c.socket.dispatch().send(c.socket, c.data, SendFlags.NONE, irp(sent, c));
        } else if (status == NtStatus.SUCCESS) {
            tally.fin();
            c.socket.dispatch().disconnect(c.socket, null, DisconnectMode.GRACEFUL, irp(disconnected, c));
        } else {
            ended(c, "receive", status);
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus sent(Irp irp, WskConnection c) {
        NtStatus status = irp.status();
        irps.recycle(irp);
        if (status == NtStatus.SUCCESS) {
            receive(c);
        } else {
            ended(c, "send", status);
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus disconnected(Irp irp, WskConnection c) {
        NtStatus status = irp.status();
        irps.recycle(irp);
        if (status != NtStatus.SUCCESS) {
            tally.error("graceful disconnect completed " + status);
        }
        c.socket.dispatch().closeSocket(c.socket, irp(closed, c));
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus closed(Irp irp, WskConnection c) {
        NtStatus status = irp.status();
        irps.recycle(irp);
        if (status == NtStatus.SUCCESS) {
            tally.closed();
        } else {
            tally.error("close completed " + status);
        }
        connections.recycle(c);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    /** A receive or send that did not succeed: the peer's reset is expected (abortive churn), the rest is not. */
    private void ended(WskConnection c, String operation, NtStatus status) {
        if (status == NtStatus.CONNECTION_RESET) {
            tally.reset();
        } else {
            tally.error(operation + " completed " + status);
        }
        c.socket.dispatch().closeSocket(c.socket, irp(closed, c));
    }

    @Override
    public void close() {
        String problem = listeners.close();
        if (problem != null) {
            tally.error(problem);
        }
        provider.close();
    }
}
