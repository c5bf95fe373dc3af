package io.wsk4j.transport.nio;

import io.wsk4j.transport.DatagramEndpoint;
import io.wsk4j.transport.Poller;
import io.wsk4j.transport.ReadyHandler;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;

/**
 * A UDP socket on a non-blocking {@link DatagramChannel}. The JDK caches the last sender's address and the native
 * address of the last target, so a steady exchange with one peer allocates nothing here (SPEC G5).
 */
final class NioDatagram implements DatagramEndpoint {
    private final DatagramChannel channel;
    private NioPoller poller;
    private SelectionKey key;
    private int interest;

    NioDatagram(DatagramChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
    }

    @Override
    public void register(Poller loopPoller, ReadyHandler handler) throws IOException {
        poller = (NioPoller) loopPoller;
        key = poller.register(channel, 0, handler);
    }

    @Override
    public void interest(int readyOps) {
        if (readyOps == interest || key == null || !key.isValid()) {
            return;
        }
        try {
            key.interestOps(readyOps);
            interest = readyOps;
        } catch (CancelledKeyException | ClosedSelectorException e) {
            // the selector is closing under the loop: its next select ends the loop's sockets
        }
    }

    @Override
    public void bind(SocketAddress local) throws IOException {
        channel.bind(local);
    }

    @Override
    public int send(ByteBuffer datagram, SocketAddress target) throws IOException {
        return channel.send(datagram, target); // connected: only to its remote (else AlreadyConnectedException)
    }

    @Override
    public SocketAddress receive(ByteBuffer into) throws IOException {
        return channel.receive(into);
    }

    @Override
    public void connect(SocketAddress remote) throws IOException {
        if (channel.isConnected()) {
            channel.disconnect(); // the JDK refuses to connect a connected channel again
        }
        channel.connect(remote);
    }

    @Override
    public SocketAddress remoteAddress() throws IOException {
        return channel.getRemoteAddress();
    }

    @Override
    public SocketAddress localAddress() throws IOException {
        return channel.getLocalAddress();
    }

    @Override
    public <T> void setOption(SocketOption<T> option, T value) throws IOException {
        channel.setOption(option, value);
    }

    @Override
    public <T> T getOption(SocketOption<T> option) throws IOException {
        return channel.getOption(option);
    }

    /** NIO closes a registered channel's descriptor only when the selector drops its key, at the next select. */
    @Override
    public boolean close() {
        boolean registered = key != null;
        if (key != null) {
            key.cancel();
            key = null;
        }
        try {
            channel.close();
        } catch (IOException e) {
            if (poller != null) {
                poller.host.report("Closing " + channel + " failed", e);
            }
        }
        return registered;
    }

    @Override
    public String toString() {
        return channel.toString();
    }
}
