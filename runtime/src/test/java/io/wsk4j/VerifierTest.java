package io.wsk4j;

import static io.wsk4j.VerifierReports.assertAt;
import static io.wsk4j.VerifierReports.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.WskVerifierReport.Kind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * What only real threads show of SPEC V: the collector finding a leaked IRP at its own time (V1), a close while the
 * I/O thread is inside a call (V4), an I/O thread blocked by the wall clock (V5), a call from another thread after the
 * close (V7). Each deliberately broken program gets exactly one report, at the line of this class that did the wrong
 * thing. The rest of SPEC V is in {@code io.wsk4j.conformance.VerifierTest}, on both transports.
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

    private static int allocateAndDrop() {
        Irp leaked = Irp.allocate(); return line(); // the IRP becomes unreachable when this returns
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
