package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ProviderTest {
    @Test
    @DisplayName("C6 WskProvider.close() completes a forgotten socket's IRPs as closeSocket would, and reports it")
    void closeForgottenSockets() throws Exception {
        Loopback lb = new Loopback();
        try {
            Connection c = lb.connect();
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                    lb.completions.irp("receive"));
            GracefulDisconnectTest.barrier(lb, c);
            lb.provider.close();
            assertEquals(NtStatus.CANCELLED, lb.completions.await("receive").status());
            assertEquals("RESET", Loopback.endOf(c.peer()), "closing without a disconnect resets the peer");
            assertEquals(0, lb.provider.openSocketCount());
            assertEquals(1, lb.errors.size(), lb.errors.toString());
            assertTrue(lb.errors.get(0).contains("still open") && lb.errors.get(0).contains(c.socket().toString()),
                    lb.errors.get(0));
            assertThrows(IllegalStateException.class, () -> lb.provider.socket(null, null, Irp.allocate()),
                    "a closed provider makes no sockets");
        } finally {
            lb.close();
        }
    }

    @Test
    @DisplayName("C5 C6 a routine's closeSocket on a socket WskProvider.close() closed says who closed it")
    void forcedCloseSaysWhoClosed() throws Exception {
        Loopback lb = new Loopback();
        try {
            Connection c = lb.connect();
            java.util.concurrent.BlockingQueue<String> seen = new java.util.concurrent.LinkedBlockingQueue<>();
            Irp receive = Irp.allocate();
            receive.setCompletionRoutine((irp, socket) -> {
                seen.add(irp.status().toString());
                irp.free();
                try {
                    Irp close = Irp.allocate();
                    close.setCompletionRoutine((done, ignored) -> {
                        done.free();
                        return NtStatus.MORE_PROCESSING_REQUIRED;
                    }, null, true, true, true);
                    socket.dispatch().closeSocket(socket, close); // the ordinary "on error, close"
                    seen.add("closed");
                } catch (IllegalStateException e) {
                    seen.add(e.getMessage());
                }
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, c.socket(), true, true, true);
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE, receive);
            GracefulDisconnectTest.barrier(lb, c);
            lb.provider.close();
            assertEquals(NtStatus.CANCELLED.toString(), seen.poll(10, java.util.concurrent.TimeUnit.SECONDS));
            String refusal = seen.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(refusal != null && refusal.contains("WskProvider.close()"), String.valueOf(refusal));
        } finally {
            lb.close();
        }
    }

    @Test
    @DisplayName("A6 the provider starts the I/O threads it was asked for and stops them at close")
    void threads() throws Exception {
        WskProvider provider = WskProvider.builder().ioThreads(3).build();
        Set<String> names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("wsk4j-io-")).collect(Collectors.toSet());
        provider.close();
        Set<String> after = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(names::contains).collect(Collectors.toSet());
        assertTrue(names.size() >= 3, names.toString());
        assertEquals(Set.of(), after, "every I/O thread stopped");
        assertThrows(IllegalArgumentException.class, () -> WskProvider.builder().ioThreads(0));
    }
}
