package io.wsk4j.transport.nio;

import io.wsk4j.WskOption;
import io.wsk4j.transport.ListenEndpoint;
import io.wsk4j.transport.Poller;
import io.wsk4j.transport.Ready;
import io.wsk4j.transport.ReadyHandler;
import io.wsk4j.transport.StreamEndpoint;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** A listening port on a {@link ServerSocketChannel}. */
final class NioListener implements ListenEndpoint {
    private final ServerSocketChannel server;
    private NioPoller poller;
    private SelectionKey key;

    NioListener(ServerSocketChannel server) {
        this.server = server;
    }

    @Override
    public void listen(SocketAddress local, int backlog, Poller loopPoller, ReadyHandler handler) throws IOException {
        server.bind(local, backlog);
        poller = (NioPoller) loopPoller;
        key = poller.register(server, Ready.ACCEPT, handler);
    }

    @Override
    public StreamEndpoint accept() throws IOException {
        SocketChannel accepted = server.accept();
        return accepted == null ? null : new NioStream(accepted);
    }

    @Override
    public void watchAccepts(boolean watch) {
        if (key != null && key.isValid()) {
            key.interestOps(watch ? SelectionKey.OP_ACCEPT : 0);
        }
    }

    /** A closed channel cannot accept again; anything else (EMFILE, a connection that broke) may pass. */
    @Override
    public boolean failedForGood(IOException failure) {
        return failure instanceof ClosedChannelException || !server.isOpen();
    }

    @Override
    public boolean supportsOption(WskOption<?> option) {
        return NioOptions.supports(server, option);
    }

    @Override
    public <T> void setOption(WskOption<T> option, T value) throws IOException {
        NioOptions.set(server, option, value);
    }

    @Override
    public <T> T getOption(WskOption<T> option) throws IOException {
        return NioOptions.get(server, option);
    }

    @Override
    public SocketAddress localAddress() throws IOException {
        return server.getLocalAddress();
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
            server.close();
        } catch (IOException e) {
            if (poller != null) {
                poller.host.report("Closing listening " + server + " failed", e);
            }
        }
        return registered;
    }
}
