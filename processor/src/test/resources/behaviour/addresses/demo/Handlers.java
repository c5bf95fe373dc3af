package demo;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnAddressComplete;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.processor.behaviour.Recorder;
import io.wsk4j.processor.behaviour.Session;
import java.net.SocketAddress;

public final class Handlers {
    /** A second context type, for the faithful address handler. */
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

    @OnAddressComplete
    void addressed(NtStatus status, SocketAddress address, Session session) {
        recorder.record("addressed", status, session, address);
    }

    @OnAddressComplete
    NtStatus addressComplete(Irp irp, Owned owned) {
        NtStatus status = irp.status();
        SocketAddress address = irp.address();
        irp.free();
        recorder.record("addressComplete", status, owned.session, address);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    @OnDisconnectComplete
    void disconnected(NtStatus status, DisconnectMode mode, Session session) {
        recorder.record("disconnected", status, session, mode);
    }

    @OnCloseComplete
    void closed(NtStatus status, Session session) {
        recorder.record("closed", status, session, null);
    }
}
