package demo;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskAccept;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskClientListenDispatch;
import io.wsk4j.WskEvent;
import io.wsk4j.WskListenSocket;
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
 * Typed WSK dispatch glue for the handlers of {@link Acceptor}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method points an IRP at its handler and calls the provider: a simple handler's IRP comes from an
 * {@link IrpPool}, which gets it back if the call refuses it. Nothing is allocated per call.
 *
 * <p>Events start disabled (SPEC E1): sockets from {@code connect} and {@code listen} get theirs enabled; for another
 * socket, give the provider the {@link WskClientConnectionDispatch} and call {@code enable...Events}.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class AcceptorDispatch {
    private static final Set<WskEvent> PEER_EVENTS = Set.of(WskEvent.RECEIVE);

    private final Acceptor handlers;

    private final IrpPool pool;

    private final CompletionRoutine<Acceptor.Spare> acceptSpareRoutine = this::acceptSpareCompleted;

    private final WskClientListenDispatch<Acceptor.Port> listenDispatch = this::onAccept;

    private final WskClientConnectionDispatch<Acceptor.Peer> peerEvents = new PeerEvents();

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the handler instance
     */
    public AcceptorDispatch(Acceptor handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with simple handlers' IRPs from {@code pool}.
     *
     * @param handlers the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public AcceptorDispatch(Acceptor handlers, IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /**
     * Like {@link #AcceptorDispatch(Function, IrpPool)}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param factory makes the handler instance
     */
    public AcceptorDispatch(Function<? super AcceptorDispatch, ? extends Acceptor> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance {@code factory} makes from it, so that the instance can hold its glue in a
     * final field: {@code new AcceptorDispatch(Acceptor::new)}. Simple handlers' IRPs come from {@code pool}. The
     * factory runs last in this constructor: it may keep the glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public AcceptorDispatch(Function<? super AcceptorDispatch, ? extends Acceptor> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * {@return the handler instance this glue calls}
     */
    public Acceptor handlers() {
        return handlers;
    }

    /**
     * Closes the socket (WskCloseSocket, SPEC C1-C3); abortive unless both directions are already disconnected.
     * Completes into {@link Acceptor#closed(NtStatus, Acceptor.Port)}.
     *
     * @param socket the socket to close, of any kind
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus close(WskBasicSocket socket, Acceptor.Port context) {
        return pool.closeSocket(socket, handlers, Acceptor::closed, context);
    }

    /**
     * Creates a listening socket on {@code localAddress} (WskSocket with WSK_FLAG_LISTEN_SOCKET). Completes into
     * {@link Acceptor#listening(NtStatus, WskListenSocket, Acceptor.Port)}. It gets the listening socket, which it
     * closes when done; connections go to {@link Acceptor#accepted(WskSocket, SocketAddress, Acceptor.Port)}.
     *
     * @param provider the provider that makes the socket
     * @param localAddress where to listen; port 0 for an ephemeral port
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus listen(WskProvider provider, SocketAddress localAddress,
            Acceptor.Port context) {
        return pool.socketListen(provider, localAddress, listenDispatch, handlers, Acceptor::listening, context);
    }

    /**
     * Accepts the next connection of {@code socket} (WskAccept, SPEC K5); it comes before the listening socket's accept
     * event. Completes into {@link Acceptor#acceptedByIrp(NtStatus, WskSocket, Acceptor.Peer)}. The socket gets
     * {@link #clientDispatch()}, its events enabled before the handler runs.
     *
     * @param socket a bound listening socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus accept(WskListenSocket socket, Acceptor.Peer context) {
        return pool.accept(socket, peerEvents, PEER_EVENTS, handlers, Acceptor::acceptedByIrp, context);
    }

    /**
     * Accepts the next connection of {@code socket} (WskAccept, SPEC K5); it comes before the listening socket's accept
     * event. Completes into {@link Acceptor#acceptedByIrp(NtStatus, WskSocket, Acceptor.Peer)}. If it is still pending
     * after {@code timeout}, it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can
     * no longer be cancelled. The socket gets {@link #clientDispatch()}, its events enabled before the handler runs.
     *
     * @param socket a bound listening socket
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus accept(WskListenSocket socket, Acceptor.Peer context, Duration timeout) {
        return pool.accept(socket, peerEvents, PEER_EVENTS, handlers, Acceptor::acceptedByIrp, context, timeout);
    }

    /**
     * Accepts the next connection of {@code socket} (WskAccept, SPEC K5); it comes before the listening socket's accept
     * event. Completes into {@link Acceptor#acceptedFaithfully(Irp, Acceptor.Spare)}, which owns {@code irp}.
     *
     * @param socket a bound listening socket
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus accept(WskListenSocket socket, Irp irp, Acceptor.Spare context) {
        irp.setCompletionRoutine(acceptSpareRoutine, context, true, true, true);
        return socket.dispatch().accept(socket, context, null, irp);
    }

    /**
     * Accepts the next connection of {@code socket} (WskAccept, SPEC K5); it comes before the listening socket's accept
     * event. Completes into {@link Acceptor#acceptedFaithfully(Irp, Acceptor.Spare)}, which owns {@code irp}. If it is
     * still pending after {@code timeout}, it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED,
     * unless it can no longer be cancelled.
     *
     * @param socket a bound listening socket
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus accept(WskListenSocket socket, Irp irp, Acceptor.Spare context,
            Duration timeout) {
        irp.setCompletionRoutine(acceptSpareRoutine, context, true, true, true);
        irp.cancelAfter(timeout);
        return socket.dispatch().accept(socket, context, null, irp);
    }

    /**
     * Creates a listening socket on {@code localAddress} (WskSocket with WSK_FLAG_LISTEN_SOCKET), completing the
     * caller's {@code irp}, whose routine finds the listening socket in {@link Irp#listenSocket()}. Connections go to
     * {@link Acceptor#accepted(WskSocket, SocketAddress, Acceptor.Port)}.
     *
     * @param provider the provider that makes the socket
     * @param localAddress where to listen; port 0 for an ephemeral port
     * @param irp the caller's IRP, its completion routine already set
     * @param context the listening socket's context, handed to
     *     {@link Acceptor#accepted(WskSocket, SocketAddress, Acceptor.Port)}
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus listen(WskProvider provider, SocketAddress localAddress, Irp irp,
            Acceptor.Port context) {
        return provider.socketListen(localAddress, context, listenDispatch, irp);
    }

    /**
     * The client dispatch (WSK_CLIENT_CONNECTION_DISPATCH) that calls {@link Acceptor#received(WskBuf, Acceptor.Peer)}.
     * Its events are off until enabled (SPEC E1): {@link #enableEvents}.
     *
     * @return the same object on every call
     */
    public WskClientConnectionDispatch<Acceptor.Peer> clientDispatch() {
        return peerEvents;
    }

    /**
     * Enables the events of {@link #clientDispatch()} on {@code socket} (WskControlSocket, a pooled IRP each).
     *
     * @param socket a connected socket whose client dispatch that is
     * @return the first status that is not a success, else the last
     */
    public NtStatus enableEvents(WskSocket socket) {
        return pool.enableEvents(socket, PEER_EVENTS);
    }

    private NtStatus acceptSpareCompleted(Irp irp, Acceptor.Spare context) {
        return handlers.acceptedFaithfully(irp, context);
    }

    private WskAccept onAccept(Acceptor.Port listenContext, WskSocket socket,
            SocketAddress localAddress, SocketAddress remoteAddress) {
        Acceptor.Peer context = handlers.accepted(socket, remoteAddress, listenContext);
        if (context == null) {
            return WskAccept.reject();
        }
        return WskAccept.accept(context, peerEvents, PEER_EVENTS);
    }

    private final class PeerEvents implements WskClientConnectionDispatch<Acceptor.Peer> {
        @Override
        public long onReceive(Acceptor.Peer context, WskBuf data) {
            return handlers.received(data, context);
        }
    }
}
