package io.wsk4j.transport.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/** A test's listening peer (a {@code ServerSocket}): it accepts every connection at once, as peers. */
public final class PeerPort extends SimListen {
    private final List<PeerEnd> accepted = new ArrayList<>();

    private PeerPort(SimNetwork network) {
        super(network);
    }

    public static PeerPort listen(SimNetwork network, SocketAddress local) throws IOException {
        network.checkThread("SimPeer listen");
        PeerPort port = new PeerPort(network);
        port.bindAndListen(local, 128);
        return port;
    }

    @Override
    void arrived(Wire server) {
        super.arrived(server);
        Wire wire = take();
        PeerEnd peer = new PeerEnd(network, wire, true);
        accepted.add(peer);
        network.note(wire, "peer accepted");
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
