package io.wsk4j.transport;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * One end of a byte stream (a TCP connection), as the engine drives it: never blocking, on its loop's thread. An
 * {@link IOException} from a data call means the connection broke (the peer reset it); connect and bind failures are
 * turned into statuses by {@link Transport#statusOf}.
 */
public interface StreamEndpoint extends OptionEndpoint {
    /** Watches this endpoint on {@code poller} for nothing yet; readiness goes to {@code handler}. */
    void register(Poller poller, ReadyHandler handler) throws IOException;

    /** Sets the readiness to watch ({@link Ready} bits). A no-op once the endpoint is closed. */
    void interest(int readyOps);

    void bind(SocketAddress local) throws IOException;

    /** {@return true if connected at once; else {@link Ready#CONNECT} reports the outcome to {@link #finishConnect}} */
    boolean connect(SocketAddress remote) throws IOException;

    /** {@return true once connected, false if not yet} @throws IOException if the connect failed */
    boolean finishConnect() throws IOException;

    /** {@return the bytes read into {@code into}, 0 if none now, -1 at the peer's FIN} @throws IOException at a reset */
    int read(ByteBuffer into) throws IOException;

    /** {@return the bytes taken from {@code from[offset..offset+length)}, in order, 0 if the window is full} */
    long write(ByteBuffer[] from, int offset, int length) throws IOException;

    /** Sends FIN after every byte written so far. */
    void shutdownOutput() throws IOException;

    /**
     * Turns Nagle's algorithm off ({@code on}) or on. Called for each send that asks for it, so an endpoint that pays
     * for the change (a system call) makes it only when it changes something.
     */
    void setNoDelay(boolean on) throws IOException;

    /** {@return the transport's send buffer size, for the send-backlog event} */
    int sendBufferSize() throws IOException;

    /** {@return the local address, null if unbound} @throws IOException if closed */
    SocketAddress localAddress() throws IOException;

    /** {@return the remote address, null if unconnected} @throws IOException if closed */
    SocketAddress remoteAddress() throws IOException;

    boolean isOpen();

    /**
     * Closes the connection as {@code how} says; a {@link CloseKind#HAND_ON} close lingers until the peer's FIN or
     * {@code lingerDeadline} ({@link Poller#nanoTime()} terms), telling the loop's {@link LoopHost} while it does.
     *
     * @return true if an RST goes on the wire only at the poller's next {@link Poller#poll}, so that whatever must
     *     follow it waits for that poll
     */
    boolean close(CloseKind how, long lingerDeadline);
}
