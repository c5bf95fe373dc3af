package io.wsk4j.examples.timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The user guide's connect time-out (docs/guide/wire.md): the user's own timer cancels the connect IRP. */
@Timeout(60)
class ConnectWithTimeoutTest {
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private WskProvider provider;

    @BeforeEach
    void open() {
        provider = WskProvider.builder().ioThreads(1).errorHandler((m, e) -> errors.add(m + ": " + e)).build();
    }

    @AfterEach
    void close() {
        provider.close();
        timer.shutdownNow();
        assertEquals(List.of(), errors);
    }

    @Test
    void aConnectThatCannotCompleteIsCancelledByTheTimer() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // a listener that never accepts, its accept queue filled: Linux drops further SYNs, so a connect waits
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort());
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket filler = new Socket();
                    fillers.add(filler);
                    try {
                        filler.connect(target, 200);
                    } catch (SocketTimeoutException queueFull) {
                        break;
                    }
                }
                CompletableFuture<WskSocket> connected =
                        ConnectWithTimeout.connect(provider, target, Duration.ofMillis(300), timer);
                ExecutionException failed = assertThrows(ExecutionException.class,
                        () -> connected.get(10, TimeUnit.SECONDS));
                assertTrue(failed.getCause().getMessage().contains("CANCELLED"), failed.getCause().getMessage());
                assertEquals(0, provider.openSocketCount(), "the provider closed the socket it made for the connect");
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void aConnectThatCompletesInTimeGivesTheSocketAndStopsTheTimer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            WskSocket socket = ConnectWithTimeout.connect(provider, server.getLocalSocketAddress(),
                    Duration.ofSeconds(5), timer).get(10, TimeUnit.SECONDS);
            assertNotNull(socket);
            try (Socket accepted = server.accept()) {
                assertTrue(accepted.isConnected());
                CompletableFuture<NtStatus> closed = new CompletableFuture<>();
                Irp irp = Irp.allocate();
                irp.setCompletionRoutine((done, future) -> {
                    future.complete(done.status());
                    done.free();
                    return NtStatus.MORE_PROCESSING_REQUIRED;
                }, closed, true, true, true);
                socket.dispatch().closeSocket(socket, irp);
                assertEquals(NtStatus.SUCCESS, closed.get(10, TimeUnit.SECONDS));
            }
        }
    }
}
