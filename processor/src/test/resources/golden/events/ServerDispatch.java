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
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Server}, written by the wsk4j processor (SPEC P5).
 *
 * <p>Each start method sets a completion routine that knows the context type, calls the provider and returns its
 * status: the final one if the operation completed at once, else {@link NtStatus#PENDING}. The IRPs of simple handlers
 * come from the {@link IrpPool} and go back to it before the handler runs. Faithful handlers own the caller's IRP.
 * Routines are made once, in the constructor: a start method allocates nothing.
 *
 * <p>Events start disabled (SPEC E1). The event handlers of each context type form one
 * {@link WskClientConnectionDispatch}; sockets made by this class's {@code connect} and {@code listen} get it with
 * their events enabled before the handler sees them. For a socket made another way, pass the client dispatch to the
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

    private final CompletionRoutine<Server.Upstream> connectRoutine;

    private final WskClientListenDispatch<Server.Listener> listenDispatch;

    private final WskClientConnectionDispatch<Server.Client> clientEvents;

    private final WskClientConnectionDispatch<Server.Upstream> upstreamEvents;

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the instance whose handlers the glue calls
     */
    public ServerDispatch(Server handlers) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with the IRPs of simple handlers from {@code pool}.
     *
     * @param handlers the instance whose handlers the glue calls
     * @param pool where the IRPs of simple handlers come from and go back to
     */
    public ServerDispatch(Server handlers, IrpPool pool) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), pool);
    }

    /**
     * Dispatch glue for the handler instance that {@code factory} makes from this glue, with IRPs from
     * {@link IrpPool#shared()}; see {@link #ServerDispatch(Function, IrpPool)}.
     *
     * @param factory makes the instance whose handlers the glue calls
     */
    public ServerDispatch(Function<? super ServerDispatch, ? extends Server> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance that {@code factory} makes from this glue, so that the instance can keep
     * its glue in a final field (a record, say): {@code new ServerDispatch(Server::new)}. The IRPs of simple handlers
     * come from {@code pool}.
     *
     * <p>The factory runs once, last in this constructor: the glue is complete when the factory sees it, but the
     * instance is not, so the factory should only keep the glue, not start operations with it.
     *
     * @param factory makes the instance whose handlers the glue calls
     * @param pool where the IRPs of simple handlers come from and go back to
     */
    public ServerDispatch(Function<? super ServerDispatch, ? extends Server> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.connectRoutine = this::connectCompleted;
        this.listenDispatch = this::onAccept;
        this.clientEvents = new ClientEvents();
        this.upstreamEvents = new UpstreamEvents();
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * The instance whose handlers this glue calls: the one given to the constructor, or the one its factory made.
     *
     * @return the handler instance, never null
     */
    public Server handlers() {
        return handlers;
    }

    /**
     * Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect). The IRP comes from the pool and
     * goes back to it before {@link Server#connected(NtStatus, WskSocket, Server.Upstream)} runs. The socket gets
     * {@link #clientDispatchForUpstream()} as its client dispatch, with its events enabled before the handler runs
     * ({@link #enableUpstreamEvents}).
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
            irp.setCompletionRoutine(connectRoutine, context, true, true, true);
            return provider.socketConnect(remoteAddress, context, upstreamEvents, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Creates a listening socket on {@code localAddress} (WskSocket with WSK_FLAG_LISTEN_SOCKET), completing the
     * caller's {@code irp}, whose routine finds the listening socket in {@link Irp#socket()}. Connections go to
     * {@link Server#accepted(WskSocket, SocketAddress, Server.Listener)}.
     *
     * @param provider the provider that makes the socket
     * @param localAddress where to listen; port 0 for an ephemeral port
     * @param irp the caller's IRP, its completion routine already set
     * @param context the listening socket's context, handed to
     *     {@link Server#accepted(WskSocket, SocketAddress, Server.Listener)}
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus listen(WskProvider provider, SocketAddress localAddress, Irp irp,
            Server.Listener context) {
        return provider.socketListen(localAddress, context, listenDispatch, irp);
    }

    /**
     * The client dispatch (WSK_CLIENT_CONNECTION_DISPATCH) that calls {@link Server#received(WskBuf, Server.Client)}
     * and {@link Server#peerDisconnected(DisconnectMode, Server.Client)}; the same object on every call. Its events are
     * off until enabled (SPEC E1): see {@link #enableClientEvents}.
     *
     * @return the event callbacks for sockets whose context type is {@code demo.Server.Client}
     */
    public WskClientConnectionDispatch<Server.Client> clientDispatchForClient() {
        return clientEvents;
    }

    /**
     * Enables the events of {@link #clientDispatchForClient()} on a connected {@code socket} whose client dispatch it
     * is, calling {@link Server#received(WskBuf, Server.Client)} and
     * {@link Server#peerDisconnected(DisconnectMode, Server.Client)} (WskControlSocket). Each control request takes a
     * pooled IRP.
     *
     * @param socket a connected socket made with {@link #clientDispatchForClient()} as its client dispatch
     * @return the first status that is not a success, else the last status
     */
    public NtStatus enableClientEvents(WskSocket socket) {
        NtStatus receiveStatus = enableEvent(socket, WskEvent.RECEIVE);
        if (!receiveStatus.isSuccess()) {
            return receiveStatus;
        }
        return enableEvent(socket, WskEvent.DISCONNECT);
    }

    /**
     * The client dispatch (WSK_CLIENT_CONNECTION_DISPATCH) that calls
     * {@link Server#upstreamDisconnected(DisconnectMode, Server.Upstream)}; the same object on every call. Its events
     * are off until enabled (SPEC E1): see {@link #enableUpstreamEvents}.
     *
     * @return the event callbacks for sockets whose context type is {@code demo.Server.Upstream}
     */
    public WskClientConnectionDispatch<Server.Upstream> clientDispatchForUpstream() {
        return upstreamEvents;
    }

    /**
     * Enables the events of {@link #clientDispatchForUpstream()} on a connected {@code socket} whose client dispatch it
     * is, calling {@link Server#upstreamDisconnected(DisconnectMode, Server.Upstream)} (WskControlSocket). Each control
     * request takes a pooled IRP.
     *
     * @param socket a connected socket made with {@link #clientDispatchForUpstream()} as its client dispatch
     * @return the first status that is not a success, else the last status
     */
    public NtStatus enableUpstreamEvents(WskSocket socket) {
        return enableEvent(socket, WskEvent.DISCONNECT);
    }

    private NtStatus connectCompleted(Irp irp, Server.Upstream context) {
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

    private WskAccept onAccept(Server.Listener listenContext, WskSocket socket,
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
