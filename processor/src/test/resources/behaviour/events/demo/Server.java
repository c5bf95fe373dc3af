package demo;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnAcceptComplete;
import io.wsk4j.annotations.OnAcceptEvent;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnDisconnectEvent;
import io.wsk4j.annotations.OnReceiveEvent;
import io.wsk4j.processor.behaviour.Recorder;
import io.wsk4j.processor.behaviour.Session;
import java.net.SocketAddress;

public final class Server {
    /** The accepted socket's context: a type of its own, so its events form their own client dispatch. */
    public static final class Peer {
        public final Session listener;
        public final WskSocket socket;

        public Peer(Session listener, WskSocket socket) {
            this.listener = listener;
            this.socket = socket;
        }
    }

    private final Recorder recorder;

    public Server(Recorder recorder) {
        this.recorder = recorder;
    }

    @OnAcceptEvent
    Peer accepted(WskSocket socket, SocketAddress remote, Session listener) {
        Peer peer = new Peer(listener, socket);
        recorder.record("accepted", null, listener, peer);
        return peer;
    }

    /** An accept IRP's connection (SPEC K5): the peer context came with the IRP, before the socket existed. */
    @OnAcceptComplete
    void acceptedByIrp(NtStatus status, WskSocket socket, Peer peer) {
        recorder.record("acceptedByIrp", status, peer, socket);
    }

    @OnReceiveEvent
    long received(WskBuf data, Peer peer) {
        recorder.record("received", null, peer, data.length());
        return data.length();
    }

    @OnDisconnectEvent
    void peerDisconnected(DisconnectMode how, Peer peer) {
        recorder.record("peerDisconnected", null, peer, how);
    }

    @OnCloseComplete
    void closed(NtStatus status, Session session) {
        recorder.record("closed", status, session, null);
    }
}
