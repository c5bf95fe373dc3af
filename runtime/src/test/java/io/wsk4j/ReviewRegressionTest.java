package io.wsk4j;

import static io.wsk4j.Loopback.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A case found in review that needs two I/O threads (a simulation has one loop): accepted sockets spread over them.
 * The other cases are in {@code io.wsk4j.conformance.ReviewRegressionTest}, on both transports.
 */
@Timeout(60)
class ReviewRegressionTest {
    private static String text(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("A6 accepted sockets are spread over the I/O threads, each accept event on its socket's thread")
    void acceptedSocketsSpread() throws Exception {
        try (Loopback lb = new Loopback(2)) {
            BlockingQueue<WskSocket> accepted = new LinkedBlockingQueue<>();
            Set<String> threads = java.util.Collections.synchronizedSet(new HashSet<>());
            WskClientListenDispatch<Object> listener = (context, socket, local, remote) -> {
                threads.add(Thread.currentThread().getName());
                accepted.add(socket);
                return WskAccept.accept(null, null);
            };
            Loopback.Listening listening = lb.listen(null, listener);
            SocketAddress address = listening.address();
            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket client = new Socket();
                    client.connect(address, Loopback.PEER_TIMEOUT_MILLIS);
                    clients.add(client);
                }
                for (int i = 0; i < 4; i++) {
                    WskSocket socket = accepted.poll(10, TimeUnit.SECONDS);
                    assertNotNull(socket);
                    socket.dispatch().send(socket, WskBuf.of(bytes("hi")), SendFlags.NONE, lb.completions.irp("s" + i));
                    assertEquals(NtStatus.SUCCESS, lb.completions.await("s" + i).status());
                    lb.closeSocket(socket);
                }
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
            }
            lb.closeSocket(listening.socket());
            assertEquals(2, threads.size(), "both I/O threads ran accept events: " + threads);
        }
    }
}
