package io.wsk4j.transport.nio;

import io.wsk4j.WskOption;
import io.wsk4j.transport.CloseKind;
import io.wsk4j.transport.Poller;
import io.wsk4j.transport.ReadyHandler;
import io.wsk4j.transport.StreamEndpoint;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** A TCP connection on a {@link SocketChannel}. */
final class NioStream implements StreamEndpoint {
    private final SocketChannel channel;
    private NioPoller poller;
    private SelectionKey key;
    private int interest;
    /**
     * TCP_NODELAY as last set: setOption costs a system call and an allocation, so it is made once. Kept here rather
     * than on the engine's socket, where a connection's every byte counts: this object has room for it.
     */
    private boolean noDelay;

    NioStream(SocketChannel channel) {
        this.channel = channel;
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
    public boolean connect(SocketAddress remote) throws IOException {
        return channel.connect(remote);
    }

    @Override
    public boolean finishConnect() throws IOException {
        return channel.finishConnect();
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        return channel.read(into);
    }

    @Override
    public long write(ByteBuffer[] from, int offset, int length) throws IOException {
        return length == 1 ? channel.write(from[offset]) : channel.write(from, offset, length);
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void setNoDelay(boolean on) throws IOException {
        if (noDelay == on) {
            return;
        }
        noDelay = on; // first: a failure is reported once, not at every send that asks
        channel.setOption(StandardSocketOptions.TCP_NODELAY, on);
    }

    @Override
    public boolean supportsOption(WskOption<?> option) {
        return NioOptions.supports(channel, option);
    }

    @Override
    public <T> void setOption(WskOption<T> option, T value) throws IOException {
        NioOptions.set(channel, option, value);
    }

    @Override
    public <T> T getOption(WskOption<T> option) throws IOException {
        return NioOptions.get(channel, option);
    }

    @Override
    public int sendBufferSize() throws IOException {
        return channel.getOption(StandardSocketOptions.SO_SNDBUF);
    }

    @Override
    public SocketAddress localAddress() throws IOException {
        return channel.getLocalAddress();
    }

    @Override
    public SocketAddress remoteAddress() throws IOException {
        return channel.getRemoteAddress();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /**
     * The JDK closes a registered channel only when its cancelled key is flushed by a select, and with SO_LINGER 0
     * sends nothing until then; closing it while registered without SO_LINGER 0 shuts output down first (a FIN, after
     * which no RST is seen). So a reset cancels the key, sets SO_LINGER 0, closes, and lets the loop's next poll
     * flush it: one poll per turn serves every abort of that turn, and costs no system call a hand-written loop would
     * not make.
     */
    @Override
    public boolean close(CloseKind how, long lingerDeadline) {
        if (!channel.isOpen()) {
            return false;
        }
        SelectionKey registered = key;
        key = null;
        if (how == CloseKind.HAND_ON && registered != null) {
            LingeringClose lingering = new LingeringClose(poller.host, channel, registered, lingerDeadline);
            poller.host.schedule(lingering);
            return false;
        }
        if (registered != null) {
            registered.cancel();
        }
        if (how == CloseKind.RESET) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                report("Setting SO_LINGER 0 on " + this + " failed; the close may not reset the peer", e);
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            report("Closing " + this + " failed", e);
        }
        return how == CloseKind.RESET && registered != null;
    }

    private void report(String what, IOException failure) {
        if (poller != null) {
            poller.host.report(what, failure);
        }
    }

    @Override
    public String toString() {
        return channel.toString();
    }
}
