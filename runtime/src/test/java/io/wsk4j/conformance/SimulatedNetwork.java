package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.wsk4j.WskProvider;
import io.wsk4j.sim.SimPeer;
import io.wsk4j.sim.SimPeerListener;
import io.wsk4j.sim.WskSimulation;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A simulated network from one seed: its provider, and simulated peers that read only when the test asks. */
final class SimulatedNetwork extends Network {
    /** The most virtual time one wait may take; far beyond any time-out of the provider (5 s). */
    private static final Duration WAIT = Duration.ofSeconds(60);

    final WskSimulation sim;
    private final SimPeerListener listener;
    private final Thread driver = Thread.currentThread();
    private int acceptedSoFar;

    /** The loopback address of this network's family: 127.0.0.1 or ::1. */
    private final java.net.InetAddress loopback;

    SimulatedNetwork(long seed) {
        this(WskSimulation.seeded(seed));
    }

    SimulatedNetwork(WskSimulation sim) {
        this(sim, java.net.InetAddress.getLoopbackAddress());
    }

    /** Peers listen and connect at {@code loopback}, 127.0.0.1 or ::1. */
    SimulatedNetwork(WskSimulation sim, java.net.InetAddress loopback) {
        this.sim = sim;
        this.loopback = loopback;
        listener = sim.listen(new java.net.InetSocketAddress(loopback, 0), 128);
    }

    @Override
    WskProvider provider() {
        return sim.provider();
    }

    @Override
    List<String> errors() {
        return sim.errors();
    }

    @Override
    SocketAddress peerAddress() {
        return listener.address();
    }

    @Override
    Peer acceptPeer() {
        if (!sim.runUntil(() -> listener.accepted().size() > acceptedSoFar, WAIT)) {
            fail("no connection reached the peer within " + WAIT + " of virtual time; " + sim.replay());
        }
        return new SimulatedPeer(listener.accepted().get(acceptedSoFar++));
    }

    @Override
    SimulatedPeer connectPeer(SocketAddress address) {
        SimPeer peer = sim.connect(address);
        if (!sim.runUntil(() -> peer.isConnected() || peer.connectFailure() != null, WAIT)) {
            fail("the peer's connect to " + address + " was not answered; " + sim.replay());
        }
        if (peer.connectFailure() != null) {
            fail("the peer's connect to " + address + " failed: " + peer.connectFailure() + "; " + sim.replay());
        }
        return new SimulatedPeer(peer);
    }

    @Override
    String connectPeerAndEnd(SocketAddress address) {
        return connectPeer(address).endOf();
    }

    @Override
    PeerConnect startPeerConnect(SocketAddress address) {
        SimPeer peer = sim.connect(address); // the SYN leaves now; its answer comes as the simulation runs
        return () -> {
            if (!sim.runUntil(() -> peer.isConnected() || peer.connectFailure() != null, WAIT)) {
                return "unanswered within " + WAIT;
            }
            if (peer.connectFailure() == null) {
                return "connected";
            }
            return peer.connectFailure() instanceof java.net.ConnectException
                    && peer.connectFailure().getMessage().contains("refused") ? "refused" : peer.connectFailure()
                    .toString();
        };
    }

    @Override
    SocketAddress closedAddress() {
        return new java.net.InetSocketAddress(loopback, 1); // never bound here
    }

    @Override
    SocketAddress unansweredAddress() {
        SimPeerListener full = sim.listen(new java.net.InetSocketAddress(loopback, 0), 1);
        full.stopAccepting();
        SimPeer filler = sim.connect(full.address());
        if (!sim.runUntil(filler::isConnected, WAIT)) {
            fail("the backlog's one connection was not made; " + sim.replay());
        }
        return full.address();
    }

    @Override
    boolean onIoThread() {
        return Thread.currentThread() == driver;
    }

    @Override
    void await(Object monitor, BooleanSupplier condition, String what) {
        if (!sim.runUntil(condition, WAIT)) {
            fail("waited " + WAIT + " of virtual time for " + what + "; " + sim.replay());
        }
    }

    @Override
    java.net.InetAddress loopback() {
        return loopback;
    }

    @Override
    long nanoTime() {
        return sim.now().toNanos();
    }

    @Override
    void settle() {
        sim.runUntilIdle();
    }

    @Override
    public void close() {
        sim.close();
    }

    @Override
    public String toString() {
        return sim.toString();
    }

    /** A simulated peer that, like a plain socket, reads only when asked; what it read past the asked is kept. */
    private final class SimulatedPeer implements Peer {
        private final SimPeer peer;
        private int consumed;

        SimulatedPeer(SimPeer peer) {
            this.peer = peer;
            peer.stopReading();
        }

        @Override
        public void write(byte[] bytes) {
            peer.write(bytes);
        }

        @Override
        public byte[] readExactly(int n) {
            peer.resumeReading();
            boolean enough = sim.runUntil(() -> peer.receivedCount() - consumed >= n
                    || peer.ending() != SimPeer.Ending.OPEN, WAIT);
            peer.stopReading();
            if (!enough || peer.receivedCount() - consumed < n) {
                fail("the peer read " + (peer.receivedCount() - consumed) + " of " + n + " bytes, then "
                        + peer.ending() + "; " + sim.replay());
            }
            byte[] bytes = Arrays.copyOfRange(peer.received(), consumed, consumed + n);
            consumed += n;
            return bytes;
        }

        @Override
        public byte[] readToEnd() {
            assertEquals("EOF", endOf(), "the peer saw a reset instead of EOF; " + sim.replay());
            byte[] all = peer.received();
            byte[] rest = Arrays.copyOfRange(all, consumed, all.length);
            consumed = all.length;
            return rest;
        }

        @Override
        public String endOf() {
            peer.resumeReading();
            if (!sim.runUntil(() -> peer.ending() != SimPeer.Ending.OPEN, WAIT)) {
                fail("the peer saw neither EOF nor a reset within " + WAIT + " of virtual time; " + sim.replay());
            }
            return peer.ending().name().equals("EOF") ? "EOF" : "RESET";
        }

        @Override
        public void shutdownOutput() {
            peer.shutdownOutput();
        }

        @Override
        public void reset() {
            peer.reset();
        }

        @Override
        public void close() {
            peer.close();
        }

        @Override
        public Reading readToEndInBackground(boolean thenClose) {
            if (thenClose) {
                peer.closeAtEnd();
            }
            peer.resumeReading(); // a simulated peer reads by itself as the simulation runs
            return this::readToEnd;
        }

        @Override
        public void stream(long bytes) {
            byte[] chunk = new byte[1 << 20];
            for (long left = bytes; left > 0; left -= chunk.length) {
                peer.write(left >= chunk.length ? chunk : Arrays.copyOf(chunk, (int) left));
            }
        }

        @Override
        public SocketAddress localAddress() {
            return peer.localAddress();
        }

        @Override
        public SocketAddress remoteAddress() {
            return peer.remoteAddress();
        }
    }
}
