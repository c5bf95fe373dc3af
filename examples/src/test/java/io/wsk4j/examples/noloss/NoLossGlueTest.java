package io.wsk4j.examples.noloss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC D4 and C3 through the generated glue: send, disconnect, close in the disconnect handler loses nothing. */
@Timeout(120)
class NoLossGlueTest {
    private static final int SIZE = 8 * 1024 * 1024;

    @ParameterizedTest(name = "{0} peer")
    @ValueSource(strings = {"slow", "fast"})
    @DisplayName("D4 C3 generated glue: send 8 MiB, disconnect, close in the handler: the peer reads all, then EOF")
    void closeInTheDisconnectHandlerLosesNothing(String pace) throws Exception {
        boolean slow = pace.equals("slow");
        List<String> errors = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket();
                WskProvider provider = WskProvider.builder()
                        .closeTimeout(Duration.ofSeconds(2))
                        .errorHandler((message, error) -> errors.add(message + ": " + error))
                        .build()) {
            if (slow) {
                server.setReceiveBufferSize(64 * 1024);
            }
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            CloseAfterDisconnectDispatch glue = CloseAfterDisconnect.create();
            CloseAfterDisconnect.Session session = new CloseAfterDisconnect.Session();
            glue.connect(provider, server.getLocalSocketAddress(), session);
            try (Socket peer = server.accept()) {
                assertEquals("connect " + NtStatus.SUCCESS, next(session));
                byte[] expected = new byte[SIZE];
                for (int i = 0; i < SIZE; i++) {
                    expected[i] = (byte) (i * 13 + 5);
                }
                CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readToEnd(peer, slow ? 1024 : 65536));
                glue.send(session.socket, WskBuf.of(ByteBuffer.wrap(expected.clone())), session);
                glue.disconnect(session.socket, session);

                assertEquals("send " + NtStatus.SUCCESS + " " + SIZE, next(session));
                assertEquals("disconnect " + NtStatus.SUCCESS, next(session));
                assertEquals("close " + NtStatus.SUCCESS, next(session));
                assertArrayEquals(expected, read.get(60, TimeUnit.SECONDS), "all 8 MiB, then EOF");
            }
        }
        assertEquals(List.of(), errors);
    }

    private static String next(CloseAfterDisconnect.Session session) throws InterruptedException {
        String outcome = session.outcomes.poll(60, TimeUnit.SECONDS);
        return outcome == null ? "nothing within 60 s" : outcome;
    }

    private static byte[] readToEnd(Socket peer, int chunk) {
        try {
            InputStream in = peer.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream(SIZE);
            byte[] buffer = new byte[chunk];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the peer read failed after some bytes (a reset?)", e);
        }
    }
}
