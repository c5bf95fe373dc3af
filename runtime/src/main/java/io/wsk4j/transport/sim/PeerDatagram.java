package io.wsk4j.transport.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's datagram peer: what a plain {@code java.net.DatagramSocket} with a thread that receives everything would
 * do, seen from the network. It records each datagram with its source, and sends what it is given at once.
 */
public final class PeerDatagram extends DatagramPort {
    private final List<Arrived> received = new ArrayList<>();

    private PeerDatagram(SimNetwork network) {
        super(network);
    }

    /** A peer bound to {@code local} (port 0: the world chooses). */
    public static PeerDatagram bind(SimNetwork network, SocketAddress local) throws IOException {
        network.checkThread("SimDatagramPeer bind");
        PeerDatagram peer = new PeerDatagram(network);
        peer.local = network.bindDatagram(peer, local);
        return peer;
    }

    @Override
    int readyOps() {
        return 0; // no poller watches a peer: it takes every datagram as it arrives
    }

    @Override
    void arrived() {
        Arrived datagram = take();
        received.add(datagram);
        network.note(local, "peer received a datagram of " + datagram.data().length + " bytes from "
                + SimNetwork.text(datagram.source()));
    }

    public InetSocketAddress address() {
        return local;
    }

    /** Sends {@code data} (copied) as one datagram to {@code target}. */
    public void send(byte[] data, SocketAddress target) throws IOException {
        network.checkThread("SimDatagramPeer.send");
        if (!open) {
            throw new java.nio.channels.ClosedChannelException();
        }
        network.sendDatagram(this, data.clone(), SimNetwork.resolve(target));
    }

    /** {@return how many datagrams it received so far} */
    public int receivedCount() {
        return received.size();
    }

    /** {@return the bytes of the {@code index}th datagram received} */
    public byte[] data(int index) {
        return received.get(index).data().clone();
    }

    /** {@return the source of the {@code index}th datagram received} */
    public InetSocketAddress source(int index) {
        return received.get(index).source();
    }

    public void close() {
        network.checkThread("SimDatagramPeer.close");
        if (open) {
            open = false;
            network.unbindDatagram(this);
        }
    }
}
