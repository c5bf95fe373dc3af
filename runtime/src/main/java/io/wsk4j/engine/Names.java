package io.wsk4j.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The parts of WskGetAddressInfo that need no resolver (SPEC N1): the service's port and address literals. */
final class Names {
    /** A node or service that is not one: the request completes INVALID_PARAMETER. */
    static final int INVALID = -1;

    private Names() {}

    /** {@return the port of {@code service}: null is 0, else a decimal number 0 to 65535; {@link #INVALID} if not} */
    static int port(String service) {
        if (service == null) {
            return 0;
        }
        if (service.isEmpty() || service.length() > 5) {
            return INVALID;
        }
        int port = 0;
        for (int i = 0; i < service.length(); i++) {
            char c = service.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID; // a service name ("http") is not supported: the port, as a number
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535 ? port : INVALID;
    }

    /**
     * {@return the address that {@code node} spells, if it is an address literal (dotted IPv4, or IPv6 with colons,
     * bracketed or not); null if it is a name} A literal is never looked up.
     *
     * @throws UnknownHostException if it has the shape of an IPv6 literal but is not one
     */
    static InetAddress literal(String node) throws UnknownHostException {
        if (node.indexOf(':') >= 0) {
            return InetAddress.getByName(node); // with a colon, the JDK parses it as an IPv6 literal and never asks DNS
        }
        byte[] bytes = dottedQuad(node);
        return bytes == null ? null : InetAddress.getByAddress(bytes);
    }

    /** {@return the four bytes of a strict a.b.c.d literal, each 0 to 255, or null} */
    private static byte[] dottedQuad(String node) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= node.length(); i++) {
            char c = i == node.length() ? '.' : node.charAt(i);
            if (c == '.') {
                if (digits == 0 || part == 4) {
                    return null;
                }
                bytes[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? bytes : null;
    }
}
