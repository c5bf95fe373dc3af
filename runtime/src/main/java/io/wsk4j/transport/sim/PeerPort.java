package io.wsk4j.transport.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/** A test's listening peer (a {@code ServerSocket}): it accepts every connection at once, as peers. */
public final class PeerPort extends SimListen {
    private final List<PeerEnd> accepted = new ArrayList<>();
    private boolean accepting = true;

    private PeerPort(SimNetwork network) {
        super(network);
    }

    public static PeerPort listen(SimNetwork network, SocketAddress local) throws IOException {
        return listen(network, local, 128);
    }

    /** A listening peer whose backlog holds {@code backlog} connections that it has not accepted. */
    public static PeerPort listen(SimNetwork network, SocketAddress local, int backlog) throws IOException {
        network.checkThread("SimPeer listen");
        PeerPort port = new PeerPort(network);
        port.bindAndListen(local, backlog);
        return port;
    }

    @Override
    void arrived(Wire server) {
        super.arrived(server);
        acceptWaiting();
    }

    /** Stops accepting: connections wait in the backlog, and once it is full, SYNs are dropped. */
    public void stopAccepting() {
        network.checkThread("SimPeerListener.stopAccepting");
        accepting = false;
    }

    /** Accepts again, the waiting connections first. */
    public void resumeAccepting() {
        network.checkThread("SimPeerListener.resumeAccepting");
        accepting = true;
        acceptWaiting();
    }

    private void acceptWaiting() {
        Wire wire;
        while (accepting && (wire = take()) != null) {
            PeerEnd peer = new PeerEnd(network, wire, true);
            accepted.add(peer);
            network.note(wire, "peer accepted");
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    public List<PeerEnd> accepted() {
        return accepted;
    }

    public void closePort() {
        close();
    }
}
