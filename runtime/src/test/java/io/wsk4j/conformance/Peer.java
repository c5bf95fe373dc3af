package io.wsk4j.conformance;

import java.nio.charset.StandardCharsets;

/**
 * The other end of a connection, as a user's peer sees the wire: a plain {@code java.net.Socket} on loopback, or a
 * simulated peer with the same behaviour. Reads happen only when a test asks for them, so a peer that is not asked to
 * read lets its window fill, as a real one does.
 */
interface Peer {
    void write(byte[] bytes) throws Exception;

    default void write(String text) throws Exception {
        write(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads exactly {@code n} bytes (bounded wait); fails the test at EOF, reset or time-out. */
    byte[] readExactly(int n) throws Exception;

    /** Reads until EOF and returns every byte; fails the test if the connection is reset instead. */
    byte[] readToEnd() throws Exception;

    /** Reads until the end and says how it ended: "EOF" or "RESET". */
    String endOf() throws Exception;

    /** Sends FIN after what was written. */
    void shutdownOutput() throws Exception;

    /** Resets the connection (SO_LINGER 0, then close). */
    void reset() throws Exception;

    /** Closes as the platform does: FIN, or RST if received bytes are unread. */
    void close() throws Exception;

    /**
     * Starts reading to the end by itself, as a peer with a reading thread does, so that the test can go on (and
     * close the provider) meanwhile; then it closes if {@code thenClose}, as a client that got its answer does.
     */
    Reading readToEndInBackground(boolean thenClose) throws Exception;

    /** The bytes a background read got before EOF. */
    interface Reading {
        /** {@return every byte before EOF} Fails the test if the peer saw a reset instead, or nothing ended it. */
        byte[] await() throws Exception;
    }

    /**
     * Sends {@code bytes} bytes by itself, as fast as our side reads them, while the test goes on; a reset or close
     * ends it quietly.
     */
    void stream(long bytes) throws Exception;

    /** {@return the peer's own address} */
    java.net.SocketAddress localAddress();

    /** {@return the address the peer is connected to} */
    java.net.SocketAddress remoteAddress();
}
