package com.example.echo;

import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnReceiveComplete;
import io.wsk4j.annotations.OnSendComplete;
import java.io.ByteArrayOutputStream;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Sends one message, disconnects gracefully, reads the echo up to the server's FIN, then closes. */
public final class EchoClient {
    /** One call: what was sent and what came back. */
    static final class Call {
        final byte[] message;
        final ByteArrayOutputStream echo = new ByteArrayOutputStream();
        final ByteBuffer buffer = ByteBuffer.allocate(256);
        final WskBuf in = WskBuf.of(buffer);
        final CompletableFuture<String> result = new CompletableFuture<>();
        WskSocket socket;

        Call(String message) {
            this.message = message.getBytes(StandardCharsets.UTF_8);
        }
    }

    private EchoClientDispatch glue;

    private EchoClient() {}

    /** A client whose glue is set before any handler can run. */
    public static EchoClient create() {
        EchoClient client = new EchoClient();
        client.glue = new EchoClientDispatch(client);
        return client;
    }

    /** Sends {@code message} to {@code server}; the future completes with the echo, read up to the server's FIN. */
    public CompletableFuture<String> call(WskProvider provider, SocketAddress server, String message) {
        Call call = new Call(message);
        glue.connect(provider, server, call);
        return call.result;
    }

    @OnConnectComplete
    void connected(NtStatus status, WskSocket socket, Call call) {
        if (status != NtStatus.SUCCESS) {
            call.result.completeExceptionally(new IllegalStateException("connect completed " + status));
            return;
        }
        call.socket = socket;
        glue.send(socket, WskBuf.of(ByteBuffer.wrap(call.message)), call);
        glue.disconnect(socket, call); // FIN after the message
        glue.receive(socket, call.in, call);
    }

    @OnSendComplete
    void sent(NtStatus status, long bytes, Call call) {
        if (status != NtStatus.SUCCESS) {
            call.result.completeExceptionally(new IllegalStateException("send completed " + status));
        }
    }

    @OnDisconnectComplete
    void disconnected(NtStatus status, Call call) {
        if (status != NtStatus.SUCCESS) {
            call.result.completeExceptionally(new IllegalStateException("disconnect completed " + status));
        }
    }

    @OnReceiveComplete
    void received(NtStatus status, long bytes, Call call) {
        if (status == NtStatus.SUCCESS && bytes > 0) {
            call.echo.write(call.buffer.array(), 0, (int) bytes); // copy: the buffer is reused at once
            call.buffer.clear();
            glue.receive(call.socket, call.in, call);
        } else {
            if (status != NtStatus.SUCCESS) {
                call.result.completeExceptionally(new IllegalStateException("receive completed " + status));
            }
            glue.close(call.socket, call); // 0 bytes: the server's FIN, both directions done
        }
    }

    @OnCloseComplete
    void closed(NtStatus status, Call call) {
        call.result.complete(call.echo.toString(StandardCharsets.UTF_8));
    }
}
