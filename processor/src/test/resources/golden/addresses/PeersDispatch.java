package demo;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.WskGenerated;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Peers}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method points an IRP at its handler and calls the provider: a simple handler's IRP comes from an
 * {@link IrpPool}, which gets it back if the call refuses it. Nothing is allocated per call.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class PeersDispatch {
    private final Peers handlers;

    private final IrpPool pool;

    private final CompletionRoutine<Peers.Probe> addressProbeRoutine = this::addressProbeCompleted;

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the handler instance
     */
    public PeersDispatch(Peers handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with simple handlers' IRPs from {@code pool}.
     *
     * @param handlers the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public PeersDispatch(Peers handlers, IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /**
     * Like {@link #PeersDispatch(Function, IrpPool)}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param factory makes the handler instance
     */
    public PeersDispatch(Function<? super PeersDispatch, ? extends Peers> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance {@code factory} makes from it, so that the instance can hold its glue in a
     * final field: {@code new PeersDispatch(Peers::new)}. Simple handlers' IRPs come from {@code pool}. The factory
     * runs last in this constructor: it may keep the glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public PeersDispatch(Function<? super PeersDispatch, ? extends Peers> factory, IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * {@return the handler instance this glue calls}
     */
    public Peers handlers() {
        return handlers;
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Peers#ended(NtStatus, DisconnectMode, Peers.Peer)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Peers.Peer context) {
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers,
                (target, status, mode, given) -> target.ended(status, mode, given), context);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Peers#ended(NtStatus, DisconnectMode, Peers.Peer)}. If it is still pending after {@code timeout}, it is
     * cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Peers.Peer context, Duration timeout) {
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers,
                (target, status, mode, given) -> target.ended(status, mode, given), context, timeout);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Peers#ended(NtStatus, DisconnectMode, Peers.Peer)}.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Peers.Peer context) {
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers,
                (target, status, mode, given) -> target.ended(status, mode, given), context);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Peers#ended(NtStatus, DisconnectMode, Peers.Peer)}. If it is still pending after {@code timeout}, it
     * is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Peers.Peer context,
            Duration timeout) {
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers,
                (target, status, mode, given) -> target.ended(status, mode, given), context, timeout);
    }

    /**
     * Disconnects abortively: queued data is dropped and the peer gets RST (WskDisconnect with WSK_FLAG_ABORTIVE, SPEC
     * D7). Completes into {@link Peers#ended(NtStatus, DisconnectMode, Peers.Peer)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus abort(WskSocket socket, Peers.Peer context) {
        return pool.disconnect(socket, null, DisconnectMode.ABORTIVE, handlers,
                (target, status, mode, given) -> target.ended(status, mode, given), context);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Peers#probeEnded(NtStatus, Peers.Probe)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Peers.Probe context) {
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers, Peers::probeEnded, context);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Peers#probeEnded(NtStatus, Peers.Probe)}. If it is still pending after {@code timeout}, it is cancelled
     * (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Peers.Probe context, Duration timeout) {
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers, Peers::probeEnded, context, timeout);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Peers#probeEnded(NtStatus, Peers.Probe)}.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Peers.Probe context) {
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers, Peers::probeEnded, context);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Peers#probeEnded(NtStatus, Peers.Probe)}. If it is still pending after {@code timeout}, it is
     * cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Peers.Probe context,
            Duration timeout) {
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers, Peers::probeEnded, context,
                timeout);
    }

    /**
     * Disconnects abortively: queued data is dropped and the peer gets RST (WskDisconnect with WSK_FLAG_ABORTIVE, SPEC
     * D7). Completes into {@link Peers#probeEnded(NtStatus, Peers.Probe)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus abort(WskSocket socket, Peers.Probe context) {
        return pool.disconnect(socket, null, DisconnectMode.ABORTIVE, handlers, Peers::probeEnded, context);
    }

    /**
     * Asks for the address {@code socket} is bound to (WskGetLocalAddress). Completes into
     * {@link Peers#addressed(NtStatus, java.net.SocketAddress, Peers.Peer)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus localAddress(WskSocket socket, Peers.Peer context) {
        return pool.localAddress(socket, handlers, Peers::addressed, context);
    }

    /**
     * Asks for the address {@code socket} listens on (WskGetLocalAddress): the port of a listener bound to port 0, say.
     * Completes into {@link Peers#addressed(NtStatus, java.net.SocketAddress, Peers.Peer)}.
     *
     * @param socket a listening socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus localAddress(WskListenSocket socket, Peers.Peer context) {
        return pool.localAddress(socket, handlers, Peers::addressed, context);
    }

    /**
     * Asks for the address of {@code socket}'s peer (WskGetRemoteAddress). Completes into
     * {@link Peers#addressed(NtStatus, java.net.SocketAddress, Peers.Peer)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus remoteAddress(WskSocket socket, Peers.Peer context) {
        return pool.remoteAddress(socket, handlers, Peers::addressed, context);
    }

    /**
     * Asks for the address {@code socket} is bound to (WskGetLocalAddress). Completes into
     * {@link Peers#probed(Irp, Peers.Probe)}, which owns {@code irp}.
     *
     * @param socket a connected socket
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus localAddress(WskSocket socket, Irp irp, Peers.Probe context) {
        irp.setCompletionRoutine(addressProbeRoutine, context, true, true, true);
        return socket.dispatch().getLocalAddress(socket, irp);
    }

    /**
     * Asks for the address {@code socket} listens on (WskGetLocalAddress): the port of a listener bound to port 0, say.
     * Completes into {@link Peers#probed(Irp, Peers.Probe)}, which owns {@code irp}.
     *
     * @param socket a listening socket
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus localAddress(WskListenSocket socket, Irp irp, Peers.Probe context) {
        irp.setCompletionRoutine(addressProbeRoutine, context, true, true, true);
        return socket.dispatch().getLocalAddress(socket, irp);
    }

    /**
     * Asks for the address of {@code socket}'s peer (WskGetRemoteAddress). Completes into
     * {@link Peers#probed(Irp, Peers.Probe)}, which owns {@code irp}.
     *
     * @param socket a connected socket
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus remoteAddress(WskSocket socket, Irp irp, Peers.Probe context) {
        irp.setCompletionRoutine(addressProbeRoutine, context, true, true, true);
        return socket.dispatch().getRemoteAddress(socket, irp);
    }

    private NtStatus addressProbeCompleted(Irp irp, Peers.Probe context) {
        return handlers.probed(irp, context);
    }
}
