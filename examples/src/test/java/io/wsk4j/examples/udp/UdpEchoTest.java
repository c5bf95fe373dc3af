package io.wsk4j.examples.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.examples.PrintedLines;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's UDP echo: what {@code main} does, with a plain DatagramSocket as the peer (as socat would be). */
@Timeout(60)
class UdpEchoTest {
    @Test
    void echoesEachDatagramToItsSourceAndStopsWhenInterrupted() throws Exception {
        PrintedLines out = new PrintedLines();
        CompletableFuture<Void> served = new CompletableFuture<>();
        Thread server = new Thread(() -> {
            try {
                UdpEcho.serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), out);
                served.complete(null);
            } catch (Throwable e) {
                served.completeExceptionally(e);
            }
        }, "udp-echo-main");
        server.start();
        String listening = out.next();
        assertTrue(listening.startsWith("udp echo listening on /127.0.0.1:"), listening);
        int port = Integer.parseInt(listening.replaceAll(".*:(\\d+) .*", "$1"));
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);

        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            peer.setSoTimeout(10_000); // what socat - UDP:127.0.0.1:port does
            for (String message : new String[] {"hello", "hello, kernel"}) {
                byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
                peer.send(new DatagramPacket(bytes, bytes.length, target));
                DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
                peer.receive(reply);
                assertEquals(message, new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII));
                assertEquals("udp echo: " + bytes.length + " bytes back to " + peer.getLocalSocketAddress(),
                        out.next());
            }
            byte[] longer = new byte[3000];
            Arrays.fill(longer, (byte) 'x');
            peer.send(new DatagramPacket(longer, longer.length, target));
            DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
            peer.receive(reply);
            assertEquals(2048, reply.getLength(), "the bytes that fit the server's buffer");
            assertTrue(out.next().contains("BUFFER_OVERFLOW"));
        }
        server.interrupt();
        served.get(20, TimeUnit.SECONDS);
        assertEquals("udp echo stopped", out.next());
    }
}
