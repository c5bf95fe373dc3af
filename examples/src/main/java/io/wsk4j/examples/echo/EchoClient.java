package io.wsk4j.examples.echo;

import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnReceiveComplete;
import io.wsk4j.annotations.OnSendComplete;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client side: connect, send each message and wait for its echo, then disconnect gracefully, read until the
 * server's FIN and close (quietly, since both directions are done). Driven entirely from completion handlers.
 */
public final class EchoClient {
    /** One client run: its messages, what came back, and how it ended. */
    public static final class Session {
        final List<String> messages;
        final List<String> echoes = new ArrayList<>();
        final ByteBuffer inbound = ByteBuffer.allocate(4096);
        final WskBuf inboundBuf = WskBuf.of(inbound);
        final CompletableFuture<Result> result = new CompletableFuture<>();
        WskSocket socket;
        int next;
        int expected;
        NtStatus disconnect;
        boolean finishing;

        Session(List<String> messages) {
            this.messages = List.copyOf(messages);
        }

        public CompletableFuture<Result> result() {
            return result;
        }
    }

    /** What the client saw. */
    public record Result(List<String> echoes, NtStatus disconnect, NtStatus close) {}

    private final EchoClientDispatch glue;

    private EchoClient(EchoClientDispatch glue) {
        this.glue = glue;
    }

    /** The handlers drive the session through the glue, which hands itself to their constructor. */
    public static EchoClient create() {
        return new EchoClientDispatch(EchoClient::new).handlers();
    }

    /** Starts a session; its result completes when the socket is closed. */
    public Session start(WskProvider provider, SocketAddress server, List<String> messages) {
        Session session = new Session(messages);
        glue.connect(provider, server, session);
        return session;
    }

    @OnConnectComplete
    void connected(NtStatus status, WskSocket socket, Session session) {
        if (status != NtStatus.SUCCESS) {
            session.result.completeExceptionally(new IllegalStateException("connect completed " + status));
            return;
        }
        session.socket = socket;
        sendNext(session);
    }

    private void sendNext(Session session) {
        if (session.next == session.messages.size()) {
            session.finishing = true;
            glue.disconnect(session.socket, session);
            return;
        }
        byte[] message = session.messages.get(session.next++).getBytes(StandardCharsets.US_ASCII);
        session.expected = message.length;
        glue.send(session.socket, WskBuf.of(ByteBuffer.wrap(message)), session);
    }

    @OnSendComplete
    void sent(NtStatus status, long bytes, Session session) {
        if (status != NtStatus.SUCCESS) {
            fail(session, "send", status);
            return;
        }
        session.inbound.clear().limit(session.expected);
        glue.receive(session.socket, session.inboundBuf, session);
    }

    @OnReceiveComplete
    void received(NtStatus status, long bytes, Session session) {
        if (status != NtStatus.SUCCESS) {
            fail(session, "receive", status);
        } else if (session.finishing) {
            if (bytes == 0) {
                glue.close(session.socket, session); // the server's FIN: both directions are done
            } else {
                session.inbound.clear();
                glue.receive(session.socket, session.inboundBuf, session);
            }
        } else if (bytes == 0) {
            fail(session, "receive (early FIN)", status);
        } else if (session.inbound.hasRemaining()) {
            glue.receive(session.socket, session.inboundBuf, session); // the rest of this echo
        } else {
            session.echoes.add(new String(session.inbound.array(), 0, session.expected, StandardCharsets.US_ASCII));
            sendNext(session);
        }
    }

    @OnDisconnectComplete
    void disconnected(NtStatus status, Session session) {
        session.disconnect = status;
        session.inbound.clear();
        glue.receive(session.socket, session.inboundBuf, session);
    }

    @OnCloseComplete
    void closed(NtStatus status, Session session) {
        session.result.complete(new Result(List.copyOf(session.echoes), session.disconnect, status));
    }

    private void fail(Session session, String what, NtStatus status) {
        session.result.completeExceptionally(new IllegalStateException(what + " completed " + status));
        glue.close(session.socket, session);
    }

    /**
     * Sends each message to an echo server and prints what came back: {@code EchoClient [[host:]port [message...]]},
     * 127.0.0.1:7007 and "hello" unless given. Exits 1 if an echo differs or the connection fails.
     */
    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** What {@link #main} does, with its exit status returned. */
    static int run(String[] args, PrintStream out) throws InterruptedException {
        String target = args.length > 0 ? args[0] : "7007";
        int colon = target.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : target.substring(0, colon);
        int port = Integer.parseInt(target.substring(colon + 1));
        List<String> messages = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("hello");
        try (WskProvider provider = WskProvider.open()) {
            Result result = create().start(provider, new InetSocketAddress(host, port), messages)
                    .result()
                    .get(30, TimeUnit.SECONDS);
            for (String echo : result.echoes()) {
                out.println("echo client got back \"" + echo + "\"");
            }
            out.println("echo client: disconnect " + result.disconnect() + ", close " + result.close());
            return result.echoes().equals(messages) ? 0 : 1;
        } catch (ExecutionException | TimeoutException e) {
            out.println("echo client failed: " + (e.getCause() != null ? e.getCause().getMessage() : e));
            return 1;
        }
    }
}
