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
 * <p>Sends use {@link SendFlags#NONE}, as the generated glue does: NODELAY would cost a setsockopt per connection
 * that the glue server cannot ask for, and a strict request/response exchange never waits for Nagle.
 */
final class WskRawEchoServer implements EchoServer {
    private final ServerTally tally;
    private final WskProvider provider;
    private final IrpPool irps = new IrpPool(1024);
    private final ConnectionPool connections = new ConnectionPool();
    private final CompletionRoutine<WskConnection> received = this::received;
    private final CompletionRoutine<WskConnection> sent = this::sent;
    private final CompletionRoutine<WskConnection> disconnected = this::disconnected;
    private final CompletionRoutine<WskConnection> closed = this::closed;
    private final WskClientListenDispatch<WskRawEchoServer> accept =
            (server, socket, local, remote) -> accepted(socket);
    private final WskListeners listeners;

    WskRawEchoServer(int threads, int ports, ServerTally tally, boolean verifier) throws InterruptedException {
        this.tally = tally;
        this.provider = WskProvider.builder()
                .ioThreads(threads)
                .verifier(verifier) // SPEC V: every dispatch records its stack; the case measures what that costs
                .closeTimeout(Duration.ofSeconds(2))
                .errorHandler(tally::error)
                .build();
        this.listeners = new WskListeners(ports,
                (address, index, irp) -> provider.socketListen(address, this, accept, irp));
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
