package io.wsk4j;

import static io.wsk4j.VerifierReports.assertAt;
import static io.wsk4j.VerifierReports.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.WskVerifierReport.Kind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SPEC V: each deliberately broken program below gets exactly one report, and the report's place is the line of this
 * class that did the wrong thing.
 */
class VerifierTest {
    private final VerifierReports reports = new VerifierReports();
    private final Completions completions = new Completions();
    private ServerSocket server;

    @BeforeEach
    void peer() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout(Loopback.PEER_TIMEOUT_MILLIS);
    }

    @AfterEach
    void closePeer() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("V1 an IRP the application allocated and dropped without free() is reported where it was allocated")
    void leakedIrp() throws Exception {
        try (WskProvider provider = reports.provider().build()) {
            int line = allocateAndDrop();
            WskVerifierReport report = null;
            for (int i = 0; i < 100 && report == null; i++) { // bounded: the collector finds it within a few GCs
                System.gc();
                report = reports.poll(Kind.IRP_LEAKED, 100);
            }
            assertNotNull(report, "no V1 report after 100 GCs");
            assertAt(report.sites().get(0), VerifierTest.class, "allocateAndDrop", line);
            assertEquals(0, provider.openSocketCount());
        }
        reports.assertExactly(Kind.IRP_LEAKED);
    }

    @Test
    @DisplayName("V1 with verifierFailsOnReport, an IRP leaked before WskProvider.close() makes close() throw")
    void leakedIrpFailsClose() throws Exception {
        WskProvider provider = reports.provider().verifierFailsOnReport(true).build();
        int line = allocateAndDrop(); // no GC here: close() must find it itself
        WskVerifierException failure = assertThrows(WskVerifierException.class, provider::close);
        assertEquals(java.util.List.of(Kind.IRP_LEAKED), failure.reports().stream().map(WskVerifierReport::kind)
                .toList(), failure.getMessage());
        assertAt(failure.reports().get(0).sites().get(0), VerifierTest.class, "allocateAndDrop", line);
    }

    private static int allocateAndDrop() {
        Irp leaked = Irp.allocate(); return line(); // the IRP becomes unreachable when this returns
    }

    @Test
    @DisplayName("V2 a completion routine returning SUCCESS for its own IRP is reported where the IRP was dispatched")
    void routineReturnsWrongStatus() throws Exception {
        try (WskProvider provider = reports.provider().build()) {
            Irp irp = Irp.allocate();
            CountDownLatch done = new CountDownLatch(1);
            irp.setCompletionRoutine((i, latch) -> {
                latch.countDown();
                return NtStatus.SUCCESS; // wrong: I4 asks for MORE_PROCESSING_REQUIRED
            }, done, true, true, true);
            int line = line(); provider.socketConnect(address(), null, null, irp);
            assertTrue(done.await(Completions.WAIT_SECONDS, TimeUnit.SECONDS));
            WskVerifierReport report = reports.await(Kind.ROUTINE_RETURNED_WRONG_STATUS);
            assertAt(report.sites().get(0), VerifierTest.class, "routineReturnsWrongStatus", line);
            WskSocket socket = irp.socket(); // "treated as retained": still the application's
            irp.free();
            close(socket);
        }
        reports.assertExactly(Kind.ROUTINE_RETURNED_WRONG_STATUS);
    }

    @Test
    @DisplayName("V2 names the dispatch whose routine answered wrong, even if that routine dispatched the IRP again")
    void wrongStatusAfterRedispatch() throws Exception {
        try (WskProvider provider = reports.provider().build()) {
            WskSocket idle = makeSocket(provider);
            Irp irp = Irp.allocate();
            CompletableFuture<Integer> againAt = new CompletableFuture<>();
            CountDownLatch secondDone = new CountDownLatch(1);
            irp.setCompletionRoutine((i, s) -> {
                i.reuse(NtStatus.SUCCESS);
                i.setCompletionRoutine((again, latch) -> {
                    latch.countDown();
                    again.free();
                    return NtStatus.MORE_PROCESSING_REQUIRED;
                }, secondDone, true, true, true);
                againAt.complete(line()); s.dispatch().getLocalAddress(s, i);
                return NtStatus.SUCCESS; // wrong: I4 asks for MORE_PROCESSING_REQUIRED
            }, idle, true, true, true);
            int line = line(); idle.dispatch().getLocalAddress(idle, irp);
            assertTrue(secondDone.await(Completions.WAIT_SECONDS, TimeUnit.SECONDS));
            WskVerifierReport report = reports.await(Kind.ROUTINE_RETURNED_WRONG_STATUS);
            assertTrue(againAt.get(Completions.WAIT_SECONDS, TimeUnit.SECONDS) != line);
            assertAt(report.sites().get(0), VerifierTest.class, "wrongStatusAfterRedispatch", line);
            close(idle);
        }
        reports.assertExactly(Kind.ROUTINE_RETURNED_WRONG_STATUS);
    }

    @Test
    @DisplayName("V3 a socket never closed is reported, where it was made, when the provider closes")
    void socketNeverClosed() throws Exception {
        WskProvider provider = reports.provider().closeTimeout(Duration.ofMillis(100)).build();
        int line = line(); provider.socket(null, null, completions.irp("socket"));
        assertEquals(NtStatus.SUCCESS, completions.await("socket").status());
        provider.close();
        WskVerifierReport report = reports.await(Kind.SOCKET_NOT_CLOSED);
        assertAt(report.sites().get(0), VerifierTest.class, "socketNeverClosed", line);
        reports.assertExactly(Kind.SOCKET_NOT_CLOSED);
    }

    @Test
    @DisplayName("V3 with verifierFailsOnReport, WskProvider.close() throws WskVerifierException with the report")
    void failsOnReport() throws Exception {
        WskProvider provider = reports.provider().closeTimeout(Duration.ofMillis(100)).verifierFailsOnReport(true)
                .build();
        provider.socket(null, null, completions.irp("socket"));
        completions.await("socket");
        WskVerifierException failure = assertThrows(WskVerifierException.class, provider::close);
        assertEquals(1, failure.reports().size());
        assertEquals(Kind.SOCKET_NOT_CLOSED, failure.reports().get(0).kind());
        assertTrue(failure.getMessage().contains("V3"), failure.getMessage());
    }

    @Test
    @DisplayName("V4 closeSocket while the I/O thread is inside a send of the socket is reported with both places")
    void closeDuringCall() throws Exception {
        try (WskProvider provider = reports.provider().build()) {
            Loopback.Connection connection = connect(provider);
            WskSocket socket = connection.socket();
            CompletableFuture<Integer> sendLine = new CompletableFuture<>();
            CountDownLatch insideSend = new CountDownLatch(1);
            // an unconnected socket's address request completes on the I/O thread; its routine sends on the
            // connection, which completes at once, inside that send call; the send's routine then holds the thread
            // there until the report has come
            Irp send = Irp.allocate();
            send.setCompletionRoutine((irp, latch) -> {
                insideSend.countDown();
                await(latch);
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, reports.first, true, true, true);
            Irp trigger = Irp.allocate();
            trigger.setCompletionRoutine((irp, s) -> {
                irp.free();
                sendLine.complete(line()); s.dispatch().send(s, WskBuf.of(Loopback.bytes("x")), SendFlags.NONE, send);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, socket, true, true, true);
            WskSocket idle = makeSocket(provider);
            idle.dispatch().getLocalAddress(idle, trigger);
            int sendAt = sendLine.get(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(insideSend.await(Completions.WAIT_SECONDS, TimeUnit.SECONDS), "the send did not complete at once");
            int line = line(); socket.dispatch().closeSocket(socket, completions.irp("close"));
            assertEquals(NtStatus.SUCCESS, completions.await("close").status());
            WskVerifierReport report = reports.await(Kind.CLOSE_DURING_CALL);
            assertAt(report.sites().get(0), VerifierTest.class, "closeDuringCall", line);
            assertAt(report.sites().get(1), VerifierTest.class, "closeDuringCall", sendAt);
            close(idle);
            connection.peer().close();
        }
        reports.assertExactly(Kind.CLOSE_DURING_CALL);
    }

    @Test
    @DisplayName("V5 a completion routine that blocks the I/O thread past the threshold is reported where it blocks")
    void blockedIoThread() throws Exception {
        try (WskProvider provider = reports.provider().verifierBlockingThreshold(Duration.ofMillis(50)).build()) {
            AtomicReference<Integer> blockedAt = new AtomicReference<>();
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((i, latch) -> {
                blockedAt.set(line() + 2);
                try {
                    latch.await(Completions.WAIT_SECONDS, TimeUnit.SECONDS); // wrong: blocks until the report, bounded
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                i.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, reports.first, true, true, true);
            WskSocket idle = makeSocket(provider);
            int line = line(); idle.dispatch().getLocalAddress(idle, irp);
            WskVerifierReport report = reports.await(Kind.IO_THREAD_BLOCKED);
            assertAt(report.sites().get(0), VerifierTest.class, "blockedIoThread", blockedAt.get());
            assertAt(report.sites().get(1), VerifierTest.class, "blockedIoThread", line);
            close(idle);
        }
        reports.assertExactly(Kind.IO_THREAD_BLOCKED);
    }

    @Test
    @DisplayName("V6 a receive event's data kept and sent after the event returned is reported where it was sent")
    void eventDataKept() throws Exception {
        try (WskProvider provider = reports.provider().build()) {
            CompletableFuture<WskBuf> kept = new CompletableFuture<>();
            WskClientConnectionDispatch<Void> events = new WskClientConnectionDispatch<>() {
                @Override
                public long onReceive(Void context, WskBuf data) {
                    kept.complete(data); // wrong: valid only during the event (B4)
                    return data.length();
                }
            };
            Loopback.Connection connection = connect(provider, events);
            WskSocket socket = connection.socket();
            socket.dispatch().controlSocket(socket, WskEvent.RECEIVE, true, completions.irp("events"));
            assertEquals(NtStatus.SUCCESS, completions.await("events").status());
            connection.peer().getOutputStream().write(new byte[] {1, 2, 3});
            WskBuf data = kept.get(Completions.WAIT_SECONDS, TimeUnit.SECONDS); // completed inside the event
            // a round trip through the I/O thread: its routine runs there after the event returned, so this thread
            // then sees what the event's end did to the kept data
            socket.dispatch().getLocalAddress(socket, completions.irp("after-event"));
            assertEquals(NtStatus.SUCCESS, completions.await("after-event").status());
            Irp send = completions.irp("send");
            int line = line(); assertThrows(IllegalArgumentException.class, () -> socket.dispatch().send(socket, data, SendFlags.NONE, send));
            WskVerifierReport report = reports.await(Kind.EVENT_DATA_PASSED_ON);
            assertAt(report.sites().get(0), VerifierTest.class, "eventDataKept", line);
            assertTrue(report.message().contains("after its callback returned"), report.message());
            assertEquals(0, data.length(), "kept data reads as empty once the event returned");
            send.free();
            close(socket);
            connection.peer().close();
        }
        reports.assertExactly(Kind.EVENT_DATA_PASSED_ON);
    }

    @Test
    @DisplayName("V7 a call on another thread after closeSocket is reported with both places")
    void callAfterClose() throws Exception {
        try (WskProvider provider = reports.provider().build()) {
            WskSocket socket = makeSocket(provider);
            int closeLine = line(); socket.dispatch().closeSocket(socket, completions.irp("close"));
            assertEquals(NtStatus.SUCCESS, completions.await("close").status());
            Irp late = completions.irp("late");
            CompletableFuture<Integer> lateLine = new CompletableFuture<>();
            Thread other = new Thread(() -> {
                lateLine.complete(line() + 2);
                try {
                    socket.dispatch().getLocalAddress(socket, late);
                } catch (IllegalStateException expected) {
                    // "socket closed" (C5): the report says more
                }
            }, "late-caller");
            other.start();
            other.join(TimeUnit.SECONDS.toMillis(Completions.WAIT_SECONDS));
            WskVerifierReport report = reports.await(Kind.CALL_AFTER_CLOSE);
            assertAt(report.sites().get(0), VerifierTest.class, "callAfterClose", lateLine.get());
            assertAt(report.sites().get(1), VerifierTest.class, "callAfterClose", closeLine);
            late.free();
        }
        reports.assertExactly(Kind.CALL_AFTER_CLOSE);
    }

    @Test
    @DisplayName("V the seed's pattern, disconnect then close in the routine while the caller leaves, reports nothing")
    void seedPatternIsClean() throws Exception {
        try (WskProvider provider = reports.provider().verifierFailsOnReport(true).build()) {
            for (int i = 0; i < 20; i++) {
                Loopback.Connection connection = connect(provider);
                WskSocket socket = connection.socket();
                Irp disconnect = Irp.allocate();
                disconnect.setCompletionRoutine((irp, s) -> {
                    irp.free();
                    s.dispatch().closeSocket(s, completions.irp("close" + s));
                    return NtStatus.MORE_PROCESSING_REQUIRED;
                }, socket, true, true, true);
                socket.dispatch().disconnect(socket, WskBuf.of(Loopback.bytes("bye")), DisconnectMode.GRACEFUL,
                        disconnect);
                assertEquals("bye", new String(Loopback.readToEnd(connection.peer()), "US-ASCII"));
                assertEquals(NtStatus.SUCCESS, completions.await("close" + socket).status());
                connection.peer().close();
            }
        } // close() would throw WskVerifierException on any report
        reports.assertExactly();
    }

    // ---- helpers ----

    private java.net.SocketAddress address() {
        return server.getLocalSocketAddress();
    }

    private Loopback.Connection connect(WskProvider provider) throws Exception {
        return connect(provider, null);
    }

    private <C> Loopback.Connection connect(WskProvider provider, WskClientConnectionDispatch<C> events)
            throws Exception {
        String name = "connect-" + System.nanoTime();
        provider.socketConnect(address(), null, events, completions.irp(name));
        Socket peer = server.accept();
        peer.setSoTimeout(Loopback.PEER_TIMEOUT_MILLIS);
        Completions.Done done = completions.await(name);
        assertEquals(NtStatus.SUCCESS, done.status());
        return new Loopback.Connection(done.socket(), peer);
    }

    private WskSocket makeSocket(WskProvider provider) throws InterruptedException {
        String name = "socket-" + System.nanoTime();
        provider.socket(null, null, completions.irp(name));
        return completions.await(name).socket();
    }

    private void close(WskSocket socket) throws InterruptedException {
        String name = "close-" + System.nanoTime();
        socket.dispatch().closeSocket(socket, completions.irp(name));
        assertEquals(NtStatus.SUCCESS, completions.await(name).status());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
