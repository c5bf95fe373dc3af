package demo;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnReceiveFromComplete;
import io.wsk4j.annotations.OnReceiveFromEvent;
import io.wsk4j.annotations.OnSendToComplete;
import java.net.SocketAddress;

public final class Datagrams {
    public record Flow(String name) {}

    public record Probe(String name) {}

    @OnSendToComplete
    void sent(NtStatus status, long bytes, Flow flow) {}

    /** Not a handler: it shares the name, so the glue calls the handler through a lambda. */
    void sent(NtStatus status, Flow flow) {}

    @OnSendToComplete
    void probeSent(NtStatus status, Probe probe) {}

    @OnReceiveFromComplete
    void received(NtStatus status, long bytes, SocketAddress source, Flow flow) {}

    @OnReceiveFromComplete
    NtStatus probeReceived(Irp irp, Probe probe) {
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    @OnReceiveFromEvent
    void arrived(WskBuf datagram, SocketAddress source, Flow flow) {}

    @OnCloseComplete
    void closed(NtStatus status, Flow flow) {}
}
