package io.wsk4j.examples.echosrv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
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

/** The echosrv port against plain {@code java.net.Socket} peers, over IPv4 and IPv6 on one dual-stack listener. */
@Timeout(60)
final class WskSampleTest {
    @Test
    @DisplayName("K3 K5 echosrv: IPV6_V6ONLY off, bind on [::], both families echoed through one listening socket")
    void echoesOverBothFamilies() throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        WskProvider provider = WskProvider.builder().ioThreads(1).closeTimeout(Duration.ofSeconds(2)).build();
        WskSample sample = WskSample.driverEntry(provider,
                new InetSocketAddress(InetAddress.getByName("::"), 0), new PrintStream(trace, true, "UTF-8"));
        try {
            assertEquals(NtStatus.SUCCESS, sample.listening().get(10, TimeUnit.SECONDS), trace.toString("UTF-8"));
            int port = ((InetSocketAddress) sample.localAddress()).getPort();
            echo(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 100_000, 1);
            echo(new InetSocketAddress(InetAddress.getByName("::1"), port), 100_000, 2);
        } finally {
            sample.unload();
        }
        String log = trace.toString("UTF-8");
        assertEquals(2, log.lines().filter(line -> line.startsWith("AcceptEvent:")).count(), log);
    }

    /** Writes {@code size} random bytes, half-closes, and expects the same bytes back, then EOF. */
    private static void echo(InetSocketAddress server, int size, long seed) throws Exception {
        byte[] payload = new byte[size];
        new Random(seed).nextBytes(payload);
        try (Socket peer = new Socket()) {
            peer.connect(server, 10_000);
            peer.setSoTimeout(10_000);
            CompletableFuture<byte[]> echoed = CompletableFuture.supplyAsync(() -> readToEnd(peer));
            OutputStream out = peer.getOutputStream();
            out.write(payload);
            out.flush();
            peer.shutdownOutput(); // the sample disconnects gracefully at our FIN, then closes
            assertArrayEquals(payload, echoed.get(30, TimeUnit.SECONDS), "every byte back in order, then EOF");
        }
    }

    private static byte[] readToEnd(Socket peer) {
        try {
            InputStream in = peer.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
