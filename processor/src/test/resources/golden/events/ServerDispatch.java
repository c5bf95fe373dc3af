package demo;

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
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Server}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method points an IRP at its handler and calls the provider: a simple handler's IRP comes from an
 * {@link IrpPool}, which gets it back if the call refuses it. Nothing is allocated per call.
 *
 * <p>Events start disabled (SPEC E1): sockets from {@code connect} and {@code listen} get theirs enabled; for another
 * socket, give the provider the {@link WskClientConnectionDispatch} and call {@code enable...Events}.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class ServerDispatch {
    private static final Set<WskEvent> CLIENT_EVENTS = Set.of(WskEvent.RECEIVE, WskEvent.DISCONNECT);

    private static final Set<WskEvent> UPSTREAM_EVENTS = Set.of(WskEvent.DISCONNECT);

    private final Server handlers;

    private final IrpPool pool;

    private final WskClientListenDispatch<Server.Listener> listenDispatch = this::onAccept;

    private final WskClientConnectionDispatch<Server.Client> clientEvents = new ClientEvents();

    private final WskClientConnectionDispatch<Server.Upstream> upstreamEvents = new UpstreamEvents();

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the handler instance
     */
    public ServerDispatch(Server handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with simple handlers' IRPs from {@code pool}.
     *
     * @param handlers the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public ServerDispatch(Server handlers, IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /**
     * Like {@link #ServerDispatch(Function, IrpPool)}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param factory makes the handler instance
     */
    public ServerDispatch(Function<? super ServerDispatch, ? extends Server> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance {@code factory} makes from it, so that the instance can hold its glue in a
     * final field: {@code new ServerDispatch(Server::new)}. Simple handlers' IRPs come from {@code pool}. The factory
     * runs last in this constructor: it may keep the glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public ServerDispatch(Function<? super ServerDispatch, ? extends Server> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * {@return the handler instance this glue calls}
     */
    public Server handlers() {
        return handlers;
    }

    /**
     * Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect). Completes into
     * {@link Server#connected(NtStatus, WskSocket, Server.Upstream)}. The socket gets
     * {@link #clientDispatchForUpstream()}, its events enabled before the handler runs.
     *
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus connect(WskProvider provider, SocketAddress remoteAddress,
            Server.Upstream context) {
        return pool.socketConnect(provider, remoteAddress, upstreamEvents, UPSTREAM_EVENTS, handlers, Server::connected,
                context);
    }

    /**
     * Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect). Completes into
     * {@link Server#connected(NtStatus, WskSocket, Server.Upstream)}. If it is still pending after {@code timeout}, it
     * is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     * The socket gets {@link #clientDispatchForUpstream()}, its events enabled before the handler runs.
     *
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus connect(WskProvider provider, SocketAddress remoteAddress,
            Server.Upstream context, Duration timeout) {
        return pool.socketConnect(provider, remoteAddress, upstreamEvents, UPSTREAM_EVENTS, handlers, Server::connected,
                context, timeout);
    }

    /**
     * Creates a listening socket on {@code localAddress} (WskSocket with WSK_FLAG_LISTEN_SOCKET), completing the
     * caller's {@code irp}, whose routine finds the listening socket in {@link Irp#listenSocket()}. Connections go to
     * {@link Server#accepted(WskSocket, SocketAddress, Server.Listener)}.
     *
     * @param provider the provider that makes the socket
     * @param localAddress where to listen; port 0 for an ephemeral port
     * @param irp the caller's IRP, its completion routine already set
     * @param context the listening socket's context, handed to
     *     {@link Server#accepted(WskSocket, SocketAddress, Server.Listener)}
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus listen(WskProvider provider, SocketAddress localAddress, Irp irp,
            Server.Listener context) {
        return provider.socketListen(localAddress, context, listenDispatch, irp);
    }

    /**
     * The client dispatch (WSK_CLIENT_CONNECTION_DISPATCH) that calls {@link Server#received(WskBuf, Server.Client)}
     * and {@link Server#peerDisconnected(DisconnectMode, Server.Client)}. Its events are off until enabled (SPEC E1):
     * {@link #enableClientEvents}.
     *
     * @return the same object on every call
     */
    public WskClientConnectionDispatch<Server.Client> clientDispatchForClient() {
        return clientEvents;
    }

    /**
     * Enables the events of {@link #clientDispatchForClient()} on {@code socket} (WskControlSocket, a pooled IRP each).
     *
     * @param socket a connected socket whose client dispatch that is
     * @return the first status that is not a success, else the last
     */
    public NtStatus enableClientEvents(WskSocket socket) {
        return pool.enableEvents(socket, CLIENT_EVENTS);
    }

    /**
     * The client dispatch (WSK_CLIENT_CONNECTION_DISPATCH) that calls
     * {@link Server#upstreamDisconnected(DisconnectMode, Server.Upstream)}. Its events are off until enabled (SPEC E1):
     * {@link #enableUpstreamEvents}.
     *
     * @return the same object on every call
     */
    public WskClientConnectionDispatch<Server.Upstream> clientDispatchForUpstream() {
        return upstreamEvents;
    }

    /**
     * Enables the events of {@link #clientDispatchForUpstream()} on {@code socket} (WskControlSocket, a pooled IRP
     * each).
     *
     * @param socket a connected socket whose client dispatch that is
     * @return the first status that is not a success, else the last
     */
    public NtStatus enableUpstreamEvents(WskSocket socket) {
        return pool.enableEvents(socket, UPSTREAM_EVENTS);
    }

    private WskAccept onAccept(Server.Listener listenContext, WskSocket socket,
            SocketAddress localAddress, SocketAddress remoteAddress) {
        Server.Client context = handlers.accepted(socket, remoteAddress, listenContext);
        if (context == null) {
            return WskAccept.reject();
        }
        return WskAccept.accept(context, clientEvents, CLIENT_EVENTS);
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
