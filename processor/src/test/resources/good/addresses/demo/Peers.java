package demo;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.annotations.OnAddressComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import java.net.SocketAddress;

public final class Peers {
    public record Peer(String name) {}

    public record Probe(String name) {}

    @OnAddressComplete
    void addressed(NtStatus status, SocketAddress address, Peer peer) {}

    @OnAddressComplete
    NtStatus probed(Irp irp, Probe probe) {
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    @OnDisconnectComplete
    void ended(NtStatus status, DisconnectMode mode, Peer peer) {}

    /** Not a handler: it shares the name, so the glue calls the handler through a lambda. */
    void ended(NtStatus status, Peer peer) {}

    @OnDisconnectComplete
    void probeEnded(NtStatus status, Probe probe) {}
}
