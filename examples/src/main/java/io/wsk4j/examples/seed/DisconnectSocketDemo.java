package io.wsk4j.examples.seed;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import io.wsk4j.examples.lifecycle.Ascii;
import io.wsk4j.examples.lifecycle.Conversation;
import io.wsk4j.examples.lifecycle.Lifecycle;
import io.wsk4j.examples.lifecycle.LifecycleDispatch;
import io.wsk4j.examples.peer.Peer;
import io.wsk4j.examples.peer.Peer.End;
import io.wsk4j.examples.peer.Peer.Observation;
import io.wsk4j.examples.report.Report;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the seed's flow for real on loopback, once per way of writing {@link DisconnectSocket}: connect, send a
 * greeting, disconnect gracefully, then (the "next operation" of the seed's routine) read until the peer's FIN and
 * close, which is quiet because both directions are done.
 */
public final class DisconnectSocketDemo {
    private DisconnectSocketDemo() {}

    /** The three ways, as the demo names them. */
    public enum Way {
        BY_HAND("by hand, as in C: Irp.allocate + setCompletionRoutine + dispatch().disconnect"),
        FAITHFUL("generated glue, faithful handler (owns the IRP, returns MORE_PROCESSING_REQUIRED)"),
        SIMPLE("generated glue, simple handler (pooled IRP, just the status)");

        final String description;

        Way(String description) {
            this.description = description;
        }
    }

    /** What one run saw. */
    public record Outcome(NtStatus disconnect, Observation peer, NtStatus close) {}

    public static Outcome run(WskProvider provider, Way way, Report report) throws Exception {
        BlockingQueue<NtStatus> outcomes = new LinkedBlockingQueue<>();
        LifecycleDispatch life = new LifecycleDispatch(new Lifecycle());
        try (Peer peer = new Peer()) {
            Conversation conversation = new Conversation();
            life.connect(provider, peer.address(), conversation);
            try (Socket remote = peer.accept()) {
                WskSocket socket = conversation.awaitConnected();
                String greeting = "hello from the seed, " + way.name().toLowerCase().replace('_', ' ');
                life.send(socket, WskBuf.of(Ascii.buffer(greeting)), conversation);
                report.line("WskSend \"" + greeting + "\"", conversation.awaitSent());

                NtStatus returned = switch (way) {
                    case BY_HAND -> DisconnectSocket.byHand(socket, byHandRoutine(outcomes));
                    case FAITHFUL -> DisconnectSocket.faithful(
                            new SeedRoutinesDispatch(new SeedRoutines(outcomes)), socket);
                    case SIMPLE -> DisconnectSocket.simple(
                            new SimpleRoutinesDispatch(new SimpleRoutines(outcomes)), socket);
                };
                Observation seen = Peer.readToEnd(remote);
                NtStatus completed = outcomes.poll(Peer.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                report.line("WskDisconnect(GRACEFUL) returned", returned);
                report.line("  completion routine saw", completed);
                report.line("peer read", seen);
                report.expect("peer", new Observation(greeting, End.EOF), seen);
                report.expect("disconnect status", NtStatus.SUCCESS, completed);

                remote.shutdownOutput(); // the peer's FIN
                ByteBuffer rest = ByteBuffer.allocate(16);
                life.receive(socket, WskBuf.of(rest), conversation);
                long atFin = conversation.awaitReceived();
                report.line("WskReceive after the peer's FIN", atFin + " bytes (the peer's FIN)");
                life.close(socket, conversation);
                NtStatus closed = conversation.awaitClosed();
                report.line("WskCloseSocket (both directions done: quiet)", closed);
                return new Outcome(completed, seen, closed);
            }
        }
    }

    private static CompletionRoutine<WskSocket> byHandRoutine(BlockingQueue<NtStatus> outcomes) {
        return (irp, socket) -> {
            outcomes.add(irp.status());
            irp.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        };
    }

    /** All three ways, one section each. */
    public static void runAll(WskProvider provider, Report report) throws Exception {
        for (Way way : Way.values()) {
            report.section("DisconnectSocket " + way.description);
            run(provider, way, report);
        }
    }
}
