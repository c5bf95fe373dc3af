package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many whole connections through a user-written echo server, every byte checked: each client sends a random
 * request, half-closes, and must read exactly its request, then the server's final buffer, then EOF (SPEC D3, D4,
 * C3, X1); afterwards every connection was closed, no IRP is left out of the pool, and the process holds the file
 * descriptors it held before. 1,000 connections in the normal run; {@code -Dwsk4j.scale.connections=10000} for the
 * full size.
 */
@Timeout(300)
class ConnectionsAtScaleTest {
    private static final int CONNECTIONS = Integer.getInteger("wsk4j.scale.connections", 1000);
    private static final int IN_FLIGHT = 64;

    /** One client connection: what it sent and what came back. */
    private static final class Client {
        final SocketChannel channel;
        final ByteBuffer request;
        final long expectedCrc;
        final long expectedLength;
        final CRC32 crc = new CRC32();
        long received;

        Client(SocketChannel channel, byte[] request) {
            this.channel = channel;
            this.request = ByteBuffer.wrap(request);
            CRC32 expected = new CRC32();
            expected.update(request);
            expected.update(TestEchoServer.TRAILER);
            this.expectedCrc = expected.getValue();
            this.expectedLength = request.length + TestEchoServer.TRAILER.length;
        }
    }

    @Test
    @DisplayName("D3 D4 C3 X1 1,000 graceful connections with final buffers: every byte back, then EOF; fds and IRPs as before")
    void everyConnectionIsWholeAndNothingLeaks() throws Exception {
        long fdsBefore = openFds();
        long checkedBytes = 0;
        int done = 0;
        long started = System.nanoTime();
        try (TestEchoServer server = new TestEchoServer(2, Duration.ofSeconds(5));
                Selector selector = Selector.open()) {
            Random random = new Random(20261201);
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            int opened = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (done < CONNECTIONS && System.nanoTime() < deadline) {
                while (opened - done < IN_FLIGHT && opened < CONNECTIONS) {
                    byte[] request = new byte[1 + random.nextInt(8192)];
                    random.nextBytes(request);
                    SocketChannel channel = SocketChannel.open();
                    channel.configureBlocking(false);
                    channel.setOption(StandardSocketOptions.SO_LINGER, -1);
                    channel.connect(server.address);
                    channel.register(selector, SelectionKey.OP_CONNECT, new Client(channel, request));
                    opened++;
                }
                selector.select(1000);
                for (SelectionKey key : selector.selectedKeys()) {
                    Client client = (Client) key.attachment();
                    if (key.isConnectable() && client.channel.finishConnect()) {
                        key.interestOps(SelectionKey.OP_WRITE);
                    }
                    if (key.isValid() && key.isWritable()) {
                        client.channel.write(client.request);
                        if (!client.request.hasRemaining()) {
                            client.channel.shutdownOutput();
                            key.interestOps(SelectionKey.OP_READ);
                        }
                    }
                    if (key.isValid() && key.isReadable()) {
                        in.clear();
                        int n = client.channel.read(in);
                        if (n > 0) {
                            client.crc.update(in.array(), 0, n);
                            client.received += n;
                        } else if (n < 0) {
                            assertEquals(client.expectedLength, client.received, "the echo's length, then EOF");
                            assertEquals(client.expectedCrc, client.crc.getValue(), "the echo's bytes");
                            checkedBytes += client.received;
                            key.cancel();
                            client.channel.close();
                            done++;
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
            assertEquals(CONNECTIONS, done, "every connection finished in time");
            assertTrue(server.awaitAllClosed(30, TimeUnit.SECONDS), "the server closed every connection");
            assertEquals(CONNECTIONS, server.closed.get());
            assertEquals(0, server.outstandingIrps(), "every IRP back in the pool");
            assertEquals(0, server.errors.get(), "nothing reported");
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long fdsAfter = openFds();
        System.out.println("scale: " + done + " connections, " + checkedBytes + " bytes checked, " + millis
                + " ms, fds before " + fdsBefore + ", after " + fdsAfter);
        assertEquals(fdsBefore, fdsAfter, () -> "the process holds the descriptors it held before; now " + networkFds());
    }

    /**
     * The process's descriptors of sockets, pipes and epoll instances, the kinds a provider opens: files are left
     * out, since the class loader opens a jar the first time a test needs a class from it.
     */
    static long openFds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(ConnectionsAtScaleTest::isNetworkOrSelector).count();
        }
    }

    /** What the counted descriptors are now, for a failure message. */
    static String networkFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(ConnectionsAtScaleTest::isNetworkOrSelector).map(fd -> {
                try {
                    return fd.getFileName() + "->" + Files.readSymbolicLink(fd);
                } catch (IOException gone) {
                    return fd.getFileName() + "->closed";
                }
            }).sorted().toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean isNetworkOrSelector(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:");
        } catch (IOException gone) {
            return false; // the descriptor that listed the folder, closed since
        }
    }
}
