package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GreeterTest {
    @Test
    void greetsThroughTheGeneratedDispatch() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                WskProvider provider = WskProvider.open()) {
            server.setSoTimeout(10_000);
            Greeter.Greeting greeting = new Greeter.Greeting("hello");
            new Greeter().greet(provider, server.getLocalSocketAddress(), greeting);
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                InputStream in = peer.getInputStream();
                assertEquals("hello", new String(in.readNBytes(5), StandardCharsets.US_ASCII));
                assertEquals(-1, in.read());
                assertEquals(NtStatus.SUCCESS, greeting.done.get(10, TimeUnit.SECONDS));
                assertEquals(5L, greeting.sent.get(10, TimeUnit.SECONDS));
            }
        }
    }
}
