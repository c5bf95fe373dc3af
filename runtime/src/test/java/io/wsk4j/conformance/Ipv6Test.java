package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsk4j.WskAccept;
import io.wsk4j.WskClientListenDispatch;
import io.wsk4j.WskSocket;
import io.wsk4j.conformance.Network.Connection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 18's IPv6: every conformance test runs over 127.0.0.1 and ::1 ({@link Transport}); these check what the family
 * itself changes: the addresses a connection reports, the dual-stack wildcard listener, a listener of one family.
 */
@Timeout(60)
class Ipv6Test {
    @OnBothTransports
    @DisplayName("A5 S7 a connection reports addresses of the run's family at both ends (127.0.0.1 or ::1)")
    void addressesOfTheFamily(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            InetSocketAddress local = (InetSocketAddress) net.address(c.socket(), true);
            InetSocketAddress remote = (InetSocketAddress) net.address(c.socket(), false);
            assertEquals(net.loopback(), local.getAddress());
            assertEquals(net.peerAddress(), remote);
            assertEquals(c.peer().remoteAddress(), local);
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("K5 S7 a listener bound to the wildcard address is dual-stack: it takes connections of both families")
    void wildcardListenerIsDualStack(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            List<InetSocketAddress> remotes = new ArrayList<>();
            List<WskSocket> accepted = new ArrayList<>();
            WskClientListenDispatch<List<InetSocketAddress>> accept = (context, socket, local, remote) -> {
                synchronized (context) {
                    context.add((InetSocketAddress) remote);
                    accepted.add(socket);
                    context.notifyAll(); // the test waits on this list
                }
                return WskAccept.accept(null, null);
            };
            String name = "listen-any";
            net.provider().socketListen(new InetSocketAddress(0), remotes, accept, net.completions.irp(name));
            Network.Listening listening = new Network.Listening(net.completions.await(name).listenSocket(), null);
            int port = ((InetSocketAddress) net.address(listening.socket(), true)).getPort();
            Peer peer = net.connectPeer(new InetSocketAddress(net.loopback(), port));
            net.await(remotes, () -> {
                synchronized (remotes) {
                    return !remotes.isEmpty();
                }
            }, "the accept event");
            synchronized (remotes) {
                assertEquals(peer.localAddress(), remotes.get(0));
                assertEquals(net.loopback(), remotes.get(0).getAddress());
            }
            net.closeSocket(accepted.get(0));
            peer.close();
            net.closeSocket(listening.socket());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Transport.class, names = {"NIO_IPV6", "SIM_IPV6"})
    @DisplayName("X3 S7 a listener bound to 127.0.0.1 takes no connection to ::1: the connect is refused")
    void oneFamilyListener(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            WskClientListenDispatch<Object> accept = (context, socket, local, remote) -> WskAccept.accept(null, null);
            String name = "listen-v4";
            net.provider().socketListen(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), null, accept,
                    net.completions.irp(name));
            Network.Listening listening = new Network.Listening(net.completions.await(name).listenSocket(), null);
            int port = ((InetSocketAddress) net.address(listening.socket(), true)).getPort();
            assertEquals("refused", net.startPeerConnect(new InetSocketAddress(net.loopback(), port)).outcome());
            net.closeSocket(listening.socket());
        }
    }
}
