package io.wsk4j.examples.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC P5: the generated {@code listen(provider, address, context)} never fails silently and always lets the caller
 * close the listening socket, so closing the provider afterwards finds nothing left open and reports nothing.
 */
@Timeout(60)
class ListenTest {
    private static final long WAIT_SECONDS = 10;

    @Test
    @DisplayName("P5 listen on a taken port: the handler gets ADDRESS_ALREADY_EXISTS and no socket; nothing to report")
    void takenPort() throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try (WskProvider provider = provider(reports)) {
                ListenerDispatch glue = new ListenerDispatch(Listener::new);
                Listener.Port port = new Listener.Port();
                glue.listen(provider, taken.getLocalSocketAddress(), port);
                assertEquals(NtStatus.ADDRESS_ALREADY_EXISTS, port.listened.get(WAIT_SECONDS, TimeUnit.SECONDS));
                assertNull(port.socket, "no listening socket on failure");
            }
        }
        assertEquals(List.of(), reports, "the provider closed without finding a forgotten socket");
    }

    @Test
    @DisplayName("P5 listen, accept a peer, close the listener: later peers are refused; the provider reports nothing")
    void closeTheListenerBeforeTheProvider() throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        SocketAddress address;
        try (WskProvider provider = provider(reports)) {
            ListenerDispatch glue = new ListenerDispatch(Listener::new);
            Listener.Port port = new Listener.Port();
            glue.listen(provider, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), port);
            assertEquals(NtStatus.SUCCESS, port.listened.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertNotNull(port.socket, "the listening socket reaches the handler");
            address = localAddress(port);
            try (Socket remote = new Socket()) {
                remote.connect(address, (int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
                Listener.Peer peer = port.accepted.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertNotNull(peer, "the accept handler ran");
                assertEquals(remote.getLocalSocketAddress(), peer.remote());
                glue.close(peer.socket(), peer);
                assertNotNull(peer.closed().get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            glue.close(port.socket, port);
            assertEquals(NtStatus.SUCCESS, port.closed.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertThrows(ConnectException.class, () -> connectOnce(address), "nobody listens after the close");
        }
        assertEquals(List.of(), reports, "the provider closed without finding a forgotten socket");
    }

    private static WskProvider provider(List<String> reports) {
        return WskProvider.builder()
                .closeTimeout(Duration.ofSeconds(30)) // a forgotten socket would be reported after waiting this long
                .errorHandler((message, error) -> reports.add(message + ": " + error))
                .build();
    }

    /** The listener's ephemeral address, read with the faithful API (WskGetLocalAddress). */
    private static SocketAddress localAddress(Listener.Port port) throws Exception {
        CompletableFuture<SocketAddress> address = new CompletableFuture<>();
        CompletionRoutine<CompletableFuture<SocketAddress>> routine = (irp, result) -> {
            result.complete(irp.address());
            irp.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        };
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine(routine, address, true, true, true);
        port.socket.dispatch().getLocalAddress(port.socket, irp);
        return address.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void connectOnce(SocketAddress address) throws IOException {
        try (Socket late = new Socket()) {
            late.connect(address, (int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
    }
}
