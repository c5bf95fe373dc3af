package io.wsk4j.sim;

import io.wsk4j.transport.sim.PeerEnd;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A peer in a simulated network: on the wire, a plain {@code java.net.Socket} with a thread that reads everything
 * (until told to stop) and writes what it is given as fast as the window allows. What it saw is recorded: the bytes,
 * then EOF (a graceful end) or a reset. Use it from the simulation's thread; the simulation moves it as it runs.
 */
public final class SimPeer {
    /** How the peer's reads ended. */
    public enum Ending {
        /** Neither EOF nor a reset yet. */
        OPEN,
        /** {@code read() == -1}: the other side's FIN after every byte. */
        EOF,
        /** "Connection reset": the other side's RST. */
        RESET
    }

    private final PeerEnd end;

    SimPeer(PeerEnd end) {
        this.end = end;
    }

    /** {@return whether its connect completed; a peer accepted by a listening peer is connected from the start} */
    public boolean isConnected() {
        return end.connected();
    }

    /** {@return why its connect failed, or null} */
    public IOException connectFailure() {
        return end.connectFailure();
    }

    /** {@return this peer's address} */
    public InetSocketAddress localAddress() {
        return end.localAddress();
    }

    /** {@return the address it is connected to} */
    public InetSocketAddress remoteAddress() {
        return end.remoteAddress();
    }

    /**
     * Queues bytes to send; they leave as the other side's window allows.
     *
     * @param bytes what to send (copied)
     * @return this peer
     */
    public SimPeer write(byte[] bytes) {
        end.write(bytes);
        return this;
    }

    /**
     * Queues text to send, as UTF-8.
     *
     * @param text what to send
     * @return this peer
     */
    public SimPeer write(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends FIN after every byte queued so far ({@code Socket.shutdownOutput()}). */
    public void shutdownOutput() {
        end.shutdownOutput();
    }

    /** Resets the connection now, as a close with SO_LINGER 0 does. */
    public void reset() {
        end.reset();
    }

    /** Closes as Linux does: a reset if received bytes are unread (it stopped reading), else FIN. */
    public void close() {
        end.close();
    }

    /** Stops reading: what arrives stays unread, the window fills, and the other side's sends stay pending. */
    public void stopReading() {
        end.stopReading();
    }

    /** Reads again what arrived and what arrives. */
    public void resumeReading() {
        end.resumeReading();
    }

    /**
     * Resets the connection once it has read a number of bytes in all: a peer that resets in the middle of a stream.
     *
     * @param bytes how many bytes it reads before it resets
     */
    public void resetAfterReading(long bytes) {
        end.resetAfterReading(bytes);
    }

    /** Closes the connection once its reads saw EOF, as a client that read its whole answer does. */
    public void closeAtEnd() {
        end.closeAtEnd();
    }

    /** {@return every byte it has read so far} */
    public byte[] received() {
        return end.received();
    }

    /** {@return every byte it has read so far, as UTF-8 text} */
    public String receivedText() {
        return new String(end.received(), StandardCharsets.UTF_8);
    }

    /** {@return how many bytes it has read so far} */
    public long receivedCount() {
        return end.receivedCount();
    }

    /** {@return how its reads ended so far} */
    public Ending ending() {
        return Ending.valueOf(end.ending().name());
    }

    @Override
    public String toString() {
        return end.toString();
    }
}
