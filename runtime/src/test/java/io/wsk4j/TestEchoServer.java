package io.wsk4j;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An echo server as a user would write it on the raw API, for the load tests: every step in a completion routine,
 * one receive or send in flight per connection; at the peer's FIN a graceful disconnect with the final buffer
 * {@link #TRAILER}, then a close; on any error, a close.
 */
final class TestEchoServer implements AutoCloseable {
    static final byte[] TRAILER = "BYE".getBytes(StandardCharsets.US_ASCII);

    /** One connection: its socket, buffer and the IRP that carries its steps. */
    private final class Connection {
        final WskSocket socket;
        final ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        final WskBuf data = WskBuf.of(buffer);
        final WskBuf trailer = WskBuf.of(ByteBuffer.wrap(TRAILER).asReadOnlyBuffer());

        Connection(WskSocket socket) {
            this.socket = socket;
        }
    }

    final WskProvider provider;
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong closed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    private final IrpPool pool = new IrpPool(4096);
    private final CompletionRoutine<Connection> received = this::received;
    private final CompletionRoutine<Connection> sent = this::sent;
    private final CompletionRoutine<Connection> disconnected = this::disconnected;
    private final CompletionRoutine<Connection> closedRoutine = this::closedRoutine;
    private final WskListenSocket listening;
    final SocketAddress address;

    TestEchoServer(int ioThreads, Duration closeTimeout) throws InterruptedException {
        provider = WskProvider.builder().ioThreads(ioThreads).closeTimeout(closeTimeout)
                .errorHandler((message, error) -> errors.incrementAndGet()).build();
        BlockingQueue<Irp> done = new LinkedBlockingQueue<>();
        CompletionRoutine<BlockingQueue<Irp>> keep = (irp, queue) -> {
            queue.add(irp);
            return NtStatus.MORE_PROCESSING_REQUIRED;
        };
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine(keep, done, true, true, true);
        provider.socketListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), this,
                (server, socket, local, remote) -> server.accepted(socket), irp);
        listening = done.poll(10, TimeUnit.SECONDS).listenSocket();
        irp.reuse(NtStatus.SUCCESS);
        irp.setCompletionRoutine(keep, done, true, true, true);
        listening.dispatch().getLocalAddress(listening, irp);
        address = done.poll(10, TimeUnit.SECONDS).address();
        irp.free();
    }

    private WskAccept accepted(WskSocket socket) {
        accepted.incrementAndGet();
        Connection connection = new Connection(socket);
        receive(connection);
        return WskAccept.accept(connection, null);
    }

    private Irp irp(CompletionRoutine<Connection> routine, Connection connection) {
        Irp irp = pool.take();
        irp.setCompletionRoutine(routine, connection, true, true, true);
        return irp;
    }

    private void receive(Connection c) {
        c.buffer.clear();
        c.socket.dispatch().receive(c.socket, c.data, ReceiveFlags.NONE, irp(received, c));
    }

    private NtStatus received(Irp irp, Connection c) {
        NtStatus status = irp.status();
        long bytes = irp.information();
        pool.recycle(irp);
        if (status != NtStatus.SUCCESS) {
            close(c);
        } else if (bytes == 0) {
            c.trailer.buffer(0).rewind();
            c.socket.dispatch().disconnect(c.socket, c.trailer, DisconnectMode.GRACEFUL, irp(disconnected, c));
        } else {
            c.buffer.flip();
            c.socket.dispatch().send(c.socket, c.data, SendFlags.NONE, irp(sent, c));
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus sent(Irp irp, Connection c) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        if (status == NtStatus.SUCCESS) {
            receive(c);
        } else {
            close(c);
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus disconnected(Irp irp, Connection c) {
        pool.recycle(irp);
        close(c); // the seed's pattern: close in the disconnect's routine
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private void close(Connection c) {
        c.socket.dispatch().closeSocket(c.socket, irp(closedRoutine, c));
    }

    private NtStatus closedRoutine(Irp irp, Connection c) {
        pool.recycle(irp);
        closed.incrementAndGet();
        synchronized (closed) {
            closed.notifyAll();
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    /** Waits, bounded, until every connection accepted so far has been closed; true if so. */
    boolean awaitAllClosed(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (closed) {
            long left;
            while (closed.get() < accepted.get() && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(closed, left);
            }
        }
        return closed.get() == accepted.get();
    }

    /** IRPs taken and not given back. */
    int outstandingIrps() {
        return pool.outstanding();
    }

    @Override
    public void close() {
        BlockingQueue<Irp> done = new LinkedBlockingQueue<>();
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((i, q) -> {
            q.add(i);
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, done, true, true, true);
        listening.dispatch().closeSocket(listening, irp);
        try {
            done.poll(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        provider.close();
    }
}
