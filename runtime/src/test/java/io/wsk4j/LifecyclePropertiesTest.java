package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * One connection's whole life against a model, over real loopback sockets with a 4 KiB peer buffer so that
 * operations really stay pending: any chain of our sends, receives, graceful and abortive disconnects, cancels, and
 * of the peer's reads, sends, FIN and reset, then a close. The model follows both sides' states and gives, for each
 * IRP when it is issued, the statuses it may end with (one where timing cannot change it, a few where the peer's
 * pace can); after the chain every IRP completed exactly once with one of them, sends completed in issue order, the
 * close completed last, the peer's bytes are a prefix of what was sent, and, if our graceful disconnect succeeded and
 * nobody reset, exactly all of it, then EOF (SPEC I1, X1, C2, D3–D9, X2).
 */
class LifecyclePropertiesTest {
    private static Loopback loopback;

    @BeforeContainer
    static void open() throws Exception {
        loopback = Loopback.withSmallPeerBuffer();
    }

    @AfterContainer
    static void close() throws Exception {
        loopback.close();
    }

    sealed interface Action permits Send, Receive, Graceful, Abort, CancelLast, PeerRead, PeerSend, PeerFin, PeerReset {}

    record Send(int size) implements Action {}

    record Receive(int size, boolean waitAll) implements Action {}

    record Graceful(int finalSize) implements Action {}

    record Abort() implements Action {}

    record CancelLast() implements Action {}

    record PeerRead(int max) implements Action {}

    record PeerSend(int size) implements Action {}

    record PeerFin() implements Action {}

    record PeerReset() implements Action {}

    @Provide
    Arbitrary<List<Action>> chains() {
        Arbitrary<Integer> sendSize = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 64 * 1024)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(64 * 1024, 4 * 1024 * 1024)));
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, sendSize.map(Send::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(Arbitraries.integers().between(1, 8192),
                        Arbitraries.of(true, false)).as(Receive::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 2048).map(Graceful::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Abort())),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new CancelLast())),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 256 * 1024).map(PeerRead::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 8192).map(PeerSend::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new PeerFin())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new PeerReset())));
        return action.list().ofMinSize(1).ofMaxSize(12);
    }

    /** One IRP of the chain: what it was, what the model allows, and what happened. */
    private static final class Issued {
        final String label;
        final Set<NtStatus> allowed;
        final byte[] sent; // for sends and final buffers: the bytes, else null
        final Irp irp = Irp.allocate();
        volatile NtStatus status;
        volatile long information;
        volatile int completions;
        volatile int order = -1;
        boolean cancelled;

        Issued(String label, Set<NtStatus> allowed, byte[] sent, List<Issued> done) {
            this.label = label;
            this.allowed = allowed;
            this.sent = sent;
            irp.setCompletionRoutine((i, self) -> {
                self.status = i.status();
                self.information = i.information();
                synchronized (done) {
                    self.order = done.size();
                    done.add(self);
                }
                self.completions++;
                i.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, this, true, true, true);
        }
    }

    @Property // tries: jqwik.tries.default, 1000 in src/test/resources/junit-platform.properties
    @Label("I1 X1 C2 D3-D9 any lifecycle: each IRP once, with a status the model allows; bytes in order; nothing lost")
    void anyLifecycle(@ForAll("chains") List<Action> chain) throws Exception {
        Connection c = loopback.connect();
        Socket peer = c.peer();
        List<Issued> issued = new ArrayList<>();
        List<Issued> done = new ArrayList<>();
        ByteArrayOutputStream peerGot = new ByteArrayOutputStream();
        boolean gracefulQueued = false;
        boolean aborted = false;
        boolean peerFin = false;
        boolean peerReset = false;
        boolean peerBroken = false;
        for (Action action : chain) {
            if (action instanceof Send send) {
                byte[] bytes = Loopback.pattern(send.size(), issued.size()).array();
                Set<NtStatus> allowed = aborted ? EnumSet.of(NtStatus.CONNECTION_ABORTED)
                        : gracefulQueued ? EnumSet.of(NtStatus.PIPE_DISCONNECTED)
                        : EnumSet.of(NtStatus.SUCCESS, NtStatus.CANCELLED);
                Issued s = issue(issued, done, "send" + issued.size(), allowed, bytes);
                c.dispatch().send(c.socket(), WskBuf.of(ByteBuffer.wrap(bytes)), SendFlags.NONE, s.irp);
            } else if (action instanceof Receive receive) {
                Set<NtStatus> allowed = aborted ? EnumSet.of(NtStatus.CONNECTION_ABORTED)
                        : EnumSet.of(NtStatus.SUCCESS, NtStatus.CANCELLED);
                Issued r = issue(issued, done, "receive" + issued.size(), allowed, null);
                c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(receive.size())),
                        receive.waitAll() ? ReceiveFlags.WAITALL : ReceiveFlags.NONE, r.irp);
            } else if (action instanceof Graceful graceful) {
                byte[] last = graceful.finalSize() == 0 ? null : Loopback.pattern(graceful.finalSize(), 99).array();
                Set<NtStatus> allowed = aborted || gracefulQueued ? EnumSet.of(NtStatus.INVALID_DEVICE_STATE)
                        : EnumSet.of(NtStatus.SUCCESS, NtStatus.CANCELLED);
                Issued g = issue(issued, done, "graceful" + issued.size(), allowed, allowed.size() > 1 ? last : null);
                c.dispatch().disconnect(c.socket(), last == null ? null : WskBuf.of(ByteBuffer.wrap(last)),
                        DisconnectMode.GRACEFUL, g.irp);
                gracefulQueued = true;
            } else if (action instanceof Abort) {
                Set<NtStatus> allowed = aborted ? EnumSet.of(NtStatus.INVALID_DEVICE_STATE)
                        : EnumSet.of(NtStatus.SUCCESS);
                Issued a = issue(issued, done, "abort" + issued.size(), allowed, null);
                if (!aborted) {
                    for (Issued earlier : issued) { // D7: what is still pending ends now
                        if (earlier.label.startsWith("receive") || earlier.label.startsWith("graceful")) {
                            earlier.allowed.add(NtStatus.CONNECTION_ABORTED);
                        }
                    }
                }
                c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, a.irp);
                aborted = true;
            } else if (action instanceof CancelLast) {
                for (int i = issued.size() - 1; i >= 0; i--) {
                    Issued last = issued.get(i);
                    if (last.completions == 0) {
                        last.cancelled = last.irp.cancel();
                        if (last.cancelled && last.label.startsWith("graceful")) {
                            gracefulQueued = false; // D6: a cancelled graceful disconnect leaves the socket sendable
                        }
                        break;
                    }
                }
            } else if (!peerReset && !peerBroken) {
                try {
                    if (action instanceof PeerRead read) {
                        readAvailable(peer, read.max(), peerGot);
                    } else if (action instanceof PeerSend send && !peerFin) {
                        peer.getOutputStream().write(new byte[send.size()]);
                    } else if (action instanceof PeerFin && !peerFin) {
                        peer.shutdownOutput();
                        peerFin = true;
                    } else if (action instanceof PeerReset) {
                        peer.setSoLinger(true, 0);
                        peer.close();
                        peerReset = true;
                    }
                } catch (IOException e) {
                    assertTrue(aborted, "the peer saw " + e + " though nobody aborted: " + chain);
                    peerBroken = true; // our abort's RST reached it: it can do nothing more
                }
            }
            if (peerReset && !aborted) {
                for (Issued any : issued) { // D9, X2: whatever is pending, or issued after, may see the reset
                    if (!any.label.startsWith("abort")) {
                        any.allowed.add(NtStatus.CONNECTION_RESET);
                    }
                }
            }
            barrier(c); // the loop has handled everything issued so far
        }

        CompletableFuture<String> peerEnd = peerReset || peerBroken ? CompletableFuture.completedFuture("RESET")
                : CompletableFuture.supplyAsync(() -> readToEnd(peer, peerGot));
        for (Issued earlier : issued) { // C2: a close flushes what is pending
            if (earlier.label.startsWith("graceful")) {
                earlier.allowed.add(NtStatus.CONNECTION_ABORTED);
            }
        }
        Issued close = issue(issued, done, "close", EnumSet.of(NtStatus.SUCCESS), null);
        c.dispatch().closeSocket(c.socket(), close.irp);
        String ending = peerEnd.get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (close.completions == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        if (!peer.isClosed()) {
            peer.close();
        }

        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        boolean gracefulSucceeded = false;
        for (Issued i : issued) {
            assertEquals(1, i.completions, i.label + " completed exactly once: " + chain);
            assertTrue(i.allowed.contains(i.status), i.label + " completed " + i.status + ", the model allows "
                    + i.allowed + ": " + chain);
            if (i.sent != null && !i.cancelled && i.status != NtStatus.PIPE_DISCONNECTED
                    && i.status != NtStatus.CONNECTION_ABORTED) {
                stream.write(i.sent);
            }
            gracefulSucceeded |= i.label.startsWith("graceful") && i.status == NtStatus.SUCCESS;
        }
        assertEquals(issued.size() - 1, close.order, "the close completed last (C2): " + chain);
        int lastSendOrder = -1;
        for (Issued i : issued) {
            if (i.label.startsWith("send") && i.status == NtStatus.SUCCESS) {
                assertTrue(i.order > lastSendOrder, "sends complete in issue order (X1): " + chain);
                lastSendOrder = i.order;
            }
        }
        byte[] all = stream.toByteArray();
        byte[] got = peerGot.toByteArray();
        assertTrue(got.length <= all.length, "the peer got no more than was sent: " + chain);
        assertArrayEquals(java.util.Arrays.copyOf(all, got.length), got, "the peer's bytes are a prefix (X1): " + chain);
        if (gracefulSucceeded && !peerReset && !aborted) {
            assertEquals("EOF", ending, "D4 C3: our FIN after everything, no reset: " + chain);
            assertEquals(all.length, got.length, "D4 C3: nothing reported sent was lost: " + chain);
        }
    }

    /** Waits until the loop ran an IRP queued behind everything issued so far; its status does not matter. */
    private static void barrier(Connection c) throws InterruptedException {
        String name = "barrier-" + System.nanoTime();
        c.dispatch().getLocalAddress(c.socket(), loopback.completions.irp(name));
        loopback.completions.await(name);
    }

    private static Issued issue(List<Issued> issued, List<Issued> done, String label, Set<NtStatus> allowed,
            byte[] sent) {
        Issued i = new Issued(label, allowed, sent, done);
        issued.add(i);
        return i;
    }

    private static void readAvailable(Socket peer, int max, ByteArrayOutputStream into) throws IOException {
        InputStream in = peer.getInputStream();
        byte[] buffer = new byte[8192];
        int left = max;
        while (left > 0 && in.available() > 0) {
            int n = in.read(buffer, 0, Math.min(buffer.length, Math.min(left, in.available())));
            if (n < 0) {
                return;
            }
            into.write(buffer, 0, n);
            left -= n;
        }
    }

    private static String readToEnd(Socket peer, ByteArrayOutputStream into) {
        byte[] buffer = new byte[65536];
        try {
            InputStream in = peer.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                into.write(buffer, 0, n);
            }
            return "EOF";
        } catch (SocketException e) {
            return String.valueOf(e.getMessage()).contains("reset") ? "RESET" : e.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
