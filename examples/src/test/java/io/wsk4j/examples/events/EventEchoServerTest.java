package io.wsk4j.examples.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import io.wsk4j.WskListenSocket;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The receive-event echo server against a plain socket: every byte back, in order, then EOF, under back-pressure. */
@Timeout(60)
class EventEchoServerTest {
    @Test
    @DisplayName("E3 E7 B4 a receive-event echo server copies, declines while sending, and loses nothing")
    void echoesEveryByteThroughTheEvent() throws Exception {
        byte[] payload = new byte[300_000]; // far more than one 4 KiB echo: the event must decline and a receive follow
        new Random(7).nextBytes(payload);
        EventEchoServer server = EventEchoServer.create();
        try (WskProvider provider = WskProvider.builder().ioThreads(1).closeTimeout(Duration.ofSeconds(2)).build()) {
            EventEchoServer.Listener listener = server.listen(provider,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            WskListenSocket listening = listener.socket().get(10, TimeUnit.SECONDS);
            int port = localPort(listening);
            try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), port)) {
                peer.setSoTimeout(10_000);
                CompletableFuture<byte[]> echoed = CompletableFuture.supplyAsync(() -> readAll(peer));
                OutputStream out = peer.getOutputStream();
                out.write(payload);
                out.flush();
                peer.shutdownOutput();
                assertArrayEquals(payload, echoed.get(30, TimeUnit.SECONDS), "every byte back, in order, then EOF");
            }
            EventEchoServer.Done done = server.done().poll(10, TimeUnit.SECONDS);
            assertNotNull(done, "the server closed the connection");
            assertEquals(payload.length, done.echoed());
            assertEquals(NtStatus.SUCCESS, done.close());
            server.stopListening(listener);
            assertEquals(NtStatus.SUCCESS, listener.closed().get(10, TimeUnit.SECONDS));
        }
    }

    private static byte[] readAll(Socket peer) {
        try {
            InputStream in = peer.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int localPort(WskListenSocket socket) throws Exception {
        CompletableFuture<java.net.SocketAddress> address = new CompletableFuture<>();
        io.wsk4j.Irp irp = io.wsk4j.Irp.allocate();
        irp.setCompletionRoutine((done, result) -> {
            result.complete(done.address());
            done.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, address, true, true, true);
        socket.dispatch().getLocalAddress(socket, irp);
        return ((InetSocketAddress) address.get(10, TimeUnit.SECONDS)).getPort();
    }
}
