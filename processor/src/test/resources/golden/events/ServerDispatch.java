package demo;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskAccept;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskClientListenDispatch;
import io.wsk4j.WskEvent;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.WskGenerated;
import java.lang.Override;
import java.lang.RuntimeException;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Server}, written by the wsk4j processor (SPEC P5).
 *
 * <p>Each start method sets a completion routine that knows the context type statically, with all three
 * invoke flags, calls the socket's provider dispatch and returns its status: the final one if the
 * operation completed at once, else {@link NtStatus#PENDING}. Start methods of simple handlers take an IRP from
 * the {@link IrpPool} and give it back before they call the handler; start methods of faithful handlers
 * take the caller's IRP, which the handler then owns. Routines are made once, in the constructor: a
 * start method allocates nothing.
 *
 * <p>Events (SPEC E1: every event starts disabled): the event handlers of each context type form one
 * {@link WskClientConnectionDispatch}. Sockets made by this class's {@code connect} and {@code listen} get their
 * events enabled before the handler sees them (connect: before the connect handler runs; accept:
 * before any data is read). For a socket made another way, pass the client dispatch to the
 * provider and call the matching {@code enable...Events} method once it is connected.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class ServerDispatch {
    /**
     * The events that have handlers for this context type, enabled on accepted sockets.
     */
    private static final Set<WskEvent> CLIENT_EVENTS = Set.of(WskEvent.RECEIVE, WskEvent.DISCONNECT);

    /**
     * Gives back the IRP of an operation whose result nobody waits for.
     */
    private static final CompletionRoutine<IrpPool> RECYCLE = (irp, owner) -> {
        owner.recycle(irp);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    };

    private final Server handlers;

    private final IrpPool pool;

    private final CompletionRoutine<Server.Upstream> connectedRoutine;

    private final WskClientListenDispatch<Server.Listener> acceptedListener;

    private final WskClientConnectionDispatch<Server.Client> clientEvents;

    private final WskClientConnectionDispatch<Server.Upstream> upstreamEvents;

    /**
     * Dispatch glue that calls the handlers of {@code handlers} and takes IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the instance whose handlers the glue calls
     */
    public ServerDispatch(Server handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue that calls the handlers of {@code handlers} and takes the IRPs of simple handlers
     * from {@code pool}.
     *
     * @param handlers the instance whose handlers the glue calls
     * @param pool where the IRPs of simple handlers come from and go back to
     */
    public ServerDispatch(Server handlers, IrpPool pool) {
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.connectedRoutine = this::connectedCompleted;
        this.acceptedListener = this::acceptedAccepted;
        this.clientEvents = new ClientEvents();
        this.upstreamEvents = new UpstreamEvents();
    }

    /**
     * Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect).
     * The IRP comes from the pool; on completion the glue gives it back, then calls
     * {@link Server#connected(NtStatus, WskSocket, Server.Upstream)}.
     * The socket gets {@link #upstreamClientDispatch()} as its client dispatch, with its events enabled before the handler
     * runs ({@link #enableUpstreamEvents}).
     *
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus connect(WskProvider provider, SocketAddress remoteAddress,
            Server.Upstream context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(connectedRoutine, context, true, true, true);
            return provider.socketConnect(remoteAddress, context, upstreamEvents, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Creates a listening socket on {@code localAddress} whose connections go to
     * {@link Server#accepted(WskSocket, SocketAddress, Server.Listener)}
     * (WskSocket with WSK_FLAG_LISTEN_SOCKET). The listening socket stays open until the provider closes; to close it
     * sooner, use the overload that takes an {@link Irp} and find the socket in {@link Irp#socket()}.
     *
     * @param provider the provider that makes the socket
     * @param localAddress where to listen; port 0 for an ephemeral port
     * @param context the listening socket's context, handed to {@link Server#accepted(WskSocket, SocketAddress, Server.Listener)}
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus listen(WskProvider provider, SocketAddress localAddress,
            Server.Listener context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(RECYCLE, pool, true, true, true);
            return provider.socketListen(localAddress, context, acceptedListener, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Creates a listening socket on {@code localAddress} whose connections go to
     * {@link Server#accepted(WskSocket, SocketAddress, Server.Listener)};
     * the caller owns {@code irp}, whose completion routine it has set, and finds the listening socket in {@link Irp#socket()} there.
     *
     * @param provider the provider that makes the socket
     * @param localAddress where to listen; port 0 for an ephemeral port
     * @param irp the caller's IRP, its completion routine already set
     * @param context the listening socket's context, handed to {@link Server#accepted(WskSocket, SocketAddress, Server.Listener)}
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus listen(WskProvider provider, SocketAddress localAddress, Irp irp,
            Server.Listener context) {
        return provider.socketListen(localAddress, context, acceptedListener, irp);
    }

    /**
     * The client dispatch (WSK_CLIENT_CONNECTION_DISPATCH) that calls
     * {@link Server#received(WskBuf, Server.Client)} and {@link Server#peerDisconnected(DisconnectMode, Server.Client)};
     * the same object on every call. Its events are off until enabled (SPEC E1): see {@link #enableClientEvents}.
     *
     * @return the event callbacks for sockets whose context type is {@code demo.Server.Client}
     */
    public WskClientConnectionDispatch<Server.Client> clientClientDispatch() {
        return clientEvents;
    }

    /**
     * Enables the events of {@link #clientClientDispatch()} on a connected {@code socket} whose client dispatch it is,
     * calling {@link Server#received(WskBuf, Server.Client)} and {@link Server#peerDisconnected(DisconnectMode, Server.Client)} (WskControlSocket).
     * Each control request takes a pooled IRP.
     *
     * @param socket a connected socket made with {@link #clientClientDispatch()} as its client dispatch
     * @return the first status that is not a success, else the last status
     */
    public NtStatus enableClientEvents(WskSocket socket) {
        NtStatus status0 = enableEvent(socket, WskEvent.RECEIVE);
        if (!status0.isSuccess()) {
            return status0;
        }
        return enableEvent(socket, WskEvent.DISCONNECT);
    }

    /**
     * The client dispatch (WSK_CLIENT_CONNECTION_DISPATCH) that calls
     * {@link Server#upstreamDisconnected(DisconnectMode, Server.Upstream)};
     * the same object on every call. Its events are off until enabled (SPEC E1): see {@link #enableUpstreamEvents}.
     *
     * @return the event callbacks for sockets whose context type is {@code demo.Server.Upstream}
     */
    public WskClientConnectionDispatch<Server.Upstream> upstreamClientDispatch() {
        return upstreamEvents;
    }

    /**
     * Enables the events of {@link #upstreamClientDispatch()} on a connected {@code socket} whose client dispatch it is,
     * calling {@link Server#upstreamDisconnected(DisconnectMode, Server.Upstream)} (WskControlSocket).
     * Each control request takes a pooled IRP.
     *
     * @param socket a connected socket made with {@link #upstreamClientDispatch()} as its client dispatch
     * @return the first status that is not a success, else the last status
     */
    public NtStatus enableUpstreamEvents(WskSocket socket) {
        return enableEvent(socket, WskEvent.DISCONNECT);
    }

    private NtStatus connectedCompleted(Irp irp, Server.Upstream context) {
        NtStatus status = irp.status();
        WskSocket socket = irp.socket();
        pool.recycle(irp);
        try {
            if (socket != null && status.isSuccess()) {
                enableUpstreamEvents(socket);
            }
        } finally {
            handlers.connected(status, socket, context);
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private WskAccept acceptedAccepted(Server.Listener listenContext, WskSocket socket,
            SocketAddress localAddress, SocketAddress remoteAddress) {
        Server.Client context = handlers.accepted(socket, remoteAddress, listenContext);
        if (context == null) {
            return WskAccept.reject();
        }
        return WskAccept.accept(context, clientEvents, CLIENT_EVENTS);
    }

    private NtStatus enableEvent(WskSocket socket, WskEvent event) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(RECYCLE, pool, true, true, true);
            return socket.dispatch().controlSocket(socket, event, true, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    private final class ClientEvents implements WskClientConnectionDispatch<Server.Client> {
        @Override
        public long onReceive(Server.Client context, WskBuf data) {
            return handlers.received(data, context);
        }

        @Override
        public void onDisconnect(Server.Client context, DisconnectMode how) {
            handlers.peerDisconnected(how, context);
        }
    }

    private final class UpstreamEvents implements WskClientConnectionDispatch<Server.Upstream> {
        @Override
        public void onDisconnect(Server.Upstream context, DisconnectMode how) {
            handlers.upstreamDisconnected(how, context);
        }
    }
}
