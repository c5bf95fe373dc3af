package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the runtime says when something is left undone: the socket by its addresses, what to do, one report each. */
@Timeout(60)
class MessagesTest {
    @Test
    @DisplayName("C6 a socket left open is reported by its addresses, with what to call and how to see where it was made")
    void socketLeftOpenNamedByAddress() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        Completions completions = new Completions();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            WskProvider provider = WskProvider.builder().ioThreads(1).closeTimeout(Duration.ofMillis(200))
                    .errorHandler((message, error) -> errors.add(message + ": " + error.getMessage())).build();
            provider.socketConnect(server.getLocalSocketAddress(), null, null, completions.irp("connect"));
            try (Socket peer = server.accept()) {
                assertEquals(NtStatus.SUCCESS, completions.await("connect").status());
                provider.close();
                assertEquals(1, errors.size(), errors.toString());
                String message = errors.get(0);
                String remote = "127.0.0.1:" + server.getLocalPort();
                String local = "127.0.0.1:" + peer.getPort();
                assertTrue(message.contains(local + " -> " + remote), "names the socket by its addresses: " + message);
                assertTrue(message.contains("closeSocket") && message.contains("close("), "says what to call: "
                        + message);
                assertTrue(message.contains("wsk4j.verifier"), "says how to learn where it was made: " + message);
            }
        }
    }

    @Test
    @DisplayName("V3 C6 with the verifier on, a socket left open gives one report, not a report and an error")
    void oneMistakeOneReport() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        List<WskVerifierReport> reports = new CopyOnWriteArrayList<>();
        Completions completions = new Completions();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            WskProvider provider = WskProvider.builder().ioThreads(1).closeTimeout(Duration.ofMillis(200))
                    .verifier(true).verifierListener(reports::add)
                    .errorHandler((message, error) -> errors.add(message + ": " + error.getMessage())).build();
            provider.socketConnect(server.getLocalSocketAddress(), null, null, completions.irp("connect"));
            try (Socket peer = server.accept()) {
                assertEquals(NtStatus.SUCCESS, completions.await("connect").status());
                provider.close();
                assertEquals(List.of(), errors, "the verifier's report is the one report");
                assertEquals(1, reports.size(), reports.toString());
                assertTrue(reports.get(0).message().contains("127.0.0.1:" + peer.getPort() + " -> 127.0.0.1:"
                        + server.getLocalPort()), reports.get(0).message());
            }
        }
    }
}
