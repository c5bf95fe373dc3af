package io.wsk4j;

import static io.wsk4j.Loopback.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC D4 and C3: the seed's own pattern (send, disconnect gracefully, close in the disconnect's completion routine)
 * delivers every byte that was reported sent, then EOF, to a slow and to a fast peer.
 */
@Timeout(120)
class NoLossTest {
    private static final int SIZE = 8 * 1024 * 1024;

    @ParameterizedTest(name = "{0} peer")
    @ValueSource(strings = {"slow", "fast"})
    @DisplayName("D4 C3 send 8 MiB, disconnect, close in the disconnect's routine: the peer reads all 8 MiB, then EOF")
    void closeInTheDisconnectRoutineLosesNothing(String pace) throws Exception {
        boolean slow = pace.equals("slow");
        try (Loopback lb = slow ? Loopback.withPeerReceiveBuffer(64 * 1024) : new Loopback()) {
            Connection c = lb.connect();
            ByteBuffer data = pattern(SIZE, 7);
            byte[] expected = data.array().clone();
            CompletableFuture<byte[]> peerRead = CompletableFuture.supplyAsync(() -> read(c.peer(), slow ? 1024 : 65536));

            c.dispatch().send(c.socket(), WskBuf.of(data), SendFlags.NONE, lb.completions.irp("send"));
            BlockingQueue<NtStatus> disconnected = new LinkedBlockingQueue<>();
            Irp disconnect = Irp.allocate();
            disconnect.setCompletionRoutine((irp, socket) -> {
                disconnected.add(irp.status());
                irp.free();
                // the seed: "perform the next operation on the socket" — here, close it
                socket.dispatch().closeSocket(socket, lb.completions.irp("close"));
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, c.socket(), true, true, true);
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, disconnect);

            assertEquals(NtStatus.SUCCESS, lb.completions.await("send").status());
            assertEquals(SIZE, lb.completions.await("send").information());
            assertEquals(NtStatus.SUCCESS, disconnected.poll(60, TimeUnit.SECONDS), "the graceful disconnect");
            assertEquals(NtStatus.SUCCESS, lb.completions.await("close").status());
            byte[] received = peerRead.get(60, TimeUnit.SECONDS);
            assertEquals(SIZE, received.length, "every byte reported sent reached the peer, then EOF");
            assertArrayEquals(expected, received);
            c.peer().close();
            lb.completions.assertEachCompletedOnce();
            assertTrue(lb.errors.isEmpty(), lb.errors.toString());
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("D4 C3 the peer may go on sending after our close: the provider discards it, the peer still reads all")
    void thePeerSendingAfterOurCloseLosesNothing() throws Exception {
        try (Loopback lb = Loopback.withPeerReceiveBuffer(64 * 1024)) {
            Connection c = lb.connect();
            ByteBuffer data = pattern(SIZE, 3);
            byte[] expected = data.array().clone();
            CompletableFuture<byte[]> peerRead = CompletableFuture.supplyAsync(() -> read(c.peer(), 1024));
            c.dispatch().send(c.socket(), WskBuf.of(data), SendFlags.NONE, lb.completions.irp("send"));
            lb.disconnectThenClose(c.socket(), "close");
            assertEquals(NtStatus.SUCCESS, lb.completions.await("close").status());

            // a socket closed by the application with bytes arriving would make Linux reset the connection
            byte[] chunk = new byte[4096];
            for (int i = 0; i < 256; i++) {
                c.peer().getOutputStream().write(chunk);
            }
            assertArrayEquals(expected, peerRead.get(60, TimeUnit.SECONDS), "all 8 MiB, then EOF, never a reset");
            c.peer().close();
            assertTrue(lb.errors.isEmpty(), lb.errors.toString());
        }
    }

    /** Reads to the end in chunks of {@code chunk} bytes; a reset makes the future fail. */
    private static byte[] read(Socket peer, int chunk) {
        try {
            InputStream in = peer.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream(SIZE);
            byte[] buffer = new byte[chunk];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the peer read failed after some bytes", e);
        }
    }
}
