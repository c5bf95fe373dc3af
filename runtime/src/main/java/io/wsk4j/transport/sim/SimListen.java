package io.wsk4j.transport.sim;

import io.wsk4j.WskOption;
import io.wsk4j.transport.ListenEndpoint;
import io.wsk4j.transport.Poller;
import io.wsk4j.transport.Ready;
import io.wsk4j.transport.ReadyHandler;
import io.wsk4j.transport.StreamEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;

/**
 * A listening port of the simulated world: connections wait in its backlog until taken. It serves an engine's
 * listening socket (as a {@link ListenEndpoint}) and a test's listening peer alike.
 */
class SimListen extends Watched implements ListenEndpoint {
    final SimNetwork network;
    private final ArrayDeque<Wire> backlog = new ArrayDeque<>();
    private int capacity = 128;
    private int reserved;
    InetSocketAddress address;
    /**
     * Bound to the wildcard address, which takes connections to either family: Linux's IPv6 socket with IPV6_V6ONLY
     * off, as NIO makes it (a dual-stack listener). A listener bound to one address takes only its own family.
     */
    private boolean wildcard;
    private boolean open;
    /** Closed by its owner; {@link #open} says only whether it listens, which it does from its bind. */
    private boolean closed;
    private boolean watching = true;
    /** The port broke for good ({@link SimNetwork#breakListener}): accept fails from now on (SPEC K6). */
    private boolean broken;
    private SimOptions options;

    SimListen(SimNetwork network) {
        this.network = network;
    }

    @Override
    int readyOps() {
        return watching && (broken || !backlog.isEmpty()) ? Ready.ACCEPT : 0;
    }

    void bindAndListen(SocketAddress local, int backlogSize) throws IOException {
        InetSocketAddress bound = network.listenAddress(local);
        network.listen(this, bound);
        address = bound;
        wildcard = local instanceof InetSocketAddress && ((InetSocketAddress) local).getAddress() != null
                && ((InetSocketAddress) local).getAddress().isAnyLocalAddress();
        capacity = Math.max(1, backlogSize);
        open = true;
    }

    @Override
    public void listen(SocketAddress local, int backlogSize, Poller loopPoller, ReadyHandler readyHandler)
            throws IOException {
        bindAndListen(local, backlogSize);
        ((SimPoller) loopPoller).register(this, readyHandler, Ready.ACCEPT);
    }

    boolean open() {
        return open;
    }

    /** {@return whether a connect to {@code target} reaches this listener: the wildcard, or its own family} */
    boolean accepts(java.net.InetAddress target) {
        return wildcard || SimNetwork.sameFamily(address.getAddress(), target);
    }

    boolean backlogFull() {
        return backlog.size() + reserved >= capacity;
    }

    void reserve() {
        reserved++;
    }

    void unreserve() {
        reserved--;
    }

    /** A connection completed its handshake: it waits to be accepted. */
    void arrived(Wire server) {
        reserved--;
        backlog.addLast(server);
        changed();
    }

    /** {@return the next connection of the backlog, or null} */
    Wire take() {
        return backlog.pollFirst();
    }

    @Override
    public StreamEndpoint accept() throws IOException {
        if (!open) {
            throw new java.nio.channels.ClosedChannelException();
        }
        if (broken) {
            throw new IOException("Invalid argument (the simulated listening socket broke)");
        }
        if (!backlog.isEmpty() && Faults.happens(network.random, network.faults.acceptFailureRate)) {
            network.note(address, "accept failed: out of descriptors (fault)");
            throw new IOException("Too many open files");
        }
        Wire accepted = take();
        return accepted == null ? null : new SimStream(network, accepted);
    }

    @Override
    public void watchAccepts(boolean watch) {
        watching = watch;
        changed();
    }

    /** Breaks the port for good, as a listening socket whose stack failed under it (SPEC K6). */
    void breakForGood() {
        broken = true;
        changed();
    }

    @Override
    public boolean failedForGood(IOException failure) {
        return broken || !open;
    }

    @Override
    public boolean supportsOption(WskOption<?> option) {
        return SimOptions.LISTEN.contains(option);
    }

    @Override
    public <T> void setOption(WskOption<T> option, T value) throws IOException {
        options().set(option, value, !closed);
    }

    @Override
    public <T> T getOption(WskOption<T> option) throws IOException {
        return options().get(option, !closed);
    }

    private SimOptions options() {
        if (options == null) {
            options = new SimOptions(SimOptions.LISTEN, 128 * 1024, true);
        }
        return options;
    }

    @Override
    public SocketAddress localAddress() throws IOException {
        if (!open) {
            throw new java.nio.channels.ClosedChannelException();
        }
        return address;
    }

    /** Closes the port: connections still in the backlog are reset, as a closed listening socket's kernel does. */
    @Override
    public boolean close() {
        closed = true;
        if (!open) {
            return false;
        }
        open = false;
        if (poller != null) {
            poller.deregister(this);
        }
        network.unlisten(address);
        Wire waiting;
        while ((waiting = backlog.pollFirst()) != null) {
            waiting.reset();
        }
        return false;
    }
}
