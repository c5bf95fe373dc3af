package io.wsk4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SPEC I1 C6: an I/O thread whose selector can no longer run completes what it owns and lets close() keep its bound. */
@Timeout(60)
class BrokenSelectorTest {
    @Test
    @DisplayName("I1 C6 a broken selector: the loop's pending IRPs complete, later calls throw, close() keeps its bound")
    void aBrokenSelectorEndsItsSocketsCleanly() throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        WskProvider provider = WskProvider.builder().ioThreads(1).closeTimeout(Duration.ofSeconds(1))
                .errorHandler((message, error) -> reports.add(message + ": " + error)).build();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            BlockingQueue<Irp> done = new LinkedBlockingQueue<>();
            Irp connect = Irp.allocate();
            connect.setCompletionRoutine((irp, queue) -> {
                queue.add(irp);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, done, true, true, true);
            provider.socketConnect(server.getLocalSocketAddress(), null, null, connect);
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                WskSocket socket = done.poll(10, TimeUnit.SECONDS).socket();
                Irp receive = Irp.allocate();
                receive.setCompletionRoutine((irp, queue) -> {
                    queue.add(irp);
                    return NtStatus.MORE_PROCESSING_REQUIRED;
                }, done, true, true, true);
                socket.dispatch().receive(socket, WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE, receive);

                ((EngineProvider) provider).loop(0).poller.breakForTest(); // what a broken epoll instance looks like to NIO

                Irp completed = done.poll(10, TimeUnit.SECONDS);
                assertNotNull(completed, "the pending receive completed; reported: " + reports);
                assertEquals(NtStatus.CANCELLED, completed.status(), "as a close completes it (C6)");
                IllegalStateException later = assertThrows(IllegalStateException.class, () -> socket.dispatch()
                        .send(socket, WskBuf.of(ByteBuffer.allocate(1)), SendFlags.NONE, Irp.allocate()));
                assertTrue(later.getMessage().contains("selector"), later.getMessage());
            }
        } catch (Throwable t) {
            provider.close();
            throw t;
        }
        long started = System.nanoTime();
        provider.close();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(millis < 3000, "close() kept its bound: " + millis + " ms");
        assertTrue(reports.stream().anyMatch(r -> r.contains("selector")), reports.toString());
        assertTrue(reports.size() < 10, "reported once, not in a spin: " + reports.size());
        assertTrue(reports.stream().noneMatch(r -> r.contains("still open")), "no socket was left open: " + reports);
    }
}
