package demo;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnSendComplete;

public class Multi {
    public record User(String name) {}

    public record Admin(String name) {}

    @OnDisconnectComplete
    void done(NtStatus status, User user) {}

    @OnDisconnectComplete
    void done(NtStatus status, Admin admin) {}

    @OnSendComplete
    void sent(NtStatus status, User user) {}

    @OnSendComplete
    NtStatus sent(Irp irp, Admin admin) {
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }
}
