package io.wsk4j.transport.sim;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;

/**
 * A UDP port of the simulated world, the engine's or a peer's: what arrives waits in its receive queue, as in a
 * kernel's socket buffer, and is dropped when that is full or when the port is connected to another source.
 */
abstract class DatagramPort extends Watched {
    /** Linux's default socket receive buffer (net.core.rmem_default), counted here in payload bytes. */
    static final int RECEIVE_CAPACITY = 212_992;

    /** One datagram that arrived. */
    record Arrived(byte[] data, InetSocketAddress source) {}

    final SimNetwork network;
    final ArrayDeque<Arrived> queue = new ArrayDeque<>();
    int queuedBytes;
    int capacity = RECEIVE_CAPACITY;
    InetSocketAddress local;
    /** The connected remote (a UDP connect), or null. */
    InetSocketAddress remote;
    /** An ICMP port unreachable arrived for this connected port: the next send or receive reports it. */
    boolean portUnreachable;
    boolean open = true;
    /** When this port's latest datagram arrives: loopback keeps one sender's datagrams in order. */
    long lastArrival;

    DatagramPort(SimNetwork network) {
        this.network = network;
    }

    /** The network delivers a datagram to this port. */
    void arrive(byte[] data, InetSocketAddress source) {
        if (remote != null && !remote.equals(source)) {
            network.note(local, "datagram from " + SimNetwork.text(source) + " dropped: connected elsewhere");
            return;
        }
        if (queuedBytes + data.length > capacity) {
            network.note(local, "datagram from " + SimNetwork.text(source) + " dropped: receive buffer full");
            return;
        }
        queue.addLast(new Arrived(data, source));
        queuedBytes += data.length;
        arrived();
        changed();
    }

    /** A datagram was queued; a peer takes it at once. */
    void arrived() {}

    Arrived take() {
        Arrived next = queue.pollFirst();
        if (next != null) {
            queuedBytes -= next.data().length;
        }
        return next;
    }

    /** Keeps only what came from {@code from}, as the JDK's DatagramChannel.connect flushes the rest. */
    void keepOnlyFrom(InetSocketAddress from) {
        queue.removeIf(arrived -> {
            boolean drop = !arrived.source().equals(from);
            if (drop) {
                queuedBytes -= arrived.data().length;
            }
            return drop;
        });
    }
}
