package io.wsk4j.engine;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Socket addresses as people write them: {@code 127.0.0.1:7000}, {@code [::1]:7000}; no host name lookup. */
final class Addresses {
    private Addresses() {}

    static String text(SocketAddress address) {
        if (address == null) {
            return "";
        }
        if (!(address instanceof InetSocketAddress)) {
            return address.toString();
        }
        InetSocketAddress inet = (InetSocketAddress) address;
        if (inet.isUnresolved() || inet.getAddress() == null) {
            return inet.getHostString() + ":" + inet.getPort();
        }
        String host = inet.getAddress().getHostAddress();
        return (inet.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
}
