package demo;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskOption;
import io.wsk4j.annotations.OnAddressInfoComplete;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnOptionComplete;
import io.wsk4j.annotations.OnReceiveFromComplete;
import io.wsk4j.annotations.OnReceiveFromEvent;
import io.wsk4j.annotations.OnSendToComplete;
import io.wsk4j.processor.behaviour.Recorder;
import io.wsk4j.processor.behaviour.Session;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

public final class Handlers {
    /** A second context type, for the faithful receiveFrom handler. */
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

    @OnSendToComplete
    void sent(NtStatus status, long bytes, Session session) {
        recorder.record("sent", status, session, bytes);
    }

    @OnReceiveFromComplete
    void received(NtStatus status, long bytes, SocketAddress source, Session session) {
        recorder.record("received", status, session, Arrays.asList(bytes, source));
    }

    @OnReceiveFromComplete
    NtStatus receiveComplete(Irp irp, Owned owned) {
        NtStatus status = irp.status();
        long bytes = irp.information();
        SocketAddress source = irp.address();
        irp.free(); // before recording: the test looks at the IRP as soon as the record arrives
        recorder.record("receiveComplete", status, owned.session, Arrays.asList(bytes, source));
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    @OnAddressInfoComplete
    void resolved(NtStatus status, List<InetSocketAddress> addresses, Session session) {
        recorder.record("resolved", status, session, addresses);
    }

    @OnReceiveFromEvent
    void arrived(WskBuf datagram, SocketAddress source, Session session) {
        StringBuilder text = new StringBuilder(); // the view is valid only during the call: copy it (SPEC B4)
        for (int i = 0; i < datagram.bufferCount(); i++) {
            text.append(StandardCharsets.US_ASCII.decode(datagram.buffer(i).duplicate()));
        }
        recorder.record("arrived", null, session, Arrays.asList(text.toString(), source));
    }

    @OnOptionComplete
    <T> void optionDone(NtStatus status, WskOption<T> option, T value, Session session) {
        recorder.record("optionDone", status, session, Arrays.asList(option, value));
    }

    @OnCloseComplete
    void closed(NtStatus status, Session session) {
        recorder.record("closed", status, session, null);
    }
}
