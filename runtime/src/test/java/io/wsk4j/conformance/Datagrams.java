package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientDatagramDispatch;
import io.wsk4j.WskDatagramSocket;
import io.wsk4j.WskOption;
import io.wsk4j.sim.SimDatagramPeer;
import io.wsk4j.sim.WskSimulation;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Datagram sockets in a conformance test (SPEC G): IRPs whose completion records the source address and the socket
 * made, and datagram peers on the test's transport: a plain {@link DatagramSocket} on loopback, or a simulated peer.
 */
final class Datagrams implements AutoCloseable {
    /** One completion as the routine saw it. */
    record Done(String name, NtStatus status, long information, SocketAddress address, WskDatagramSocket socket) {}

    /** One datagram a peer received. */
    record Datagram(byte[] data, SocketAddress source) {
        String text() {
            return new String(data, java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    /** The other end: sends datagrams and receives them, each receive bounded. */
    interface DatagramPeer {
        SocketAddress address();

        void send(byte[] data, SocketAddress target) throws Exception;

        default void send(String text, SocketAddress target) throws Exception {
            send(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII), target);
        }

        /** {@return the next datagram, waiting for it (bounded); fails the test if none comes} */
        Datagram receive() throws Exception;

        void close();
    }

    final Network net;
    private final List<Done> order = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<DatagramPeer> peers = new ArrayList<>();
    private final CompletionRoutine<String> routine = (irp, name) -> {
        synchronized (this) {
            counts.merge(name, 1, Integer::sum);
            order.add(new Done(name, irp.status(), irp.information(), irp.address(), irp.datagramSocket()));
            notifyAll();
        }
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    };
    private int serial;

    Datagrams(Network net) {
        this.net = net;
    }

    Irp irp(String name) {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine(routine, name, true, true, true);
        return irp;
    }

    Done await(String name) throws InterruptedException {
        net.await(this, () -> find(name) != null, "the completion of " + name + "; seen: " + namesInOrder());
        return find(name);
    }

    private synchronized Done find(String name) {
        for (Done d : order) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    synchronized void assertNotCompleted(String name) {
        assertNull(find(name), name + " completed but should still be pending");
    }

    synchronized List<String> namesInOrder() {
        List<String> names = new ArrayList<>();
        for (Done d : order) {
            names.add(d.name());
        }
        return names;
    }

    /** SPEC I1: every recorded IRP completed exactly once. */
    synchronized void assertEachCompletedOnce() {
        counts.forEach((name, count) -> assertEquals(1, count, name + " completed " + count + " times"));
    }

    /** {@return a new datagram socket, not bound} */
    <C> WskDatagramSocket socket(C context, WskClientDatagramDispatch<C> events) throws InterruptedException {
        String name = "datagram-socket-" + ++serial;
        net.provider().datagramSocket(context, events, irp(name));
        Done done = await(name);
        assertEquals(NtStatus.SUCCESS, done.status(), "WskSocket(datagram)");
        assertNotNull(done.socket());
        return done.socket();
    }

    /** {@return a new datagram socket bound to 127.0.0.1 at a port of the transport's choosing} */
    <C> WskDatagramSocket bound(C context, WskClientDatagramDispatch<C> events) throws InterruptedException {
        WskDatagramSocket socket = socket(context, events);
        String name = "bind-" + ++serial;
        socket.dispatch().bind(socket, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), irp(name));
        assertEquals(NtStatus.SUCCESS, await(name).status(), "bind");
        return socket;
    }

    SocketAddress localAddress(WskDatagramSocket socket) throws InterruptedException {
        String name = "local-address-" + ++serial;
        socket.dispatch().getLocalAddress(socket, irp(name));
        Done done = await(name);
        assertEquals(NtStatus.SUCCESS, done.status(), "getLocalAddress");
        return done.address();
    }

    /** Sends {@code text} and waits for the sendTo's completion. */
    Done sendTo(WskDatagramSocket socket, String text, SocketAddress target) throws InterruptedException {
        String name = "send-to-" + ++serial;
        socket.dispatch().sendTo(socket, WskBuf.of(ByteBuffer.wrap(text.getBytes(
                java.nio.charset.StandardCharsets.US_ASCII))), target, irp(name));
        return await(name);
    }

    <T> NtStatus set(WskDatagramSocket socket, WskOption<T> option, T value) throws InterruptedException {
        String name = "set-" + option + "-" + ++serial;
        socket.dispatch().controlSocket(socket, option, value, irp(name));
        return await(name).status();
    }

    /** {@return the option's status and value, as the get's IRP reported them} */
    <T> Object[] get(WskDatagramSocket socket, WskOption<T> option) throws InterruptedException {
        Object[] seen = new Object[2];
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, box) -> {
            synchronized (this) {
                box[1] = done.optionValue(option);
                box[0] = done.status();
                notifyAll();
            }
            done.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, seen, true, true, true);
        socket.dispatch().controlSocket(socket, option, irp);
        net.await(this, () -> {
            synchronized (this) {
                return seen[0] != null;
            }
        }, "the get of " + option);
        synchronized (this) {
            return seen;
        }
    }

    void close(WskDatagramSocket socket) throws InterruptedException {
        String name = "close-" + ++serial;
        socket.dispatch().closeSocket(socket, irp(name));
        assertEquals(NtStatus.SUCCESS, await(name).status(), "close");
    }

    /** {@return a datagram peer on 127.0.0.1, closed with this} */
    DatagramPeer peer() throws IOException {
        DatagramPeer peer = net instanceof SimulatedNetwork simulated ? new SimulatedPeer(simulated.sim)
                : new SocketPeer();
        peers.add(peer);
        return peer;
    }

    /** {@return an address where no datagram socket is bound} */
    SocketAddress closedAddress() throws IOException {
        if (net instanceof SimulatedNetwork simulated) {
            SimDatagramPeer probe = simulated.sim.datagramPeer();
            probe.close();
            return probe.address();
        }
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return probe.getLocalSocketAddress();
        }
    }

    @Override
    public void close() {
        for (DatagramPeer peer : peers) {
            peer.close();
        }
    }

    /** A plain {@link DatagramSocket}; every receive bounded by its SO_TIMEOUT. */
    private static final class SocketPeer implements DatagramPeer {
        private final DatagramSocket socket;

        SocketPeer() throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(NioNetwork.PEER_TIMEOUT_MILLIS);
        }

        @Override
        public SocketAddress address() {
            return socket.getLocalSocketAddress();
        }

        @Override
        public void send(byte[] data, SocketAddress target) throws IOException {
            socket.send(new DatagramPacket(data, data.length, target));
        }

        @Override
        public Datagram receive() throws IOException {
            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            socket.receive(packet);
            return new Datagram(Arrays.copyOf(packet.getData(), packet.getLength()), packet.getSocketAddress());
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /** A simulated peer; a receive runs the simulation until the next datagram arrived. */
    private static final class SimulatedPeer implements DatagramPeer {
        private static final Duration WAIT = Duration.ofSeconds(60);
        private final WskSimulation sim;
        private final SimDatagramPeer peer;
        private int taken;

        SimulatedPeer(WskSimulation sim) {
            this.sim = sim;
            this.peer = sim.datagramPeer();
        }

        @Override
        public SocketAddress address() {
            return peer.address();
        }

        @Override
        public void send(byte[] data, SocketAddress target) {
            peer.send(data, target);
        }

        @Override
        public Datagram receive() {
            if (!sim.runUntil(() -> peer.receivedCount() > taken, WAIT)) {
                fail("no datagram reached the peer within " + WAIT + " of virtual time; " + sim.replay());
            }
            int index = taken++;
            return new Datagram(peer.data(index), peer.source(index));
        }

        @Override
        public void close() {
            peer.close();
        }
    }
}
