package io.wsk4j.sim;

import io.wsk4j.transport.sim.PeerDatagram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A datagram peer in a simulated network: on the wire, a plain {@code java.net.DatagramSocket} with a thread that
 * receives everything. It records each datagram with its source, and sends what it is given at once; a datagram
 * arrives after the world's seeded delay, after the same sender's earlier ones (as on loopback). Use it from the
 * simulation's thread.
 */
public final class SimDatagramPeer {
    private final PeerDatagram peer;

    SimDatagramPeer(PeerDatagram peer) {
        this.peer = peer;
    }

    /** {@return the address it is bound to} */
    public InetSocketAddress address() {
        return peer.address();
    }

    /**
     * Sends one datagram.
     *
     * @param data its bytes (copied)
     * @param target where it goes
     * @return this peer
     */
    public SimDatagramPeer send(byte[] data, SocketAddress target) {
        try {
            peer.send(data, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@return how many datagrams it has received so far} */
    public int receivedCount() {
        return peer.receivedCount();
    }

    /**
     * The bytes of one datagram it received.
     *
     * @param index its place in arrival order, from 0
     * @return a copy of its bytes
     */
    public byte[] data(int index) {
        return peer.data(index);
    }

    /**
     * The source of one datagram it received.
     *
     * @param index its place in arrival order, from 0
     * @return the address it came from
     */
    public InetSocketAddress source(int index) {
        return peer.source(index);
    }

    /** Closes the port: datagrams sent to it afterwards are lost, or reported port unreachable to a connected sender. */
    public void close() {
        peer.close();
    }

    @Override
    public String toString() {
        return "simulated datagram peer " + address();
    }
}
