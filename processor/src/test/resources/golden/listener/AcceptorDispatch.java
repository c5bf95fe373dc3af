package demo;

import io.wsk4j.CompletionRoutine;
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
 * Typed WSK dispatch glue for the handlers of {@link Acceptor}, written by the wsk4j processor (SPEC P5).
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
public final class AcceptorDispatch {
    /**
     * The events that have handlers for this context type, enabled on accepted sockets.
     */
    private static final Set<WskEvent> PEER_EVENTS = Set.of(WskEvent.RECEIVE);

    /**
     * Gives back the IRP of an operation whose result nobody waits for.
     */
    private static final CompletionRoutine<IrpPool> RECYCLE = (irp, owner) -> {
        owner.recycle(irp);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    };

    private final Acceptor handlers;

    private final IrpPool pool;

    private final CompletionRoutine<Acceptor.Port> closeRoutine;

    private final CompletionRoutine<Acceptor.Port> listenRoutine;

    private final WskClientListenDispatch<Acceptor.Port> listenDispatch;

    private final WskClientConnectionDispatch<Acceptor.Peer> peerEvents;

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the instance whose handlers the glue calls
     */
    public AcceptorDispatch(Acceptor handlers) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with the IRPs of simple handlers from {@code pool}.
     *
     * @param handlers the instance whose handlers the glue calls
     * @param pool where the IRPs of simple handlers come from and go back to
     */
    public AcceptorDispatch(Acceptor handlers, IrpPool pool) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), pool);
    }

    /**
     * Dispatch glue for the handler instance that {@code factory} makes from this glue, with IRPs from
     * {@link IrpPool#shared()}; see {@link #AcceptorDispatch(Function, IrpPool)}.
     *
     * @param factory makes the instance whose handlers the glue calls
     */
    public AcceptorDispatch(Function<? super AcceptorDispatch, ? extends Acceptor> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance that {@code factory} makes from this glue, so that the instance can keep
     * its glue in a final field (a record, say): {@code new AcceptorDispatch(Acceptor::new)}. The IRPs of simple
     * handlers come from {@code pool}.
     *
     * <p>The factory runs once, last in this constructor: the glue is complete when the factory sees it, but the
     * instance is not, so the factory should only keep the glue, not start operations with it.
     *
     * @param factory makes the instance whose handlers the glue calls
     * @param pool where the IRPs of simple handlers come from and go back to
     */
    public AcceptorDispatch(Function<? super AcceptorDispatch, ? extends Acceptor> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.closeRoutine = this::closeCompleted;
        this.listenRoutine = this::listenCompleted;
        this.listenDispatch = this::onAccept;
        this.peerEvents = new PeerEvents();
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * The instance whose handlers this glue calls: the one given to the constructor, or the one its factory made.
     *
     * @return the handler instance, never null
     */
    public Acceptor handlers() {
        return handlers;
    }

    /**
     * Closes the socket (WskCloseSocket, SPEC C1-C3); abortive unless both directions are already disconnected. The IRP
     * comes from the pool and goes back to it before {@link Acceptor#closed(NtStatus, Acceptor.Port)} runs.
     *
     * @param socket the socket to close
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus close(WskSocket socket, Acceptor.Port context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(closeRoutine, context, true, true, true);
            return socket.dispatch().closeSocket(socket, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Creates a listening socket on {@code localAddress} (WskSocket with WSK_FLAG_LISTEN_SOCKET). The IRP comes from
     * the pool and goes back to it before {@link Acceptor#listening(NtStatus, WskSocket, Acceptor.Port)} runs. The
     * handler gets the listening socket, to close it when it wants no more connections, which go to
     * {@link Acceptor#accepted(WskSocket, SocketAddress, Acceptor.Port)}.
     *
     * @param provider the provider that makes the socket
     * @param localAddress where to listen; port 0 for an ephemeral port
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus listen(WskProvider provider, SocketAddress localAddress,
            Acceptor.Port context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(listenRoutine, context, true, true, true);
            return provider.socketListen(localAddress, context, listenDispatch, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Creates a listening socket on {@code localAddress} (WskSocket with WSK_FLAG_LISTEN_SOCKET), completing the
     * caller's {@code irp}, whose routine finds the listening socket in {@link Irp#socket()}. Connections go to
     * {@link Acceptor#accepted(WskSocket, SocketAddress, Acceptor.Port)}.
     *
     * @param provider the provider that makes the socket
     * @param localAddress where to listen; port 0 for an ephemeral port
     * @param irp the caller's IRP, its completion routine already set
     * @param context the listening socket's context, handed to
     *     {@link Acceptor#accepted(WskSocket, SocketAddress, Acceptor.Port)}
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus listen(WskProvider provider, SocketAddress localAddress, Irp irp,
            Acceptor.Port context) {
        return provider.socketListen(localAddress, context, listenDispatch, irp);
    }

    /**
     * The client dispatch (WSK_CLIENT_CONNECTION_DISPATCH) that calls {@link Acceptor#received(WskBuf, Acceptor.Peer)};
     * the same object on every call. Its events are off until enabled (SPEC E1): see {@link #enableEvents}.
     *
     * @return the event callbacks for sockets whose context type is {@code demo.Acceptor.Peer}
     */
    public WskClientConnectionDispatch<Acceptor.Peer> clientDispatch() {
        return peerEvents;
    }

    /**
     * Enables the events of {@link #clientDispatch()} on a connected {@code socket} whose client dispatch it is,
     * calling {@link Acceptor#received(WskBuf, Acceptor.Peer)} (WskControlSocket). Each control request takes a pooled
     * IRP.
     *
     * @param socket a connected socket made with {@link #clientDispatch()} as its client dispatch
     * @return the first status that is not a success, else the last status
     */
    public NtStatus enableEvents(WskSocket socket) {
        return enableEvent(socket, WskEvent.RECEIVE);
    }

    private NtStatus closeCompleted(Irp irp, Acceptor.Port context) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        handlers.closed(status, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus listenCompleted(Irp irp, Acceptor.Port context) {
        NtStatus status = irp.status();
        WskSocket socket = irp.socket();
        pool.recycle(irp);
        handlers.listening(status, socket, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private WskAccept onAccept(Acceptor.Port listenContext, WskSocket socket,
            SocketAddress localAddress, SocketAddress remoteAddress) {
        Acceptor.Peer context = handlers.accepted(socket, remoteAddress, listenContext);
        if (context == null) {
            return WskAccept.reject();
        }
        return WskAccept.accept(context, peerEvents, PEER_EVENTS);
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

    private final class PeerEvents implements WskClientConnectionDispatch<Acceptor.Peer> {
        @Override
        public long onReceive(Acceptor.Peer context, WskBuf data) {
            return handlers.received(data, context);
        }
    }
}
