package io.wsk4j.examples.keepalive;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskOption;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A client that asks one question and will not wait for ever: it connects, turns TCP keep-alive on (SO_KEEPALIVE,
 * then its timing where the platform has it), sends its request, and bounds the receive of the answer with
 * {@link Irp#cancelAfter} (SPEC K3, N2), the receive time-out that WSK code otherwise builds from a timer and
 * IoCancelIrp. Keep-alive finds a peer that vanished without a FIN while the connection is idle; the deadline bounds
 * the wait for one answer.
 *
 * <p>One IRP carries every step, reused from its own completion routine, as a WSK driver would do it.
 *
 * <p>Run it with {@code ./mvnw -q -DskipTests package exec:java
 * -Dexec.mainClass=io.wsk4j.examples.keepalive.KeepaliveClient -Dexec.args="localhost 7000 hello 2"} against, say,
 * {@code nc -l 7000}: type an answer in nc within 2 seconds, or see the receive cancelled.
 */
public final class KeepaliveClient {
    /** Idle time before the first probe, time between probes, probes before the connection is dropped. */
    static final Duration KEEPALIVE_IDLE = Duration.ofSeconds(60);
    static final Duration KEEPALIVE_INTERVAL = Duration.ofSeconds(10);
    static final int KEEPALIVE_PROBES = 5;
    private static final int ANSWER_BUFFER = 1024;

    /**
     * What one call saw.
     *
     * @param steps each step and the status it completed with, in order
     * @param answerStatus the receive's status: SUCCESS, CANCELLED at the deadline, or the failure; null if the call
     *     never got that far
     * @param answer the bytes of the answer as text ("" if none)
     */
    public record Outcome(List<String> steps, NtStatus answerStatus, String answer) {}

    /** The steps, in order: the completion routine runs one and starts the next. */
    private enum Step { CONNECT, KEEPALIVE, KEEPIDLE, KEEPINTVL, KEEPCNT, SEND, RECEIVE, DISCONNECT, CLOSE }

    /** One call's context: what the routine needs to go on, typed (no PVOID to cast back). */
    private static final class Call {
        final Irp irp = Irp.allocate();
        final ByteBuffer request;
        final ByteBuffer answer = ByteBuffer.allocate(ANSWER_BUFFER);
        final Duration deadline;
        final List<String> steps = new ArrayList<>();
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Step step = Step.CONNECT;
        WskSocket socket;
        NtStatus answerStatus;

        Call(String request, Duration deadline) {
            this.request = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
            this.deadline = deadline;
        }
    }

    private static final CompletionRoutine<Call> NEXT = KeepaliveClient::next;

    private KeepaliveClient() {}

    /**
     * Connects to {@code server}, sends {@code request}, and waits at most {@code deadline} for an answer.
     *
     * @param provider the provider (NIO, or a simulation's)
     * @param server where to connect
     * @param request the text to send
     * @param deadline how long the receive of the answer may stay pending
     * @return completes once the socket is closed
     */
    public static CompletableFuture<Outcome> ask(WskProvider provider, SocketAddress server, String request,
            Duration deadline) {
        Call call = new Call(request, deadline);
        call.irp.setCompletionRoutine(NEXT, call, true, true, true);
        provider.socketConnect(server, null, null, call.irp);
        return call.outcome;
    }

    /** The completion routine of every step: records it, then starts the next one with the same IRP. */
    private static NtStatus next(Irp irp, Call call) {
        NtStatus status = irp.status();
        call.steps.add(call.step + " " + status.name());
        switch (call.step) {
            case CONNECT:
                if (!status.isSuccess()) {
                    return finish(call);
                }
                call.socket = irp.socket();
                set(call, Step.KEEPALIVE, WskOption.SO_KEEPALIVE, true);
                break;
            case KEEPALIVE:
                // the timing is worth setting only where keep-alive is on; NOT_SUPPORTED for one of them is no reason
                // to give up the call: the system's defaults stay
                if (status.isSuccess()) {
                    set(call, Step.KEEPIDLE, WskOption.TCP_KEEPIDLE, KEEPALIVE_IDLE);
                } else {
                    send(call);
                }
                break;
            case KEEPIDLE:
                set(call, Step.KEEPINTVL, WskOption.TCP_KEEPINTVL, KEEPALIVE_INTERVAL);
                break;
            case KEEPINTVL:
                set(call, Step.KEEPCNT, WskOption.TCP_KEEPCNT, KEEPALIVE_PROBES);
                break;
            case KEEPCNT:
                send(call);
                break;
            case SEND:
                if (status.isSuccess()) {
                    receive(call);
                } else {
                    close(call);
                }
                break;
            case RECEIVE:
                call.answerStatus = status;
                if (status == NtStatus.CANCELLED) {
                    disconnect(call, DisconnectMode.ABORTIVE); // no answer in time: the peer learns at once
                } else if (status.isSuccess()) {
                    disconnect(call, DisconnectMode.GRACEFUL);
                } else {
                    close(call);
                }
                break;
            case DISCONNECT:
                close(call);
                break;
            case CLOSE:
                return finish(call);
            default:
                throw new IllegalStateException("no step after " + call.step);
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private static <T> void set(Call call, Step step, WskOption<T> option, T value) {
        start(call, step);
        call.socket.dispatch().controlSocket(call.socket, option, value, call.irp);
    }

    private static void send(Call call) {
        start(call, Step.SEND);
        call.socket.dispatch().send(call.socket, WskBuf.of(call.request), SendFlags.NONE, call.irp);
    }

    private static void receive(Call call) {
        start(call, Step.RECEIVE);
        call.irp.cancelAfter(call.deadline); // SPEC N2: cancelled as by Irp.cancel() if still pending then
        call.socket.dispatch().receive(call.socket, WskBuf.of(call.answer), ReceiveFlags.NONE, call.irp);
    }

    private static void disconnect(Call call, DisconnectMode mode) {
        start(call, Step.DISCONNECT);
        call.socket.dispatch().disconnect(call.socket, null, mode, call.irp);
    }

    private static void close(Call call) {
        start(call, Step.CLOSE);
        call.socket.dispatch().closeSocket(call.socket, call.irp);
    }

    private static void start(Call call, Step step) {
        call.step = step;
        call.irp.reuse(NtStatus.SUCCESS);
        call.irp.setCompletionRoutine(NEXT, call, true, true, true);
    }

    private static NtStatus finish(Call call) {
        call.irp.free();
        call.answer.flip();
        call.outcome.complete(new Outcome(List.copyOf(call.steps), call.answerStatus,
                StandardCharsets.UTF_8.decode(call.answer).toString()));
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    /**
     * Asks {@code host port} one question.
     *
     * @param args host, port, request text, seconds to wait for the answer
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: KeepaliveClient <host> <port> <request> <seconds to wait for the answer>");
            System.exit(2);
        }
        try (WskProvider provider = WskProvider.open()) {
            Outcome outcome = ask(provider, new InetSocketAddress(args[0], Integer.parseInt(args[1])), args[2] + "\n",
                    Duration.ofSeconds(Long.parseLong(args[3]))).get(Long.parseLong(args[3]) + 30, TimeUnit.SECONDS);
            outcome.steps().forEach(System.out::println);
            System.out.println(outcome.answerStatus() == NtStatus.CANCELLED
                    ? "no answer within " + args[3] + " s: the receive was cancelled at its deadline"
                    : "answer: " + outcome.answer().strip());
        }
    }
}
