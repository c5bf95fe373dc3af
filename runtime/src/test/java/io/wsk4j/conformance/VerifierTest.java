package io.wsk4j.conformance;

import static io.wsk4j.conformance.Reports.assertAt;
import static io.wsk4j.conformance.Reports.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskEvent;
import io.wsk4j.WskSocket;
import io.wsk4j.WskVerifierException;
import io.wsk4j.WskVerifierReport;
import io.wsk4j.WskVerifierReport.Kind;
import io.wsk4j.conformance.Network.Connection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC V on both transports: each deliberately broken program below gets exactly one report, and the report's place
 * is the line of this class that did the wrong thing. What needs real threads (V4, V5, V7) or the collector's own
 * timing (V1 without a close) stays in the NIO transport's {@code io.wsk4j.VerifierTest}.
 */
@Timeout(60)
class VerifierTest {
    @OnBothTransports
    @DisplayName("V1 with verifierFailsOnReport, an IRP leaked before WskProvider.close() makes close() throw")
    void leakedIrpFailsClose(Transport transport) throws Exception {
        Reports reports = new Reports();
        try (Network net = transport.openVerified(reports, true)) {
            reports.on(net);
            int line = allocateAndDrop(); // no GC here: close() must find it itself
            WskVerifierException failure = assertThrows(WskVerifierException.class, net.provider()::close);
            assertEquals(List.of(Kind.IRP_LEAKED), failure.reports().stream().map(WskVerifierReport::kind).toList(),
                    failure.getMessage());
            assertAt(failure.reports().get(0).sites().get(0), VerifierTest.class, "allocateAndDrop", line);
        }
    }

    private static int allocateAndDrop() {
        Irp leaked = Irp.allocate(); return line(); // the IRP becomes unreachable when this returns
    }

    @OnBothTransports
    @DisplayName("V2 a completion routine returning SUCCESS for its own IRP is reported where the IRP was dispatched")
    void routineReturnsWrongStatus(Transport transport) throws Exception {
        Reports reports = new Reports();
        try (Network net = transport.openVerified(reports, false)) {
            reports.on(net);
            Log done = new Log(net);
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((i, log) -> {
                log.add("connected " + i.status());
                return NtStatus.SUCCESS; // wrong: I4 asks for MORE_PROCESSING_REQUIRED
            }, done, true, true, true);
            int line = line(); net.provider().socketConnect(net.peerAddress(), null, null, irp);
            Peer peer = net.acceptPeer();
            assertEquals("connected " + NtStatus.SUCCESS, done.next());
            WskVerifierReport report = reports.await(Kind.ROUTINE_RETURNED_WRONG_STATUS);
            assertAt(report.sites().get(0), VerifierTest.class, "routineReturnsWrongStatus", line);
            WskSocket socket = irp.socket(); // "treated as retained": still the application's
            irp.free();
            net.closeSocket(socket);
            peer.close();
            reports.assertExactly(Kind.ROUTINE_RETURNED_WRONG_STATUS);
        }
    }

    @OnBothTransports
    @DisplayName("V2 names the dispatch whose routine answered wrong, even if that routine dispatched the IRP again")
    void wrongStatusAfterRedispatch(Transport transport) throws Exception {
        Reports reports = new Reports();
        try (Network net = transport.openVerified(reports, false)) {
            reports.on(net);
            WskSocket idle = net.socket(null, null);
            Log log = new Log(net);
            int[] againAt = new int[1];
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((i, s) -> {
                i.reuse(NtStatus.SUCCESS);
                i.setCompletionRoutine((again, l) -> {
                    l.add("second done");
                    again.free();
                    return NtStatus.MORE_PROCESSING_REQUIRED;
                }, log, true, true, true);
                againAt[0] = line(); s.dispatch().getLocalAddress(s, i);
                return NtStatus.SUCCESS; // wrong: I4 asks for MORE_PROCESSING_REQUIRED
            }, idle, true, true, true);
            int line = line(); idle.dispatch().getLocalAddress(idle, irp);
            assertEquals("second done", log.next());
            WskVerifierReport report = reports.await(Kind.ROUTINE_RETURNED_WRONG_STATUS);
            assertTrue(againAt[0] != line);
            assertAt(report.sites().get(0), VerifierTest.class, "wrongStatusAfterRedispatch", line);
            net.closeSocket(idle);
            reports.assertExactly(Kind.ROUTINE_RETURNED_WRONG_STATUS);
        }
    }

    @OnBothTransports
    @DisplayName("V3 a socket never closed is reported, where it was made, when the provider closes")
    void socketNeverClosed(Transport transport) throws Exception {
        Reports reports = new Reports();
        try (Network net = transport.openVerified(reports, false)) {
            reports.on(net);
            int line = line(); net.provider().socket(null, null, net.completions.irp("socket"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("socket").status());
            net.provider().close();
            WskVerifierReport report = reports.await(Kind.SOCKET_NOT_CLOSED);
            assertAt(report.sites().get(0), VerifierTest.class, "socketNeverClosed", line);
            reports.assertExactly(Kind.SOCKET_NOT_CLOSED);
        }
    }

    @OnBothTransports
    @DisplayName("V3 with verifierFailsOnReport, WskProvider.close() throws WskVerifierException with the report")
    void failsOnReport(Transport transport) throws Exception {
        Reports reports = new Reports();
        try (Network net = transport.openVerified(reports, true)) {
            reports.on(net);
            net.socket(null, null);
            WskVerifierException failure = assertThrows(WskVerifierException.class, net.provider()::close);
            assertEquals(1, failure.reports().size());
            assertEquals(Kind.SOCKET_NOT_CLOSED, failure.reports().get(0).kind());
            assertTrue(failure.getMessage().contains("V3"), failure.getMessage());
        }
    }

    @OnBothTransports
    @DisplayName("V6 a receive event's data kept and sent after the event returned is reported where it was sent")
    void eventDataKept(Transport transport) throws Exception {
        Reports reports = new Reports();
        try (Network net = transport.openVerified(reports, false)) {
            reports.on(net);
            WskBuf[] kept = new WskBuf[1];
            Log events = new Log(net);
            WskClientConnectionDispatch<Void> keeping = new WskClientConnectionDispatch<>() {
                @Override
                public long onReceive(Void context, WskBuf data) {
                    synchronized (kept) {
                        kept[0] = data; // wrong: valid only during the event (B4)
                    }
                    events.add("received " + data.length());
                    return data.length();
                }
            };
            Connection c = net.connect(null, keeping);
            net.enable(c.socket(), WskEvent.RECEIVE);
            c.peer().write(new byte[] {1, 2, 3});
            assertEquals("received 3", events.next());
            // a round trip through the I/O thread: its routine runs there after the event returned, so this thread
            // then sees what the event's end did to the kept data
            net.barrier(c);
            WskBuf data;
            synchronized (kept) {
                data = kept[0];
            }
            Irp send = net.completions.irp("send");
            WskSocket socket = c.socket();
            int line = line(); assertThrows(IllegalArgumentException.class, () -> socket.dispatch().send(socket, data, SendFlags.NONE, send));
            WskVerifierReport report = reports.await(Kind.EVENT_DATA_PASSED_ON);
            assertAt(report.sites().get(0), VerifierTest.class, "eventDataKept", line);
            assertTrue(report.message().contains("after its callback returned"), report.message());
            assertEquals(0, data.length(), "kept data reads as empty once the event returned");
            send.free();
            net.closeSocket(socket);
            reports.assertExactly(Kind.EVENT_DATA_PASSED_ON);
        }
    }

    @OnBothTransports
    @DisplayName("V the seed's pattern, disconnect then close in the routine while the caller leaves, reports nothing")
    void seedPatternIsClean(Transport transport) throws Exception {
        Reports reports = new Reports();
        try (Network net = transport.openVerified(reports, true)) {
            reports.on(net);
            for (int i = 0; i < 20; i++) {
                Connection c = net.connect();
                String close = "close" + i;
                Irp disconnect = Irp.allocate();
                disconnect.setCompletionRoutine((irp, s) -> {
                    irp.free();
                    s.dispatch().closeSocket(s, net.completions.irp(close));
                    return NtStatus.MORE_PROCESSING_REQUIRED;
                }, c.socket(), true, true, true);
                c.dispatch().disconnect(c.socket(), WskBuf.of(Bytes.ascii("bye")), DisconnectMode.GRACEFUL, disconnect);
                assertEquals("bye", new String(c.peer().readToEnd(), StandardCharsets.US_ASCII));
                assertEquals(NtStatus.SUCCESS, net.completions.await(close).status());
                c.peer().close();
            }
            net.provider().close(); // it would throw WskVerifierException on any report
            reports.assertExactly();
        }
    }
}
