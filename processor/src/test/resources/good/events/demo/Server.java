package demo;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnAcceptEvent;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectEvent;
import io.wsk4j.annotations.OnReceiveEvent;
import java.net.SocketAddress;

public final class Server {
    public record Listener(String name) {}

    public record Client(SocketAddress remote) {}

    public record Upstream(String name) {}

    @OnAcceptEvent
    Client accepted(WskSocket socket, SocketAddress remote, Listener listener) {
        return new Client(remote);
    }

    @OnReceiveEvent
    long received(WskBuf data, Client client) {
        return data.length();
    }

    @OnDisconnectEvent
    void peerDisconnected(DisconnectMode how, Client client) {}

    @OnConnectComplete
    void connected(NtStatus status, WskSocket socket, Upstream upstream) {}

    @OnDisconnectEvent
    void upstreamDisconnected(DisconnectMode how, Upstream upstream) {}
}
