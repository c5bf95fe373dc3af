package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskClientListenDispatch;
import io.wsk4j.WskProvider;
import io.wsk4j.WskProviderConnectionDispatch;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskSocket;
import java.net.SocketAddress;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A provider and the peers a conformance test talks to, on one transport: real sockets on loopback, or a simulated
 * network. A test written against it runs unchanged on both; what only the real network can show stays in the NIO
 * transport's own tests.
 */
abstract class Network implements AutoCloseable {
    final Completions completions = new Completions(this);

    /** {@return the provider under test} */
    abstract WskProvider provider();

    /** {@return what the provider reported to its error handler} */
    abstract List<String> errors();

    /** {@return a peer listening where our sockets connect to} */
    abstract SocketAddress peerAddress();

    /** {@return the peer accepted for the latest connect to {@link #peerAddress()}} */
    abstract Peer acceptPeer() throws Exception;

    /** {@return a peer connecting to {@code address} (a listening socket of ours)} */
    abstract Peer connectPeer(SocketAddress address) throws Exception;

    /**
     * A peer connects to {@code address} (a listening socket of ours that rejects or resets it) and reads to the end;
     * {@return how it ended: "RESET" (at the connect or after it) or "EOF"}
     */
    abstract String connectPeerAndEnd(SocketAddress address) throws Exception;

    /**
     * Starts a peer's connect to {@code address} without waiting; it may be called from a completion routine, where
     * the network cannot be driven. On real sockets the connect is made at once (bounded); in a simulation the SYN
     * leaves at once and its answer comes as the simulation runs.
     */
    abstract PeerConnect startPeerConnect(SocketAddress address);

    /** A peer's connect started by {@link #startPeerConnect}. */
    interface PeerConnect {
        /** {@return "connected", "refused", or what else happened} */
        String outcome() throws Exception;
    }

    /** {@return an address where nothing listens: a connect there is refused} */
    abstract SocketAddress closedAddress() throws Exception;

    /**
     * {@return an address whose listener never accepts and whose backlog is full: a connect there stays pending, as
     * Linux drops the SYNs} It lives until the network closes.
     */
    abstract SocketAddress unansweredAddress() throws Exception;

    /** {@return whether the calling code runs on one of the provider's I/O threads (a simulation's: its one thread)} */
    abstract boolean onIoThread();

    /**
     * Waits until {@code condition} holds, bounded: on real sockets by waiting on {@code monitor} (notified when what
     * the condition reads changes), in a simulation by running it. Fails the test with {@code what} otherwise.
     */
    abstract void await(Object monitor, BooleanSupplier condition, String what) throws InterruptedException;

    /** {@return the loopback address this network's peers use: 127.0.0.1, or ::1 in a run over IPv6} */
    abstract java.net.InetAddress loopback();

    /** {@return the provider's clock in nanoseconds: {@link System#nanoTime()}, or a simulation's virtual time} */
    abstract long nanoTime();

    /** Lets the provider do everything it can without the peers (a simulation runs until idle). */
    abstract void settle() throws InterruptedException;

    /** Closes the provider, then the peers. */
    @Override
    public abstract void close() throws java.io.IOException;

    /** A connected pair: our socket (from WskSocketConnect) and its peer. */
    record Connection(WskSocket socket, Peer peer) {
        WskProviderConnectionDispatch dispatch() {
            return socket.dispatch();
        }
    }

    Connection connect() throws Exception {
        return connect(null, null);
    }

    private int connects;

    <C> Connection connect(C context, WskClientConnectionDispatch<C> events) throws Exception {
        String name = "connect-" + ++connects;
        provider().socketConnect(peerAddress(), context, events, completions.irp(name));
        Peer peer = acceptPeer();
        Completions.Done done = completions.await(name);
        assertEquals(NtStatus.SUCCESS, done.status(), "connect");
        assertNotNull(done.socket());
        return new Connection(done.socket(), peer);
    }

    /** Waits until the socket's loop handled everything issued before on it (an operation queued behind them). */
    void barrier(Connection c) throws InterruptedException {
        String name = "barrier-" + ++connects;
        c.dispatch().getLocalAddress(c.socket(), completions.irp(name));
        assertEquals(NtStatus.SUCCESS, completions.await(name).status());
        settle();
    }

    /**
     * The seed's pattern: a graceful disconnect whose completion routine performs the next operation, the close,
     * recorded under {@code closeName}.
     */
    void disconnectThenClose(WskSocket socket, String closeName) {
        Irp disconnect = Irp.allocate();
        disconnect.setCompletionRoutine((irp, s) -> {
            irp.free();
            s.dispatch().closeSocket(s, completions.irp(closeName));
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, socket, true, true, true);
        socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, disconnect);
    }

    /** {@return a socket made by WskSocket, not connected} */
    <C> WskSocket socket(C context, WskClientConnectionDispatch<C> events) throws InterruptedException {
        String name = "socket-" + ++connects;
        provider().socket(context, events, completions.irp(name));
        Completions.Done done = completions.await(name);
        assertEquals(NtStatus.SUCCESS, done.status(), "WskSocket");
        return done.socket();
    }

    /** Enables one event callback of {@code socket} and waits for the control IRP. */
    void enable(WskSocket socket, io.wsk4j.WskEvent event) throws InterruptedException {
        String name = "enable-" + event + "-" + ++connects;
        socket.dispatch().controlSocket(socket, event, true, completions.irp(name));
        assertEquals(NtStatus.SUCCESS, completions.await(name).status(), "enabling " + event);
    }

    /** {@return the local or remote address of {@code socket}, as its IRP reported it} */
    SocketAddress address(WskBasicSocket socket, boolean local) throws InterruptedException {
        Irp irp = Irp.allocate();
        SocketAddress[] seen = new SocketAddress[1];
        irp.setCompletionRoutine((done, box) -> {
            synchronized (completions) {
                box[0] = done.address();
                completions.notifyAll();
            }
            done.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, seen, true, true, true);
        if (socket instanceof WskListenSocket listening) {
            listening.dispatch().getLocalAddress(listening, irp); // a listening socket has no remote address
        } else if (local) {
            WskSocket connection = (WskSocket) socket;
            connection.dispatch().getLocalAddress(connection, irp);
        } else {
            WskSocket connection = (WskSocket) socket;
            connection.dispatch().getRemoteAddress(connection, irp);
        }
        await(completions, () -> {
            synchronized (completions) {
                return seen[0] != null;
            }
        }, local ? "the local address" : "the remote address");
        synchronized (completions) {
            return seen[0];
        }
    }

    /** Closes our socket and waits for the close IRP. */
    void closeSocket(WskBasicSocket socket) throws InterruptedException {
        String name = "close-" + ++connects;
        socket.dispatch().closeSocket(socket, completions.irp(name));
        assertEquals(NtStatus.SUCCESS, completions.await(name).status());
    }

    /** A listening socket of ours and the address it listens at. */
    record Listening(WskListenSocket socket, SocketAddress address) {}

    /** Listens on the network's loopback address (127.0.0.1 or ::1) at a port of the transport's choosing. */
    <L> Listening listen(L context, WskClientListenDispatch<L> listener) throws InterruptedException {
        String name = "listen-" + ++connects;
        provider().socketListen(new java.net.InetSocketAddress(loopback(), 0), context,
                listener, completions.irp(name));
        WskListenSocket socket = completions.await(name).listenSocket();
        return new Listening(socket, address(socket, true));
    }
}
