package io.wsk4j.transport.sim;

import io.wsk4j.transport.DatagramEndpoint;
import io.wsk4j.transport.Poller;
import io.wsk4j.transport.Ready;
import io.wsk4j.transport.ReadyHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.util.HashMap;
import java.util.Map;

/** An engine's datagram socket in the simulated world; it behaves as the JDK's non-blocking DatagramChannel does. */
final class SimDatagram extends DatagramPort implements DatagramEndpoint {
    private final Map<SocketOption<?>, Object> options = new HashMap<>();

    SimDatagram(SimNetwork network) {
        super(network);
    }

    @Override
    int readyOps() {
        if (!open) {
            return 0;
        }
        int ops = Ready.WRITE; // a datagram leaves at once: the simulated send buffer is never full
        if (!queue.isEmpty() || portUnreachable) {
            ops |= Ready.READ;
        }
        return ops;
    }

    @Override
    public void register(Poller loopPoller, ReadyHandler readyHandler) {
        ((SimPoller) loopPoller).register(this, readyHandler, 0);
    }

    @Override
    public void interest(int readyOps) {
        if (open && readyOps != interest) {
            interest = readyOps;
            changed();
        }
    }

    @Override
    public void bind(SocketAddress requested) throws IOException {
        checkOpen();
        if (local != null) {
            throw new java.nio.channels.AlreadyBoundException();
        }
        local = network.bindDatagram(this, requested);
    }

    @Override
    public int send(ByteBuffer datagram, SocketAddress target) throws IOException {
        checkOpen();
        reportUnreachable();
        InetSocketAddress to = SimNetwork.resolve(target);
        if (remote != null && !remote.equals(to)) {
            throw new AlreadyConnectedException(); // as DatagramChannel.send on a connected channel
        }
        if (to.getPort() == 0) {
            throw new java.net.SocketException("Can't send to port 0");
        }
        if (local == null) {
            local = network.bindDatagram(this, new InetSocketAddress(0)); // Linux binds an unbound sender
        }
        byte[] data = new byte[datagram.remaining()];
        datagram.get(data);
        network.sendDatagram(this, data, to);
        return data.length;
    }

    @Override
    public SocketAddress receive(ByteBuffer into) throws IOException {
        checkOpen();
        reportUnreachable();
        Arrived next = take();
        if (next == null) {
            return null;
        }
        into.put(next.data(), 0, Math.min(next.data().length, into.remaining())); // the JDK drops what does not fit
        return next.source();
    }

    /** Linux reports a pending ICMP error once, to the next call that asks the socket (sock_error). */
    private void reportUnreachable() throws PortUnreachableException {
        if (portUnreachable) {
            portUnreachable = false;
            throw new PortUnreachableException("ICMP Port Unreachable");
        }
    }

    @Override
    public void connect(SocketAddress target) throws IOException {
        checkOpen();
        InetSocketAddress to = SimNetwork.resolve(target);
        if (local == null) {
            local = network.bindDatagram(this, new InetSocketAddress(0));
        }
        remote = to;
        portUnreachable = false;
        keepOnlyFrom(to);
        network.note(local, "datagram socket connected to " + SimNetwork.text(to));
    }

    @Override
    public SocketAddress remoteAddress() throws IOException {
        checkOpen();
        return remote;
    }

    @Override
    public SocketAddress localAddress() throws IOException {
        checkOpen();
        return local;
    }

    @Override
    public <T> void setOption(SocketOption<T> option, T value) throws IOException {
        checkOpen();
        if (option == StandardSocketOptions.SO_RCVBUF) {
            capacity = (Integer) value;
        }
        options.put(option, value);
    }

    @Override
    public <T> T getOption(SocketOption<T> option) throws IOException {
        checkOpen();
        Object value = options.get(option);
        if (value == null) {
            value = option == StandardSocketOptions.SO_RCVBUF ? capacity
                    : option == StandardSocketOptions.SO_SNDBUF ? RECEIVE_CAPACITY
                    : option == StandardSocketOptions.SO_REUSEADDR ? Boolean.FALSE : null;
        }
        return option.type().cast(value);
    }

    @Override
    public boolean close() {
        if (!open) {
            return false;
        }
        open = false;
        if (poller != null) {
            poller.deregister(this);
        }
        queue.clear();
        queuedBytes = 0;
        network.unbindDatagram(this);
        return false;
    }

    private void checkOpen() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public String toString() {
        return "simulated datagram socket " + (local == null ? "(unbound)" : SimNetwork.text(local));
    }
}
