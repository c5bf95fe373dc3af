package demo;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnReceiveComplete;
import io.wsk4j.annotations.OnSendComplete;

/** The seed's shape: the handler owns the IRP and returns MORE_PROCESSING_REQUIRED. */
class Seed {
    static final class Connection {}

    @OnConnectComplete
    NtStatus connectComplete(Irp irp, Connection connection) {
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    @OnSendComplete
    NtStatus sendComplete(Irp irp, Connection connection) {
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    @OnReceiveComplete
    NtStatus receiveComplete(Irp irp, Connection connection) {
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    @OnDisconnectComplete
    NtStatus disconnectComplete(Irp irp, Connection connection) {
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    @OnCloseComplete
    NtStatus closeComplete(Irp irp, Connection connection) {
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }
}
