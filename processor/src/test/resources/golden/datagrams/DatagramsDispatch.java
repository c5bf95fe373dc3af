package demo;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientDatagramDispatch;
import io.wsk4j.WskDatagramSocket;
import io.wsk4j.WskEvent;
import io.wsk4j.WskProvider;
import io.wsk4j.annotations.WskGenerated;
import java.lang.Override;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Datagrams}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method points an IRP at its handler and calls the provider: a simple handler's IRP comes from an
 * {@link IrpPool}, which gets it back if the call refuses it. Nothing is allocated per call.
 *
 * <p>The receive-from event starts disabled (SPEC E1, G3): a socket from {@code datagramSocket} has the
 * {@link WskClientDatagramDispatch}; bind it and call {@code enable...DatagramEvents}.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class DatagramsDispatch {
    private static final Set<WskEvent> FLOW_DATAGRAM_EVENTS = Set.of(WskEvent.RECEIVE_FROM);

    private final Datagrams handlers;

    private final IrpPool pool;

    private final CompletionRoutine<Datagrams.Probe> receiveFromProbeRoutine = this::receiveFromProbeCompleted;

    private final WskClientDatagramDispatch<Datagrams.Flow> flowDatagramEvents = new FlowDatagramEvents();

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the handler instance
     */
    public DatagramsDispatch(Datagrams handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with simple handlers' IRPs from {@code pool}.
     *
     * @param handlers the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public DatagramsDispatch(Datagrams handlers, IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /**
     * Like {@link #DatagramsDispatch(Function, IrpPool)}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param factory makes the handler instance
     */
    public DatagramsDispatch(Function<? super DatagramsDispatch, ? extends Datagrams> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance {@code factory} makes from it, so that the instance can hold its glue in a
     * final field: {@code new DatagramsDispatch(Datagrams::new)}. Simple handlers' IRPs come from {@code pool}. The
     * factory runs last in this constructor: it may keep the glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public DatagramsDispatch(Function<? super DatagramsDispatch, ? extends Datagrams> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * {@return the handler instance this glue calls}
     */
    public Datagrams handlers() {
        return handlers;
    }

    /**
     * Closes the socket (WskCloseSocket, SPEC C1-C3); abortive unless both directions are already disconnected.
     * Completes into {@link Datagrams#closed(NtStatus, Datagrams.Flow)}.
     *
     * @param socket the socket to close, of any kind
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus close(WskBasicSocket socket, Datagrams.Flow context) {
        return pool.closeSocket(socket, handlers, Datagrams::closed, context);
    }

    /**
     * Sends {@code buffer} as one datagram to {@code remoteAddress}, behind earlier sends (WskSendTo, SPEC G1).
     * Completes into {@link Datagrams#sent(NtStatus, long, Datagrams.Flow)}.
     *
     * @param socket a bound datagram socket
     * @param buffer the datagram
     * @param remoteAddress the destination, or null for the one {@code SIO_WSK_SET_REMOTE_ADDRESS} set
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus sendTo(WskDatagramSocket socket, WskBuf buffer, SocketAddress remoteAddress,
            Datagrams.Flow context) {
        return pool.sendTo(socket, buffer, remoteAddress, handlers,
                (target, status, bytes, given) -> target.sent(status, bytes, given), context);
    }

    /**
     * Sends {@code buffer} as one datagram to {@code remoteAddress}, behind earlier sends (WskSendTo, SPEC G1).
     * Completes into {@link Datagrams#sent(NtStatus, long, Datagrams.Flow)}. If it is still pending after
     * {@code timeout}, it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no
     * longer be cancelled.
     *
     * @param socket a bound datagram socket
     * @param buffer the datagram
     * @param remoteAddress the destination, or null for the one {@code SIO_WSK_SET_REMOTE_ADDRESS} set
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus sendTo(WskDatagramSocket socket, WskBuf buffer, SocketAddress remoteAddress,
            Datagrams.Flow context, Duration timeout) {
        return pool.sendTo(socket, buffer, remoteAddress, handlers,
                (target, status, bytes, given) -> target.sent(status, bytes, given), context, timeout);
    }

    /**
     * Sends {@code buffer} as one datagram to {@code remoteAddress}, behind earlier sends (WskSendTo, SPEC G1).
     * Completes into {@link Datagrams#probeSent(NtStatus, Datagrams.Probe)}.
     *
     * @param socket a bound datagram socket
     * @param buffer the datagram
     * @param remoteAddress the destination, or null for the one {@code SIO_WSK_SET_REMOTE_ADDRESS} set
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus sendTo(WskDatagramSocket socket, WskBuf buffer, SocketAddress remoteAddress,
            Datagrams.Probe context) {
        return pool.sendTo(socket, buffer, remoteAddress, handlers, Datagrams::probeSent, context);
    }

    /**
     * Sends {@code buffer} as one datagram to {@code remoteAddress}, behind earlier sends (WskSendTo, SPEC G1).
     * Completes into {@link Datagrams#probeSent(NtStatus, Datagrams.Probe)}. If it is still pending after
     * {@code timeout}, it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no
     * longer be cancelled.
     *
     * @param socket a bound datagram socket
     * @param buffer the datagram
     * @param remoteAddress the destination, or null for the one {@code SIO_WSK_SET_REMOTE_ADDRESS} set
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus sendTo(WskDatagramSocket socket, WskBuf buffer, SocketAddress remoteAddress,
            Datagrams.Probe context, Duration timeout) {
        return pool.sendTo(socket, buffer, remoteAddress, handlers, Datagrams::probeSent, context, timeout);
    }

    /**
     * Receives one datagram into {@code buffer} (WskReceiveFrom, SPEC G2); a longer one completes BUFFER_OVERFLOW with
     * the bytes that fit. Completes into {@link Datagrams#received(NtStatus, long, SocketAddress, Datagrams.Flow)}.
     *
     * @param socket a bound datagram socket
     * @param buffer where the datagram goes
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus receiveFrom(WskDatagramSocket socket, WskBuf buffer, Datagrams.Flow context) {
        return pool.receiveFrom(socket, buffer, handlers, Datagrams::received, context);
    }

    /**
     * Receives one datagram into {@code buffer} (WskReceiveFrom, SPEC G2); a longer one completes BUFFER_OVERFLOW with
     * the bytes that fit. Completes into {@link Datagrams#received(NtStatus, long, SocketAddress, Datagrams.Flow)}. If
     * it is still pending after {@code timeout}, it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes
     * CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a bound datagram socket
     * @param buffer where the datagram goes
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus receiveFrom(WskDatagramSocket socket, WskBuf buffer, Datagrams.Flow context,
            Duration timeout) {
        return pool.receiveFrom(socket, buffer, handlers, Datagrams::received, context, timeout);
    }

    /**
     * Receives one datagram into {@code buffer} (WskReceiveFrom, SPEC G2); a longer one completes BUFFER_OVERFLOW with
     * the bytes that fit. Completes into {@link Datagrams#probeReceived(Irp, Datagrams.Probe)}, which owns {@code irp}.
     *
     * @param socket a bound datagram socket
     * @param buffer where the datagram goes
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus receiveFrom(WskDatagramSocket socket, WskBuf buffer, Irp irp,
            Datagrams.Probe context) {
        irp.setCompletionRoutine(receiveFromProbeRoutine, context, true, true, true);
        return socket.dispatch().receiveFrom(socket, buffer, irp);
    }

    /**
     * Receives one datagram into {@code buffer} (WskReceiveFrom, SPEC G2); a longer one completes BUFFER_OVERFLOW with
     * the bytes that fit. Completes into {@link Datagrams#probeReceived(Irp, Datagrams.Probe)}, which owns {@code irp}.
     * If it is still pending after {@code timeout}, it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes
     * CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a bound datagram socket
     * @param buffer where the datagram goes
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus receiveFrom(WskDatagramSocket socket, WskBuf buffer, Irp irp,
            Datagrams.Probe context, Duration timeout) {
        irp.setCompletionRoutine(receiveFromProbeRoutine, context, true, true, true);
        irp.cancelAfter(timeout);
        return socket.dispatch().receiveFrom(socket, buffer, irp);
    }

    /**
     * Creates a datagram socket (WskSocket with WSK_FLAG_DATAGRAM_SOCKET) whose receive-from event is this class's for
     * {@code context}, completing the caller's {@code irp}, whose routine finds the socket in
     * {@link Irp#datagramSocket()}; bind it, then enable the event (SPEC G3, E1). Datagrams that no receiveFrom waits
     * for go to {@link Datagrams#arrived(WskBuf, SocketAddress, Datagrams.Flow)}. Enable its receive-from event with
     * {@link #enableDatagramEvents}, whose dispatch is {@link #datagramDispatch()}.
     *
     * @param provider the provider that makes the socket
     * @param irp the caller's IRP, its completion routine already set
     * @param context the datagram socket's context, handed to
     *     {@link Datagrams#arrived(WskBuf, SocketAddress, Datagrams.Flow)}
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus datagramSocket(WskProvider provider, Irp irp, Datagrams.Flow context) {
        return provider.datagramSocket(context, flowDatagramEvents, irp);
    }

    /**
     * The client dispatch (WSK_CLIENT_DATAGRAM_DISPATCH) that calls
     * {@link Datagrams#arrived(WskBuf, SocketAddress, Datagrams.Flow)}. Its events are off until enabled (SPEC E1):
     * {@link #enableDatagramEvents}.
     *
     * @return the same object on every call
     */
    public WskClientDatagramDispatch<Datagrams.Flow> datagramDispatch() {
        return flowDatagramEvents;
    }

    /**
     * Enables the events of {@link #datagramDispatch()} on {@code socket} (WskControlSocket, a pooled IRP each).
     *
     * @param socket a datagram socket whose client dispatch that is
     * @return the first status that is not a success, else the last
     */
    public NtStatus enableDatagramEvents(WskDatagramSocket socket) {
        return pool.enableEvents(socket, FLOW_DATAGRAM_EVENTS);
    }

    private NtStatus receiveFromProbeCompleted(Irp irp, Datagrams.Probe context) {
        return handlers.probeReceived(irp, context);
    }

    private final class FlowDatagramEvents implements WskClientDatagramDispatch<Datagrams.Flow> {
        @Override
        public void onReceiveFrom(Datagrams.Flow context, WskBuf datagram, SocketAddress source) {
            handlers.arrived(datagram, source, context);
        }
    }
}
