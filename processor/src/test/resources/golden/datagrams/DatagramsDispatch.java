package demo;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskBuf;
import io.wsk4j.WskDatagramSocket;
import io.wsk4j.annotations.WskGenerated;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Datagrams}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method points an IRP at its handler and calls the provider: a simple handler's IRP comes from an
 * {@link IrpPool}, which gets it back if the call refuses it. Nothing is allocated per call.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class DatagramsDispatch {
    private final Datagrams handlers;

    private final IrpPool pool;

    private final CompletionRoutine<Datagrams.Probe> receiveFromProbeRoutine = this::receiveFromProbeCompleted;

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
        return pool.sendTo(socket, buffer, remoteAddress, handlers, (target, status, bytes,
                given) -> target.sent(status, bytes, given), context);
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

    private NtStatus receiveFromProbeCompleted(Irp irp, Datagrams.Probe context) {
        return handlers.probeReceived(irp, context);
    }
}
