package it;

import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnSendComplete;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Connects, says hello, disconnects gracefully, closes: each step's completion starts the next. */
public final class Greeter {
    /** One greeting and how it ended. */
    public static final class Greeting {
        final WskBuf message;
        public final CompletableFuture<NtStatus> done = new CompletableFuture<>();
        public final CompletableFuture<Long> sent = new CompletableFuture<>();
        WskSocket socket;
        NtStatus disconnectStatus;

        public Greeting(String text) {
            this.message = WskBuf.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private final GreeterDispatch dispatch = new GreeterDispatch(this);

    /** Starts the greeting; {@code greeting.done} completes with the disconnect's status. */
    public NtStatus greet(WskProvider provider, SocketAddress remote, Greeting greeting) {
        return dispatch.connect(provider, remote, greeting);
    }

    @OnConnectComplete
    void connected(NtStatus status, WskSocket socket, Greeting greeting) {
        if (!status.isSuccess()) {
            greeting.done.complete(status);
            return;
        }
        greeting.socket = socket;
        dispatch.send(socket, greeting.message, greeting);
        dispatch.disconnect(socket, greeting);
    }

    @OnSendComplete
    void sent(NtStatus status, long bytes, Greeting greeting) {
        greeting.sent.complete(bytes);
    }

    @OnDisconnectComplete
    void disconnected(NtStatus status, Greeting greeting) {
        greeting.disconnectStatus = status;
        dispatch.close(greeting.socket, greeting);
    }

    @OnCloseComplete
    void closed(NtStatus status, Greeting greeting) {
        greeting.done.complete(greeting.disconnectStatus);
    }
}
