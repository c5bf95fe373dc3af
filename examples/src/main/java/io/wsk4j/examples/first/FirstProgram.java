package io.wsk4j.examples.first;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.concurrent.TimeUnit.SECONDS;

import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's first program, part 2: open a provider, connect, send "hello" with a graceful disconnect, wait for
 * the peer's FIN, close quietly. The peer is a plain socket in the same program, on 127.0.0.1.
 */
public final class FirstProgram {
    private FirstProgram() {}

    public static void main(String[] args) throws Exception {
        run().forEach(System.out::println);
    }

    /** Runs the program; returns what it printed. */
    public static List<String> run() throws Exception {
        List<String> log = new ArrayList<>();
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                WskProvider provider = WskProvider.open()) {
            GreeterDispatch wsk = new GreeterDispatch(new Greeter());     // generated from Greeter's handlers
            Greeter.Session session = new Greeter.Session();
            wsk.connect(provider, peer.getLocalSocketAddress(), session); // WskSocketConnect
            try (Socket remote = peer.accept()) {
                WskSocket socket = session.connected.get(10, SECONDS);
                wsk.disconnect(socket, WskBuf.of(ByteBuffer.wrap("hello".getBytes(US_ASCII))), session);
                log.add("peer read: " + new String(remote.getInputStream().readAllBytes(), US_ASCII) + ", then EOF");
                log.add("disconnect: " + session.disconnected.get(10, SECONDS));
                remote.shutdownOutput();                                  // the peer's FIN
                wsk.receive(socket, WskBuf.of(ByteBuffer.allocate(16)), session);
                log.add("receive: " + session.received.get(10, SECONDS) + " bytes (the peer's FIN)");
                wsk.close(socket, session);                               // both directions done: a quiet close
                log.add("close: " + session.closed.get(10, SECONDS));
            }
        }
        return log;
    }
}
