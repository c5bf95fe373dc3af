package io.wsk4j.examples.noloss;

import io.wsk4j.NtStatus;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnSendComplete;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The seed's pattern with generated glue: the disconnect handler performs the next operation, the close, through
 * the glue it holds (a record made by the dispatch's factory constructor).
 */
record CloseAfterDisconnect(CloseAfterDisconnectDispatch glue) {
    /** One connection: its socket and what each handler saw. */
    static final class Session {
        final BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();
        volatile WskSocket socket;
    }

    static CloseAfterDisconnectDispatch create() {
        return new CloseAfterDisconnectDispatch(CloseAfterDisconnect::new);
    }

    @OnConnectComplete
    void connected(NtStatus status, WskSocket socket, Session session) {
        session.socket = socket;
        session.outcomes.add("connect " + status);
    }

    @OnSendComplete
    void sent(NtStatus status, long bytes, Session session) {
        session.outcomes.add("send " + status + " " + bytes);
    }

    @OnDisconnectComplete
    void disconnected(NtStatus status, Session session) {
        session.outcomes.add("disconnect " + status);
        glue.close(session.socket, session);
    }

    @OnCloseComplete
    void closed(NtStatus status, Session session) {
        session.outcomes.add("close " + status);
    }
}
