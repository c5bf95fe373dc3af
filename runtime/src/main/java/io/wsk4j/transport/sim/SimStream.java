package io.wsk4j.transport.sim;

import io.wsk4j.WskOption;
import io.wsk4j.transport.CloseKind;
import io.wsk4j.transport.Poller;
import io.wsk4j.transport.Ready;
import io.wsk4j.transport.ReadyHandler;
import io.wsk4j.transport.StreamEndpoint;
import io.wsk4j.transport.Timed;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

/** An engine socket's end of a simulated connection. */
final class SimStream extends Watched implements StreamEndpoint {
    private final SimNetwork network;
    final Wire wire;
    private boolean open = true;
    private boolean connecting;
    private IOException connectFailure;
    private boolean connectDecided;
    private SimOptions options;

    SimStream(SimNetwork network, Wire wire) {
        this.network = network;
        this.wire = wire;
        wire.watcher = this::changed;
    }

    @Override
    int readyOps() {
        int ops = 0;
        if (connecting && connectDecided) {
            ops |= Ready.CONNECT;
        }
        if (wire.connected()) {
            if (wire.resetArrived() || wire.unread() > 0 || wire.finArrived()) {
                ops |= Ready.READ;
            }
            if (wire.resetArrived() || wire.window() > 0) {
                ops |= Ready.WRITE;
            }
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
    public void bind(SocketAddress local) throws IOException {
        checkOpen();
        if (wire.local != null) {
            throw new java.nio.channels.AlreadyBoundException();
        }
        wire.local = network.bind(wire, local);
    }

    @Override
    public boolean connect(SocketAddress remote) throws IOException {
        checkOpen();
        connecting = true;
        network.connect(wire, remote, failure -> {
            connectFailure = failure;
            connectDecided = true;
            changed();
        });
        return false;
    }

    @Override
    public boolean finishConnect() throws IOException {
        if (!connectDecided) {
            return false;
        }
        connecting = false;
        if (connectFailure != null) {
            throw connectFailure;
        }
        return true;
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        checkOpen();
        int n = wire.read(into);
        if (n == 0) {
            network.emptyReads++; // a system call a hand-written loop would not have made
        }
        return n;
    }

    @Override
    public long write(ByteBuffer[] from, int offset, int length) throws IOException {
        checkOpen();
        return wire.write(from, offset, length);
    }

    @Override
    public void shutdownOutput() throws IOException {
        checkOpen();
        if (wire.resetArrived()) {
            throw new IOException("Connection reset by peer");
        }
        wire.shutdownOutput();
    }

    @Override
    public void setNoDelay(boolean on) throws IOException {
        checkOpen(); // every segment leaves at once here: there is no Nagle to turn off
    }

    @Override
    public boolean supportsOption(WskOption<?> option) {
        return SimOptions.STREAM.contains(option);
    }

    @Override
    public <T> void setOption(WskOption<T> option, T value) throws IOException {
        options().set(option, value, open);
    }

    @Override
    public <T> T getOption(WskOption<T> option) throws IOException {
        return options().get(option, open);
    }

    private SimOptions options() {
        if (options == null) {
            options = new SimOptions(SimOptions.STREAM, wire.receiveCapacity, false);
        }
        return options;
    }

    @Override
    public int sendBufferSize() throws IOException {
        checkOpen();
        return options == null ? wire.receiveCapacity : options.get(WskOption.SO_SNDBUF, open);
    }

    @Override
    public SocketAddress localAddress() throws IOException {
        checkOpen();
        return wire.local;
    }

    @Override
    public SocketAddress remoteAddress() throws IOException {
        checkOpen();
        return wire.connected() ? wire.remote : null;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean close(CloseKind how, long lingerDeadline) {
        if (!open) {
            return false;
        }
        open = false;
        SimPoller registered = poller;
        if (how == CloseKind.HAND_ON && registered != null && wire.connected() && !wire.finArrived()
                && !wire.resetArrived()) {
            new Lingering(registered, lingerDeadline).start();
            return false;
        }
        if (registered != null) {
            registered.deregister(this);
        }
        if (how == CloseKind.RESET) {
            wire.reset();
        } else {
            wire.close();
        }
        return false; // the RST leaves at once: nothing waits for a poll
    }

    private void checkOpen() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public String toString() {
        return "simulated " + wire;
    }

    /**
     * The hand-on close of SPEC C3, as the NIO transport's lingering close does it: what arrives is read and dropped
     * until the peer's FIN, then the connection closes quietly; at the deadline it closes anyway.
     */
    private final class Lingering extends Timed implements ReadyHandler {
        private final SimPoller on;
        private boolean done;

        Lingering(SimPoller on, long deadline) {
            super(deadline);
            this.on = on;
        }

        void start() {
            handler = this;
            interest = Ready.READ;
            wire.drain();
            on.host.lingerStarted();
            on.host.schedule(this);
            changed();
        }

        @Override
        public void onReady(int readyOps) {
            if (wire.finArrived() || wire.resetArrived()) {
                finish();
            }
        }

        @Override
        public boolean done() {
            return done;
        }

        @Override
        public void expire() {
            finish();
        }

        private void finish() {
            if (done) {
                return;
            }
            done = true;
            on.deregister(SimStream.this);
            wire.close();
            on.host.lingerEnded();
        }
    }
}
