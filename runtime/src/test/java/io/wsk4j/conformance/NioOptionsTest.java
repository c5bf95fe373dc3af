package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsk4j.NtStatus;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskOption;
import io.wsk4j.WskSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC K5 on real sockets only: that an option set before bind reaches the kernel shows only there, through the
 * connections the kernel accepts with the listener's options. The simulation keeps option values, but has no kernel
 * to copy a listener's options to the connections it accepts.
 */
@Timeout(60)
class NioOptionsTest {
    @Test
    @DisplayName("K5 on NIO SO_RCVBUF set on a listening socket before bind is what its accepted connections start with")
    void acceptedConnectionsInheritTheListenersBuffer() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux copies it to accepted sockets");
        try (Network net = Transport.NIO.open()) {
            KindCalls calls = new KindCalls(net);
            WskListenSocket l = calls.listenSocket(null, null);
            assertEquals(NtStatus.SUCCESS, calls.set(l, WskOption.SO_RCVBUF, 12288));
            assertEquals(NtStatus.SUCCESS, calls.bind(l));
            assertEquals(12288, calls.get(l, WskOption.SO_RCVBUF));
            calls.accept(l, "accept", null, null);
            net.connectPeer(net.address(l, true));
            WskSocket accepted = calls.await("accept").socket();
            assertEquals(12288, calls.get(accepted, WskOption.SO_RCVBUF), "the kernel copied the listener's buffer");
            net.closeSocket(accepted);
            net.closeSocket(l);
        }
    }
}
