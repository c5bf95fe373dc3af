package io.wsk4j.examples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.examples.PrintedLines;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The user guide's echo server and client programs (docs/user-guide.md): what {@code main} does, against each other
 * and a plain peer.
 */
@Timeout(60)
class EchoMainsTest {
    @Test
    void theServerEchoesAPlainPeerAndTheClientThenStopsWhenInterrupted() throws Exception {
        PrintedLines serverOut = new PrintedLines();
        CompletableFuture<Void> served = new CompletableFuture<>();
        Thread server = new Thread(() -> {
            try {
                EchoServer.serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), serverOut);
                served.complete(null);
            } catch (Throwable e) {
                served.completeExceptionally(e);
            }
        }, "echo-server-main");
        server.start();
        String listening = serverOut.next();
        assertTrue(listening.startsWith("echo server listening on /127.0.0.1:"), listening);
        int port = Integer.parseInt(listening.replaceAll(".*:(\\d+) .*", "$1"));

        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), port)) { // what nc or socat does
            peer.setSoTimeout(10_000);
            OutputStream out = peer.getOutputStream();
            out.write("hello, echo\n".getBytes(StandardCharsets.US_ASCII));
            peer.shutdownOutput();
            InputStream in = peer.getInputStream();
            assertEquals("hello, echo\n", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
        assertTrue(serverOut.next().contains("12 bytes echoed"));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = EchoClient.run(new String[] {"127.0.0.1:" + port, "ping", "hello, kernel"},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String client = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, client);
        assertTrue(client.contains("got back \"ping\"") && client.contains("got back \"hello, kernel\""), client);
        assertTrue(serverOut.next().contains("17 bytes echoed"));

        server.interrupt();
        served.get(20, TimeUnit.SECONDS);
        assertEquals("echo server stopped", serverOut.next());
        server.join(10_000);
        assertFalse(server.isAlive());
    }

    @Test
    void theClientSaysSoWhenNothingListens() throws Exception {
        int port;
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort(); // closed below: nothing listens there any more
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = EchoClient.run(new String[] {String.valueOf(port)}, new PrintStream(printed, true,
                StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("CONNECTION_REFUSED"), printed.toString());
    }
}
