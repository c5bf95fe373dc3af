package io.wsk4j.benchmarks;

import io.wsk4j.NtStatus;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnAcceptEvent;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnReceiveComplete;
import io.wsk4j.annotations.OnSendComplete;
import java.net.SocketAddress;

/**
 * The same echo as {@link WskRawEchoServer}, step for step, written as annotated handlers: javac generates
 * {@code GlueEchoDispatch}, which owns the pooled IRPs and the routines. What differs from the raw server is only
 * what the glue costs.
 */
final class GlueEcho {
    /** The listening sockets' context. */
    record Port(int index) {}

    private final ServerTally tally;
    private final ConnectionPool connections = new ConnectionPool();
    /** Set right after construction: the glue calls these handlers and the handlers start the next operation. */
    GlueEchoDispatch glue;

    GlueEcho(ServerTally tally) {
        this.tally = tally;
    }

    @OnAcceptEvent
    WskConnection accepted(WskSocket socket, SocketAddress remote, Port port) {
        WskConnection c = connections.take(socket);
        glue.receive(socket, c.data, c);
        return c;
    }

    @OnReceiveComplete
    void received(NtStatus status, long bytes, WskConnection c) {
        if (status == NtStatus.SUCCESS && bytes > 0) {
            c.buffer.flip();
            glue.send(c.socket, c.data, c);
        } else if (status == NtStatus.SUCCESS) {
            tally.fin(); // 0 bytes: the peer's FIN
            glue.disconnect(c.socket, c);
        } else {
            ended(c, "receive", status);
        }
    }

    @OnSendComplete
    void sent(NtStatus status, long bytes, WskConnection c) {
        if (status == NtStatus.SUCCESS) {
            c.buffer.clear();
            glue.receive(c.socket, c.data, c);
        } else {
            ended(c, "send", status);
        }
    }

    @OnDisconnectComplete
    void disconnected(NtStatus status, WskConnection c) {
        if (status != NtStatus.SUCCESS) {
            tally.error("graceful disconnect completed " + status);
        }
        glue.close(c.socket, c); // both directions done: a quiet close
    }

    @OnCloseComplete
    void closed(NtStatus status, WskConnection c) {
        if (status == NtStatus.SUCCESS) {
            tally.closed();
        } else {
            tally.error("close completed " + status);
        }
        connections.recycle(c);
    }

    private void ended(WskConnection c, String operation, NtStatus status) {
        if (status == NtStatus.CONNECTION_RESET) {
            tally.reset();
        } else {
            tally.error(operation + " completed " + status);
        }
        glue.close(c.socket, c);
    }
}
