package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskEvent;
import io.wsk4j.conformance.Network.Connection;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/** A receive event written wrongly never leaves a peer hanging silently (SPEC E6, E7); on both transports. */
@Timeout(60)
class ReceiveEventMistakesTest {
    @OnBothTransports
    @DisplayName("E6 a receive event that throws ends the connection abortively: the peer sees a reset, the error names the socket")
    void throwingEventResetsTheConnection(Transport transport) throws Exception {
        try (Network net = transport.openOneIoThread()) {
            WskClientConnectionDispatch<String> events = new WskClientConnectionDispatch<>() {
                @Override
                public long onReceive(String context, WskBuf data) {
                    throw new IllegalStateException("a bug in the handler");
                }
            };
            Connection c = net.connect("ctx", events);
            net.enable(c.socket(), WskEvent.RECEIVE);
            c.peer().write("hello");
            assertEquals("RESET", c.peer().endOf(), "a dead connection is never kept: the peer learns at once");
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                    net.completions.irp("later"));
            assertEquals(NtStatus.CONNECTION_ABORTED, net.completions.await("later").status());
            net.closeSocket(c.socket());
            List<String> errors = net.errors();
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).contains(remote(net)) && errors.get(0).contains("a bug in the handler")
                    && errors.get(0).contains("reset"), errors.get(0));
        }
    }

    @OnBothTransports
    @DisplayName("E7 a receive event that read its data but returned fewer bytes than it read is reported")
    void readThenReturnedZeroIsReported(Transport transport) throws Exception {
        try (Network net = transport.openOneIoThread()) {
            Log seen = new Log(net);
            WskClientConnectionDispatch<String> events = new WskClientConnectionDispatch<>() {
                @Override
                public long onReceive(String context, WskBuf data) {
                    StringBuilder text = new StringBuilder();
                    ByteBuffer bytes = data.buffer(0);
                    while (bytes.hasRemaining()) {
                        text.append((char) bytes.get()); // reading moves the view: its length() is now 0
                    }
                    seen.add(text.toString());
                    return data.length(); // the mistake: 0, measured after reading
                }
            };
            Connection c = net.connect("ctx", events);
            net.enable(c.socket(), WskEvent.RECEIVE);
            c.peer().write("hello");
            assertEquals("hello", seen.next(), "the receive event ran");
            // the kept bytes go to the next receive IRP, so the connection goes on
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                    net.completions.irp("receive"));
            assertEquals(5, net.completions.await("receive").information());
            net.closeSocket(c.socket());
            List<String> errors = net.errors();
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).contains("read 5") && errors.get(0).contains("returned 0")
                    && errors.get(0).contains(remote(net)), errors.get(0));
        }
    }

    /** {@return how messages name the peer's end: 127.0.0.1:port, or [::1]:port as written in full} */
    private static String remote(Network net) {
        InetSocketAddress peer = (InetSocketAddress) net.peerAddress();
        String host = peer.getAddress().getHostAddress();
        return (peer.getAddress() instanceof java.net.Inet6Address ? "[" + host + "]" : host) + ":" + peer.getPort();
    }
}
