package io.wsk4j.benchmarks;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskAccept;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The same echo written the WSK way on the wsk4j runtime: an accept event, then a receive, a send of what it got, a
 * receive again; at the client's FIN a graceful disconnect, then a close. Every step runs in a completion routine on
 * the I/O thread, with pooled IRPs and routines made once.
 */
final class WskEchoServer implements EchoServer {
    private static final int BUFFER_SIZE = 4096;

    /** Per connection: its socket and buffer. */
    private static final class Connection {
        final WskSocket socket;
        final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
        final WskBuf data = WskBuf.of(buffer);

        Connection(WskSocket socket) {
            this.socket = socket;
        }
    }

    private final WskProvider provider = WskProvider.builder().ioThreads(1).closeTimeout(Duration.ofSeconds(2)).build();
    private final IrpPool pool = new IrpPool(1024);
    private final CompletionRoutine<Connection> received = this::received;
    private final CompletionRoutine<Connection> sent = this::sent;
    private final CompletionRoutine<Connection> disconnected = this::disconnected;
    private final CompletionRoutine<Connection> closed = this::closed;
    private final WskSocket listening;
    private final InetSocketAddress address;

    WskEchoServer() throws InterruptedException {
        BlockingQueue<Irp> done = new LinkedBlockingQueue<>();
        CompletionRoutine<BlockingQueue<Irp>> keep = (irp, queue) -> {
            queue.add(irp);
            return NtStatus.MORE_PROCESSING_REQUIRED;
        };
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine(keep, done, true, true, true);
        provider.socketListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), this,
                (server, socket, local, remote) -> server.accepted(socket), irp);
        listening = take(done).socket();
        irp.reuse(NtStatus.SUCCESS);
        irp.setCompletionRoutine(keep, done, true, true, true);
        listening.dispatch().getLocalAddress(listening, irp);
        address = (InetSocketAddress) take(done).address();
        irp.free();
    }

    private static Irp take(BlockingQueue<Irp> done) throws InterruptedException {
        Irp irp = done.poll(10, TimeUnit.SECONDS);
        if (irp == null || irp.status() != NtStatus.SUCCESS) {
            throw new IllegalStateException("the echo server did not start: " + irp);
        }
        return irp;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    private WskAccept accepted(WskSocket socket) {
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
            c.socket.dispatch().closeSocket(c.socket, irp(closed, c));
        } else if (bytes == 0) {
            c.socket.dispatch().disconnect(c.socket, null, DisconnectMode.GRACEFUL, irp(disconnected, c));
        } else {
            c.buffer.flip();
            c.socket.dispatch().send(c.socket, c.data, SendFlags.NODELAY, irp(sent, c));
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus sent(Irp irp, Connection c) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        if (status == NtStatus.SUCCESS) {
            receive(c);
        } else {
            c.socket.dispatch().closeSocket(c.socket, irp(closed, c));
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus disconnected(Irp irp, Connection c) {
        pool.recycle(irp);
        c.socket.dispatch().closeSocket(c.socket, irp(closed, c));
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus closed(Irp irp, Connection c) {
        pool.recycle(irp);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    @Override
    public void close() throws Exception {
        Irp irp = Irp.allocate();
        BlockingQueue<Irp> done = new LinkedBlockingQueue<>();
        irp.setCompletionRoutine((i, q) -> {
            q.add(i);
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, done, true, true, true);
        listening.dispatch().closeSocket(listening, irp);
        done.poll(10, TimeUnit.SECONDS);
        provider.close();
    }
}
