package io.wsk4j.sim;

import io.wsk4j.transport.sim.PeerEnd;
import io.wsk4j.transport.sim.PeerPort;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** A listening peer in a simulated network (a {@code ServerSocket}): it accepts every connection as a {@link SimPeer}. */
public final class SimPeerListener {
    private final PeerPort port;
    private final List<SimPeer> peers = new ArrayList<>();

    SimPeerListener(PeerPort port) {
        this.port = port;
    }

    /** {@return the address it listens on} */
    public InetSocketAddress address() {
        return port.address();
    }

    /** {@return the peers accepted so far, in the order they connected} */
    public List<SimPeer> accepted() {
        List<PeerEnd> ends = port.accepted();
        for (int i = peers.size(); i < ends.size(); i++) {
            peers.add(new SimPeer(ends.get(i)));
        }
        return List.copyOf(peers);
    }

    /**
     * Stops accepting, as a {@code ServerSocket} nobody calls {@code accept()} on: connections wait in the backlog,
     * and once it is full, further connects stay pending (their SYNs are dropped, as Linux does) until they time out.
     */
    public void stopAccepting() {
        port.stopAccepting();
    }

    /** Accepts again: the connections waiting in the backlog first. */
    public void resumeAccepting() {
        port.resumeAccepting();
    }

    /** Stops listening; connections not yet accepted are reset. */
    public void close() {
        port.closePort();
    }
}
