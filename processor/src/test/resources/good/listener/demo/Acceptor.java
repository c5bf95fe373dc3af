package demo;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnAcceptComplete;
import io.wsk4j.annotations.OnAcceptEvent;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnListenComplete;
import io.wsk4j.annotations.OnReceiveEvent;
import java.net.SocketAddress;

/** A record handler that holds its glue: made with {@code new AcceptorDispatch(Acceptor::new)}. */
public record Acceptor(AcceptorDispatch glue) {
    public record Port(String name) {}

    public record Peer(WskSocket socket) {}

    public record Spare(String name) {}

    @OnListenComplete
    void listening(NtStatus status, WskListenSocket listener, Port port) {
        if (status.isSuccess() && port.name().isEmpty()) {
            glue.close(listener, port); // an unnamed port is not wanted: the record reaches its glue
        }
    }

    @OnAcceptEvent
    Peer accepted(WskSocket socket, SocketAddress remote, Port port) {
        return new Peer(socket);
    }

    @OnAcceptComplete
    void acceptedByIrp(NtStatus status, WskSocket accepted, Peer peer) {}

    @OnAcceptComplete
    NtStatus acceptedFaithfully(Irp irp, Spare spare) {
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    @OnReceiveEvent
    long received(WskBuf data, Peer peer) {
        return data.length();
    }

    @OnCloseComplete
    void closed(NtStatus status, Port port) {}
}
