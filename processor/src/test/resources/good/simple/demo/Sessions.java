package demo;

import io.wsk4j.NtStatus;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnReceiveComplete;
import io.wsk4j.annotations.OnSendComplete;

public final class Sessions {
    public record Session(String name) {}

    @OnConnectComplete
    void connected(NtStatus status, WskSocket socket, Session session) {}

    @OnSendComplete
    void sent(NtStatus status, long bytes, Session session) {}

    @OnReceiveComplete
    void received(NtStatus status, Session session) {}

    @OnDisconnectComplete
    void disconnected(NtStatus status, Session session) {}

    @OnCloseComplete
    void closed(NtStatus status, Session session) {}
}
