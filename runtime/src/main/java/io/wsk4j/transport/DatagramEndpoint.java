package io.wsk4j.transport;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;

/**
 * A datagram socket (UDP), as the engine drives it: never blocking, on its loop's thread. An ICMP port-unreachable
 * that the platform reports (Linux does so only on a connected socket) surfaces as {@link
 * java.net.PortUnreachableException} from the next {@link #send} or {@link #receive}; the endpoint stays usable.
 */
public interface DatagramEndpoint {
    /**
     * The most bytes one datagram carries over IPv4 or IPv6 without jumbograms, plus one: a receive into a buffer with
     * this much room is never cut short, so the engine learns every datagram's full length (SPEC G2).
     */
    int RECEIVE_ROOM = 65_536;

    /** Watches this endpoint on {@code poller} for nothing yet; readiness goes to {@code handler}. */
    void register(Poller poller, ReadyHandler handler) throws IOException;

    /** Sets the readiness to watch ({@link Ready#READ}, {@link Ready#WRITE}). A no-op once the endpoint is closed. */
    void interest(int readyOps);

    void bind(SocketAddress local) throws IOException;

    /**
     * Sends {@code datagram}'s remaining bytes as one datagram to {@code target}.
     *
     * @return the bytes sent (all of them), or 0 if the transport has no room now ({@link Ready#WRITE} says when)
     */
    int send(ByteBuffer datagram, SocketAddress target) throws IOException;

    /**
     * Receives one datagram into {@code into}, which must have {@link #RECEIVE_ROOM} bytes of room, so that the
     * datagram's length is its position's advance.
     *
     * @return the datagram's source, or null if none waits
     */
    SocketAddress receive(ByteBuffer into) throws IOException;

    /**
     * Fixes the remote address (SIO_WSK_SET_REMOTE_ADDRESS, a UDP connect): datagrams from elsewhere are no longer
     * received, and the platform may report ICMP errors for it. Replaces an earlier one.
     */
    void connect(SocketAddress remote) throws IOException;

    /** {@return the fixed remote address, null if none} @throws IOException if closed */
    SocketAddress remoteAddress() throws IOException;

    /** {@return the local address, null if unbound} @throws IOException if closed */
    SocketAddress localAddress() throws IOException;

    <T> void setOption(SocketOption<T> option, T value) throws IOException;

    <T> T getOption(SocketOption<T> option) throws IOException;

    /** {@return true if the port closes only at the poller's next poll (the engine then holds the close until it)} */
    boolean close();
}
