package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A receive event written wrongly never leaves a peer hanging silently (SPEC E6, E7). */
@Timeout(60)
class ReceiveEventMistakesTest {
    @Test
    @DisplayName("E6 a receive event that throws ends the connection abortively: the peer sees a reset, the error names the socket")
    void throwingEventResetsTheConnection() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        WskClientConnectionDispatch<String> events = new WskClientConnectionDispatch<>() {
            @Override
            public long onReceive(String context, WskBuf data) {
                throw new IllegalStateException("a bug in the handler");
            }
        };
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                WskProvider provider = provider(errors)) {
            server.setSoTimeout(10_000);
            Completions completions = new Completions();
            provider.socketConnect(server.getLocalSocketAddress(), "ctx", events, completions.irp("connect"));
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                WskSocket socket = completions.await("connect").socket();
                socket.dispatch().controlSocket(socket, WskEvent.RECEIVE, true, completions.irp("enable"));
                assertEquals(NtStatus.SUCCESS, completions.await("enable").status());
                peer.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                assertEquals("RESET", endOf(peer), "a dead connection is never kept: the peer learns at once");
                socket.dispatch().receive(socket, WskBuf.of(java.nio.ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                        completions.irp("later"));
                assertEquals(NtStatus.CONNECTION_ABORTED, completions.await("later").status());
                socket.dispatch().closeSocket(socket, completions.irp("close"));
                assertEquals(NtStatus.SUCCESS, completions.await("close").status());
                assertEquals(1, errors.size(), errors.toString());
                String remote = "127.0.0.1:" + server.getLocalPort();
                assertTrue(errors.get(0).contains(remote) && errors.get(0).contains("a bug in the handler")
                        && errors.get(0).contains("reset"), errors.get(0));
            }
        }
    }

    @Test
    @DisplayName("E7 a receive event that read its data but returned fewer bytes than it read is reported")
    void readThenReturnedZeroIsReported() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        StringBuilder seen = new StringBuilder();
        java.util.concurrent.CountDownLatch called = new java.util.concurrent.CountDownLatch(1);
        WskClientConnectionDispatch<String> events = new WskClientConnectionDispatch<>() {
            @Override
            public long onReceive(String context, WskBuf data) {
                java.nio.ByteBuffer bytes = data.buffer(0);
                while (bytes.hasRemaining()) {
                    seen.append((char) bytes.get()); // reading moves the view: its length() is now 0
                }
                called.countDown();
                return data.length(); // the mistake: 0, measured after reading
            }
        };
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                WskProvider provider = provider(errors)) {
            server.setSoTimeout(10_000);
            Completions completions = new Completions();
            provider.socketConnect(server.getLocalSocketAddress(), "ctx", events, completions.irp("connect"));
            try (Socket peer = server.accept()) {
                WskSocket socket = completions.await("connect").socket();
                socket.dispatch().controlSocket(socket, WskEvent.RECEIVE, true, completions.irp("enable"));
                assertEquals(NtStatus.SUCCESS, completions.await("enable").status());
                peer.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                assertTrue(called.await(10, java.util.concurrent.TimeUnit.SECONDS), "the receive event ran");
                // the kept bytes go to the next receive IRP, so the connection goes on
                socket.dispatch().receive(socket, WskBuf.of(java.nio.ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                        completions.irp("receive"));
                assertEquals(5, completions.await("receive").information());
                socket.dispatch().closeSocket(socket, completions.irp("close"));
                assertEquals(NtStatus.SUCCESS, completions.await("close").status());
                assertEquals(1, errors.size(), errors.toString());
                assertTrue(errors.get(0).contains("read 5") && errors.get(0).contains("returned 0")
                        && errors.get(0).contains("127.0.0.1:" + server.getLocalPort()), errors.get(0));
            }
        }
    }

    private static WskProvider provider(List<String> errors) {
        return WskProvider.builder().ioThreads(1).closeTimeout(Duration.ofSeconds(2))
                .errorHandler((message, error) -> errors.add(message + ": " + error.getMessage())).build();
    }

    private static String endOf(Socket peer) throws Exception {
        InputStream in = peer.getInputStream();
        byte[] sink = new byte[1024];
        try {
            while (in.read(sink) >= 0) {
                // what arrived before the end
            }
            return "EOF";
        } catch (SocketException e) {
            return String.valueOf(e.getMessage()).contains("reset") ? "RESET" : e.getMessage();
        }
    }
}
