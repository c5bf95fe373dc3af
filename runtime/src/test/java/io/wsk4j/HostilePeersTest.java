package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One user-written echo server on one I/O thread beside hostile peers (idle, flooders that never read, resetters,
 * half-close-and-stall, slowloris) and one well-behaved ping-pong client: the ping-pong gets every byte back and its
 * latency is reported with and without the load; afterwards every connection was closed, no IRP is out of the pool,
 * and the process holds the descriptors it held before. 100 hostile peers in the normal run,
 * {@code -Dwsk4j.hostile.peers=1000} for the full size. It stays on real sockets: it counts the process's descriptors
 * and measures wall-clock latency beside peers driven by a thread of their own.
 */
@Timeout(300)
class HostilePeersTest {
    private static final int HOSTILE = Integer.getInteger("wsk4j.hostile.peers", 100);
    private static final int ROUND_TRIPS = 2000;
    private static final int MESSAGE = 64;

    private enum Kind { IDLE, FLOODER, RESETTER, HALF_CLOSE_STALL, SLOWLORIS }

    @Test
    @DisplayName("E5 C2 B3 hostile peers cannot starve a well-behaved client; everything is closed and given back after")
    void hostilePeersBesideAWellBehavedOne() throws Exception {
        try (TestEchoServer warmUp = new TestEchoServer(1, Duration.ofSeconds(2))) {
            pingPong((InetSocketAddress) warmUp.address); // the JDK opens some descriptors once, on first use
            heapAfterGc();
        }
        long fdsBefore = ConnectionsAtScaleTest.openFds();
        String baseline;
        String loaded;
        long heapPeak;
        long heapAfter;
        try (TestEchoServer server = new TestEchoServer(1, Duration.ofSeconds(2))) {
            InetSocketAddress address = (InetSocketAddress) server.address;
            baseline = pingPong(address);
            AtomicBoolean stop = new AtomicBoolean();
            HostileDriver driver = new HostileDriver(address, stop);
            CompletableFuture<String> hostile = CompletableFuture.supplyAsync(driver::run);
            assertTrue(driver.connected.get(30, TimeUnit.SECONDS), "the hostile peers connected");
            loaded = pingPong(address);
            heapPeak = heapAfterGc();
            stop.set(true);
            System.out.println("hostile: " + hostile.get(60, TimeUnit.SECONDS));
            assertTrue(server.awaitAllClosed(60, TimeUnit.SECONDS), "the server closed every connection: "
                    + server.closed.get() + " of " + server.accepted.get());
            assertEquals(0, server.outstandingIrps(), "every IRP back in the pool");
            heapAfter = heapAfterGc();
        }
        long fdsAfter = ConnectionsAtScaleTest.openFds();
        System.out.println("hostile: ping-pong alone " + baseline + "; beside " + HOSTILE + " hostile peers " + loaded
                + "; heap after GC at peak " + heapPeak / 1024 + " KiB, after " + heapAfter / 1024 + " KiB; fds before "
                + fdsBefore + ", after " + fdsAfter);
        assertEquals(fdsBefore, fdsAfter,
                () -> "the process holds the descriptors it held before; now " + ConnectionsAtScaleTest.networkFds());
    }

    /** Round trips of 64 bytes on one plain blocking socket; each echo checked; returns its latency figures. */
    private static String pingPong(InetSocketAddress address) throws IOException {
        long[] nanos = new long[ROUND_TRIPS];
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            socket.connect(address, 10_000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] message = new byte[MESSAGE];
            byte[] reply = new byte[MESSAGE];
            for (int i = 0; i < ROUND_TRIPS; i++) {
                Arrays.fill(message, (byte) i);
                long t = System.nanoTime();
                out.write(message);
                in.readFully(reply);
                nanos[i] = System.nanoTime() - t;
                assertArrayEquals(message, reply, "round trip " + i);
            }
            socket.shutdownOutput();
            byte[] trailer = in.readAllBytes();
            assertArrayEquals(TestEchoServer.TRAILER, trailer, "the server's final buffer, then EOF");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        return String.format(java.util.Locale.ROOT, "p50 %d µs, p99 %d µs, %.0f round trips/s",
                nanos[ROUND_TRIPS / 2] / 1000, nanos[ROUND_TRIPS * 99 / 100] / 1000, ROUND_TRIPS / seconds);
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Every hostile peer on one selector thread, each doing its kind of harm until told to stop. */
    private static final class HostileDriver {
        final CompletableFuture<Boolean> connected = new CompletableFuture<>();
        private final InetSocketAddress address;
        private final AtomicBoolean stop;
        private final List<SocketChannel> peers = new ArrayList<>();
        private final ByteBuffer flood = ByteBuffer.allocateDirect(64 * 1024);
        private final ByteBuffer sink = ByteBuffer.allocateDirect(64 * 1024);
        private final Random random = new Random(7);
        private long resets;
        private long flooded;

        HostileDriver(InetSocketAddress address, AtomicBoolean stop) {
            this.address = address;
            this.stop = stop;
        }

        String run() {
            try (Selector selector = Selector.open()) {
                for (int i = 0; i < HOSTILE; i++) {
                    open(selector, Kind.values()[i % Kind.values().length]);
                }
                connected.complete(true);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                long nextDrip = System.nanoTime();
                while (!stop.get() && System.nanoTime() < deadline) {
                    selector.select(10);
                    for (SelectionKey key : selector.selectedKeys()) {
                        act(selector, key);
                    }
                    selector.selectedKeys().clear();
                    if (System.nanoTime() - nextDrip >= 0) {
                        nextDrip = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
                        drip(selector);
                    }
                }
                for (SocketChannel peer : peers) {
                    peer.close();
                }
                return "resets " + resets + ", flooded " + flooded / 1024 + " KiB";
            } catch (IOException e) {
                connected.completeExceptionally(e);
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void open(Selector selector, Kind kind) throws IOException {
            SocketChannel channel = SocketChannel.open(address);
            channel.configureBlocking(false);
            peers.add(channel);
            int ops = 0;
            switch (kind) {
                case FLOODER:
                    ops = SelectionKey.OP_WRITE; // and never reads
                    break;
                case RESETTER:
                    channel.write(ByteBuffer.wrap(new byte[100]));
                    ops = SelectionKey.OP_READ;
                    break;
                case HALF_CLOSE_STALL:
                    channel.write(ByteBuffer.wrap(new byte[1024]));
                    channel.shutdownOutput(); // and never reads
                    break;
                default:
                    break;
            }
            channel.register(selector, ops, kind);
        }

        private void act(Selector selector, SelectionKey key) throws IOException {
            SocketChannel channel = (SocketChannel) key.channel();
            if (key.attachment() == Kind.FLOODER && key.isWritable()) {
                flood.clear();
                try {
                    flooded += channel.write(flood);
                } catch (IOException e) {
                    key.cancel(); // the server gave up on it: fair
                }
            } else if (key.attachment() == Kind.RESETTER && key.isReadable()) {
                sink.clear();
                channel.read(sink); // its echo: now reset, and come back as a new resetter
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                channel.close();
                peers.remove(channel);
                resets++;
                open(selector, Kind.RESETTER);
            }
        }

        /** Slowloris peers send one byte at a time; the server echoes it, which they read to keep going. */
        private void drip(Selector selector) throws IOException {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() == Kind.SLOWLORIS && key.isValid() && random.nextInt(4) == 0) {
                    SocketChannel channel = (SocketChannel) key.channel();
                    channel.write(ByteBuffer.wrap(new byte[] {1}));
                    sink.clear();
                    channel.read(sink);
                }
            }
        }
    }
}
