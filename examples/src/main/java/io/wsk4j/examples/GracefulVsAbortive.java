package io.wsk4j.examples;

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

/**
 * One connection ended three ways, and what the peer observed each time (SPEC D3, D7, C3): a graceful disconnect
 * with a final buffer (FIN after the data), an abortive disconnect (RST), and a close without any disconnect (RST,
 * because WSK disconnects abortively before closing).
 */
public final class GracefulVsAbortive {
    private GracefulVsAbortive() {}

    /** The three endings. */
    public enum Ending {
        GRACEFUL_WITH_FINAL_BUFFER,
        ABORTIVE,
        CLOSE_WITHOUT_DISCONNECT
    }

    public static Observation run(WskProvider provider, Ending ending, Report report) throws Exception {
        LifecycleDispatch life = new LifecycleDispatch(new Lifecycle());
        try (Peer peer = new Peer()) {
            Conversation conversation = new Conversation();
            life.connect(provider, peer.address(), conversation);
            try (Socket remote = peer.accept()) {
                WskSocket socket = conversation.awaitConnected();
                life.send(socket, WskBuf.of(Ascii.buffer("data; ")), conversation);
                report.line("WskSend \"data; \"", conversation.awaitSent());
                // the peer reads the data first: a reset discards what the peer has not read yet
                report.line("peer read", "\"" + Peer.read(remote, 6) + "\"");
                Observation seen;
                switch (ending) {
                    case GRACEFUL_WITH_FINAL_BUFFER -> {
                        life.disconnect(socket, WskBuf.of(Ascii.buffer("final buffer")), conversation);
                        seen = Peer.readToEnd(remote);
                        report.line("WskDisconnect(GRACEFUL, \"final buffer\")", conversation.awaitDisconnected());
                        report.line("peer then read", seen);
                        report.expect("peer", new Observation("final buffer", End.EOF), seen);
                        remote.shutdownOutput();
                        life.receive(socket, WskBuf.of(java.nio.ByteBuffer.allocate(8)), conversation);
                        report.line("WskReceive (the peer's FIN)", conversation.awaitReceived() + " bytes");
                    }
                    case ABORTIVE -> {
                        life.abort(socket, conversation);
                        seen = Peer.readToEnd(remote);
                        report.line("WskDisconnect(ABORTIVE)", conversation.awaitDisconnected());
                        report.line("peer then read", seen);
                        report.expect("peer", new Observation("", End.RESET), seen);
                    }
                    case CLOSE_WITHOUT_DISCONNECT -> {
                        seen = null;
                    }
                    default -> throw new IllegalArgumentException(ending.toString());
                }
                life.close(socket, conversation);
                NtStatus closed = conversation.awaitClosed();
                report.line("WskCloseSocket", closed);
                if (ending == Ending.CLOSE_WITHOUT_DISCONNECT) {
                    seen = Peer.readToEnd(remote);
                    report.line("peer then read", seen);
                    report.expect("peer", new Observation("", End.RESET), seen);
                }
                return seen;
            }
        }
    }

    public static void runAll(WskProvider provider, Report report) throws Exception {
        report.section("Graceful with a final buffer: the peer reads it, then end-of-stream (FIN)");
        run(provider, Ending.GRACEFUL_WITH_FINAL_BUFFER, report);
        report.section("Abortive: the peer sees Connection reset (RST), never end-of-stream");
        run(provider, Ending.ABORTIVE, report);
        report.section("Close without disconnect: WSK disconnects abortively first, so the peer sees a reset");
        run(provider, Ending.CLOSE_WITHOUT_DISCONNECT, report);
    }
}
