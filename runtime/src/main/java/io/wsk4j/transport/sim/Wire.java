package io.wsk4j.transport.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One end of a simulated TCP connection, as the kernel holds it: what has arrived and is unread, what is in flight to
 * the other end, and the FIN and RST that passed. Its owner (an engine socket's endpoint, or a test's peer) is told of
 * every change through {@link #watcher}; it then reads or writes without blocking. Arrivals are in send order: each
 * leaves at a seeded delay, never before the one sent before it.
 */
final class Wire {
    private final SimNetwork network;
    final int receiveCapacity;
    InetSocketAddress local;
    /** Bound to the wildcard address: it connects from the loopback address of the destination's family. */
    boolean boundWildcard;
    InetSocketAddress remote;
    /** {@link #toString()}, made for {@link #textLocal} and {@link #textRemote}. */
    private String text;
    private InetSocketAddress textLocal;
    private InetSocketAddress textRemote;
    private Wire other;
    Runnable watcher = () -> {};

    private final ByteQueue received = new ByteQueue();
    private boolean finArrived;
    private boolean resetArrived;
    private long inFlight;
    private long lastArrival;
    private boolean finSent;
    private boolean resetSent;
    /** The owner closed it: whatever still arrives (but a FIN) is answered with RST, as a closed port's kernel does. */
    private boolean closed;
    /** After a hand-on close: arriving bytes are read and dropped until the other end's FIN. */
    private boolean draining;

    Wire(SimNetwork network, int receiveCapacity) {
        this.network = network;
        this.receiveCapacity = receiveCapacity;
    }

    static void pair(Wire a, Wire b) {
        a.other = b;
        b.other = a;
    }

    boolean connected() {
        return other != null;
    }

    // ---- the owner's side ---------------------------------------------------------------------------------------

    /** {@return bytes read, 0 if none now, -1 after the other end's FIN} @throws IOException after an RST arrived */
    int read(ByteBuffer into) throws IOException {
        if (resetArrived) {
            throw new IOException("Connection reset");
        }
        if (received.isEmpty()) {
            return finArrived ? -1 : 0;
        }
        int max = (int) Math.min(into.remaining(), received.size());
        int n = received.take(into, network.faults.readSlice(network.random, max));
        other.changed(); // its window opened
        return n;
    }

    long unread() {
        return received.size();
    }

    /** {@return bytes taken, 0 if the window is full} @throws IOException after an RST, or once our FIN went */
    long write(ByteBuffer[] from, int offset, int length) throws IOException {
        if (resetArrived) {
            throw new IOException("Connection reset by peer");
        }
        if (finSent || closed) {
            throw new IOException("Broken pipe");
        }
        long remaining = 0;
        for (int i = offset; i < offset + length; i++) {
            remaining += from[i].remaining();
        }
        long window = window();
        if (window <= 0 || remaining == 0) {
            return 0;
        }
        int take = network.faults.writeSlice(network.random, (int) Math.min(Math.min(remaining, window), 1 << 20));
        byte[] chunk = new byte[take];
        int filled = 0;
        for (int i = offset; i < offset + length && filled < take; i++) {
            int n = Math.min(from[i].remaining(), take - filled);
            from[i].get(chunk, filled, n);
            filled += n;
        }
        send(chunk);
        return take;
    }

    /** {@return how many more bytes the other end's receive buffer takes now} */
    long window() {
        if (other == null || finSent || closed) {
            return 0;
        }
        return other.receiveCapacity - other.received.size() - inFlight;
    }

    boolean finArrived() {
        return finArrived;
    }

    boolean resetArrived() {
        return resetArrived;
    }

    void shutdownOutput() {
        if (finSent || closed || other == null || resetArrived || resetSent) {
            return;
        }
        finSent = true;
        Wire to = other;
        network.clock.at(nextArrival(), to::finArrives);
        network.note(this, "FIN sent");
    }

    /** RST now: nothing more from this end; the other end's unread bytes are dropped when it arrives. */
    void reset() {
        if (resetSent || other == null || resetArrived) {
            closed = true;
            return;
        }
        resetSent = true;
        closed = true;
        Wire to = other;
        network.clock.at(nextArrival(), to::resetArrives);
        network.note(this, "RST sent");
    }

    /**
     * The owner closes: as Linux does, an RST if bytes it received are unread, else a FIN unless one went already.
     */
    void close() {
        if (closed) {
            draining = false;
            return;
        }
        if (!received.isEmpty() && !resetArrived) {
            reset();
            return;
        }
        shutdownOutput();
        closed = true;
        draining = false;
    }

    /** A hand-on close: drop what arrives until the other end's FIN, then close quietly; {@link #close()} ends it. */
    void drain() {
        received.clear();
        draining = true;
        if (other != null) {
            other.changed();
        }
    }

    boolean draining() {
        return draining;
    }

    // ---- the network's side ---------------------------------------------------------------------------------------

    private long nextArrival() {
        lastArrival = Math.max(lastArrival, network.clock.now() + network.faults.delay(network.random));
        return lastArrival;
    }

    private void send(byte[] chunk) {
        inFlight += chunk.length;
        Wire to = other;
        network.clock.at(nextArrival(), () -> to.bytesArrive(chunk, this));
    }

    private void bytesArrive(byte[] chunk, Wire from) {
        from.inFlight -= chunk.length;
        if (resetArrived || resetSent) {
            return; // dropped: this end is gone already
        }
        if (closed && !draining) {
            from.changed();
            reset(); // a closed port answers data with RST
            return;
        }
        if (draining) {
            from.changed(); // read and dropped at once: the window stays open
            return;
        }
        received.add(chunk);
        network.note(this, "received " + chunk.length + " bytes");
        changed();
    }

    private void finArrives() {
        if (resetArrived || resetSent) {
            return;
        }
        finArrived = true;
        network.note(this, "FIN received");
        changed();
    }

    private void resetArrives() {
        if (resetArrived) {
            return;
        }
        resetArrived = true;
        received.clear();
        network.note(this, "RST received");
        changed();
    }

    void changed() {
        watcher.run();
    }

    @Override
    public String toString() {
        if (text == null || textLocal != local || textRemote != remote) { // the trace names a wire at every event
            textLocal = local;
            textRemote = remote;
            text = (local == null ? "unbound" : SimNetwork.text(local)) + (remote == null ? "" : " -> "
                    + SimNetwork.text(remote));
        }
        return text;
    }
}
