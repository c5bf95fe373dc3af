package io.wsk4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import io.wsk4j.WskVerifierReport;
import io.wsk4j.spi.VerifierSettings;
import io.wsk4j.verify.CallSite;
import io.wsk4j.verify.CallbackClock;
import io.wsk4j.verify.Verifier;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC V0: the verifier changes no status. A verifier hook that throws (an OutOfMemoryError while taking a stack, a
 * bug of the verifier) goes to the error handler; it never leaves an IRP stuck with the provider, a close unqueued, or
 * a routine not run. The verifier here throws once, where the test arms it.
 */
@Timeout(60)
class VerifierHookFaultTest {
    private static final long WAIT_SECONDS = 10;

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Irp> done = new LinkedBlockingQueue<>();
    private final List<Irp> others = new java.util.ArrayList<>();
    private ServerSocket server;
    private EngineProvider provider;
    private Verifier original;
    private FaultyVerifier faulty;

    /** A verifier that throws from site() or report() once, when armed. */
    private static final class FaultyVerifier extends Verifier {
        final AtomicBoolean throwOnSite = new AtomicBoolean();
        final AtomicBoolean throwOnReport = new AtomicBoolean();

        FaultyVerifier(EngineProvider provider, VerifierSettings settings) {
            super(provider, settings, new Thread[] {provider.loop(0).thread},
                    new CallbackClock[] {provider.loop(0).clock});
        }

        @Override
        public CallSite site(String label) {
            if (throwOnSite.getAndSet(false)) {
                throw new IllegalStateException("injected: site(" + label + ")");
            }
            return super.site(label);
        }

        @Override
        public void report(WskVerifierReport.Kind kind, String message, List<WskVerifierReport.Site> sites) {
            if (throwOnReport.getAndSet(false)) {
                throw new IllegalStateException("injected: report(" + kind + ")");
            }
            super.report(kind, message, sites);
        }
    }

    @BeforeEach
    void open() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout(10_000);
        provider = (EngineProvider) WskProvider.builder().ioThreads(1).closeTimeout(Duration.ofSeconds(2)).verifier(true)
                .verifierListener(report -> { }).errorHandler((message, error) -> errors.add(message + ": " + error))
                .build();
        original = provider.verifier;
        faulty = new FaultyVerifier(provider, new VerifierSettings(report -> { }, false, Duration.ofSeconds(30)));
        Field field = EngineProvider.class.getDeclaredField("verifier");
        field.setAccessible(true);
        field.set(provider, faulty);
    }

    @AfterEach
    void close() throws Exception {
        try {
            provider.close();
        } finally {
            original.close(); // the provider closes the verifier it holds now, the faulty one
            server.close();
        }
    }

    @Test
    @DisplayName("V0 the verifier throws while recording closeSocket's dispatch: the close goes on, the IRP completes")
    void traceDispatchThrows() throws Exception {
        WskSocket socket = makeSocket();
        faulty.throwOnSite.set(true);
        Irp close = irp();
        socket.dispatch().closeSocket(socket, close); // a throw here would leave the IRP the provider's for good
        assertEquals(NtStatus.SUCCESS, awaitDone(close).status());
        assertEquals(0, provider.openSocketCount());
        assertTrue(errors.stream().anyMatch(e -> e.contains("injected: site")), errors.toString());
        close.free();
    }

    @Test
    @DisplayName("V0 the verifier throws while reporting a V4 close: the close is queued all the same, the socket ends")
    void closeReportThrows() throws Exception {
        provider.socketConnect(server.getLocalSocketAddress(), null, null, irp());
        try (Socket peer = server.accept()) {
            Irp connected = done.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(connected);
            WskSocket socket = connected.socket();
            connected.free();
            // the I/O thread stays inside a send of the socket (its routine runs inside the call, as the send
            // completes at once), so the close below races it: a V4 report, which throws
            CountDownLatch insideSend = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Irp send = Irp.allocate();
            send.setCompletionRoutine((irp, latch) -> {
                insideSend.countDown();
                awaitQuietly(latch);
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, release, true, true, true);
            Irp trigger = Irp.allocate();
            trigger.setCompletionRoutine((irp, s) -> {
                irp.free();
                s.dispatch().send(s, WskBuf.of(ByteBuffer.wrap(new byte[] {1})), SendFlags.NONE, send);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, socket, true, true, true);
            WskSocket idle = makeSocket();
            idle.dispatch().getLocalAddress(idle, trigger);
            assertTrue(insideSend.await(WAIT_SECONDS, TimeUnit.SECONDS), "the send did not complete at once");
            faulty.throwOnReport.set(true);
            Irp close = irp();
            try {
                socket.dispatch().closeSocket(socket, close); // a throw here left the gate shut and no close queued
            } finally {
                release.countDown();
            }
            assertEquals(NtStatus.SUCCESS, awaitDone(close).status());
            close.free();
            assertTrue(errors.stream().anyMatch(e -> e.contains("injected: report")), errors.toString());
            Irp closeIdle = irp();
            idle.dispatch().closeSocket(idle, closeIdle);
            assertEquals(NtStatus.SUCCESS, awaitDone(closeIdle).status());
            closeIdle.free();
            assertEquals(0, provider.openSocketCount(), "the socket tore down");
            peer.setSoTimeout(10_000);
            assertEquals(1, peer.getInputStream().read(), "the send went out before the close");
        }
    }

    private WskSocket makeSocket() throws InterruptedException {
        Irp irp = irp();
        provider.socket(null, null, irp);
        Irp made = awaitDone(irp);
        WskSocket socket = made.socket();
        made.free();
        return socket;
    }

    private Irp irp() {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((i, queue) -> {
            queue.add(i);
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, done, true, true, true);
        return irp;
    }

    private Irp awaitDone(Irp irp) throws InterruptedException {
        if (others.remove(irp)) {
            return irp;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            Irp next = done.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(next, "no completion within " + WAIT_SECONDS + " s; errors: " + errors);
            if (next == irp) {
                return next;
            }
            others.add(next); // another's, awaited later
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
