package io.wsk4j.transport.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * A test's peer in the simulated world: what a plain {@code java.net.Socket} with a thread reading it would do, seen
 * from the wire. It reads everything that arrives unless told to stop, writes what it is given as fast as the window
 * lets it, and records what it saw: the bytes, then EOF or a reset.
 */
public final class PeerEnd {
    /** How a peer's connection ended, as its reads saw it. */
    public enum Ending { OPEN, EOF, RESET }

    private final SimNetwork network;
    private final Wire wire;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
    private boolean reading = true;
    private boolean finQueued;
    private boolean closed;
    private long resetAfter = -1;
    private boolean closeAtEnd;
    private Ending ending = Ending.OPEN;
    private boolean connected;
    private IOException connectFailure;

    PeerEnd(SimNetwork network, Wire wire, boolean connected) {
        this.network = network;
        this.wire = wire;
        this.connected = connected;
        wire.watcher = this::changed;
    }

    /** A peer that connects to {@code remote}; {@link #connected()} once the handshake is done. */
    public static PeerEnd connect(SimNetwork network, SocketAddress remote) throws IOException {
        network.checkThread("SimPeer connect");
        PeerEnd peer = new PeerEnd(network, network.newWire(), false);
        network.connect(peer.wire, remote, failure -> {
            peer.connectFailure = failure;
            peer.connected = failure == null;
            peer.network.note(peer.wire, failure == null ? "peer connected" : "peer's connect failed: " + failure);
            peer.changed();
        });
        return peer;
    }

    public boolean connected() {
        return connected;
    }

    public IOException connectFailure() {
        return connectFailure;
    }

    public InetSocketAddress localAddress() {
        return wire.local;
    }

    public InetSocketAddress remoteAddress() {
        return wire.remote;
    }

    public void write(byte[] bytes) {
        network.checkThread("SimPeer.write");
        if (finQueued || closed) {
            throw new IllegalStateException("this peer already shut its output down or closed: it can write no more");
        }
        unsent.addLast(ByteBuffer.wrap(bytes.clone()));
        changed();
    }

    /** FIN after every byte written so far (Socket.shutdownOutput). */
    public void shutdownOutput() {
        network.checkThread("SimPeer.shutdownOutput");
        finQueued = true;
        changed();
    }

    /** RST now, as a close with SO_LINGER 0 does. */
    public void reset() {
        network.checkThread("SimPeer.reset");
        closed = true;
        unsent.clear();
        wire.reset();
        network.note(wire, "peer reset the connection");
    }

    /** Closes as Linux does: RST if bytes it received are unread (it stopped reading), else FIN after what it wrote. */
    public void close() {
        network.checkThread("SimPeer.close");
        if (closed) {
            return;
        }
        finQueued = true;
        pump();
        closed = true;
        if (!unsent.isEmpty()) {
            wire.reset(); // an unsent queue is dropped by a close that resets; keep it simple: a close loses it
            return;
        }
        wire.close();
    }

    public void stopReading() {
        reading = false;
    }

    public void resumeReading() {
        reading = true;
        changed();
    }

    /** Resets the connection once it has read {@code bytes} in all (a peer that resets mid-stream). */
    public void resetAfterReading(long bytes) {
        resetAfter = bytes;
        changed();
    }

    /** Closes once the reads saw EOF. */
    public void closeAtEnd() {
        network.checkThread("SimPeer.closeAtEnd");
        closeAtEnd = true;
        if (ending == Ending.EOF) {
            close();
        }
    }

    public byte[] received() {
        return received.toByteArray();
    }

    public long receivedCount() {
        return received.size();
    }

    public Ending ending() {
        return ending;
    }

    /** Bytes this peer wrote that have not left it yet (the window was full). */
    public long unsentCount() {
        long n = 0;
        for (ByteBuffer b : unsent) {
            n += b.remaining();
        }
        return n;
    }

    private void changed() {
        if (closed || !wire.connected()) {
            return;
        }
        pump();
        if (reading) {
            drain();
        }
    }

    private void pump() {
        while (!unsent.isEmpty() && !closed && wire.window() > 0 && !wire.resetArrived()) {
            ByteBuffer head = unsent.peekFirst();
            try {
                wire.write(new ByteBuffer[] {head}, 0, 1);
            } catch (IOException e) {
                unsent.clear();
                return;
            }
            if (!head.hasRemaining()) {
                unsent.pollFirst();
            }
        }
        if (unsent.isEmpty() && finQueued && !closed) {
            wire.shutdownOutput();
        }
    }

    private void drain() {
        ByteBuffer readBuffer = network.peerReadBuffer; // copied out before anything else can use it
        while (ending == Ending.OPEN) {
            readBuffer.clear();
            if (resetAfter >= 0) {
                long left = resetAfter - received.size();
                if (left <= 0) {
                    network.note(wire, "peer resets after reading " + received.size() + " bytes (fault)");
                    reset();
                    return;
                }
                readBuffer.limit((int) Math.min(readBuffer.capacity(), left));
            }
            int n;
            try {
                n = wire.read(readBuffer);
            } catch (IOException e) {
                ending = Ending.RESET;
                network.note(wire, "peer saw: Connection reset, after " + received.size() + " bytes");
                return;
            }
            if (n < 0) {
                ending = Ending.EOF;
                network.note(wire, "peer saw: EOF, after " + received.size() + " bytes");
                if (closeAtEnd) {
                    close();
                }
                return;
            }
            if (n == 0) {
                return;
            }
            received.write(readBuffer.array(), 0, n);
        }
    }

    @Override
    public String toString() {
        return "peer " + wire;
    }
}
