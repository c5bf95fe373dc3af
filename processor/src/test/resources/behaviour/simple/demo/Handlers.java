package demo;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnReceiveComplete;
import io.wsk4j.annotations.OnSendComplete;
import io.wsk4j.processor.behaviour.Recorder;
import io.wsk4j.processor.behaviour.Session;

public final class Handlers {
    /** A second context type, for the faithful disconnect handler. */
    public static final class Owned {
        final Session session;

        public Owned(Session session) {
            this.session = session;
        }
    }

    private final Recorder recorder;

    public Handlers(Recorder recorder) {
        this.recorder = recorder;
    }

    @OnConnectComplete
    void connected(NtStatus status, WskSocket socket, Session session) {
        recorder.record("connected", status, session, socket);
    }

    @OnSendComplete
    void sent(NtStatus status, long bytes, Session session) {
        recorder.record("sent", status, session, bytes);
    }

    @OnReceiveComplete
    void received(NtStatus status, long bytes, Session session) {
        recorder.record("received", status, session, bytes);
    }

    @OnDisconnectComplete
    void disconnected(NtStatus status, Session session) {
        recorder.record("disconnected", status, session, null);
    }

    @OnDisconnectComplete
    NtStatus disconnectComplete(Irp irp, Owned owned) {
        NtStatus status = irp.status();
        boolean pendingReturned = irp.pendingReturned();
        irp.free(); // before recording: the test looks at the IRP as soon as the record arrives
        recorder.record("disconnectComplete", status, owned.session, pendingReturned);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    @OnCloseComplete
    void closed(NtStatus status, Session session) {
        recorder.record("closed", status, session, null);
    }
}
