package demo;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.WskGenerated;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Multi}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method points an IRP at its handler and calls the provider: a simple handler's IRP comes from an
 * {@link IrpPool}, which gets it back if the call refuses it. Nothing is allocated per call.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class MultiDispatch {
    private final Multi handlers;

    private final IrpPool pool;

    private final CompletionRoutine<Multi.Admin> sendAdminRoutine = this::sendAdminCompleted;

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the handler instance
     */
    public MultiDispatch(Multi handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with simple handlers' IRPs from {@code pool}.
     *
     * @param handlers the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public MultiDispatch(Multi handlers, IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /**
     * Like {@link #MultiDispatch(Function, IrpPool)}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param factory makes the handler instance
     */
    public MultiDispatch(Function<? super MultiDispatch, ? extends Multi> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance {@code factory} makes from it, so that the instance can hold its glue in a
     * final field: {@code new MultiDispatch(Multi::new)}. Simple handlers' IRPs come from {@code pool}. The factory
     * runs last in this constructor: it may keep the glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public MultiDispatch(Function<? super MultiDispatch, ? extends Multi> factory, IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * {@return the handler instance this glue calls}
     */
    public Multi handlers() {
        return handlers;
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1). Completes into
     * {@link Multi#sent(Irp, Multi.Admin)}, which owns {@code irp}.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, Irp irp, Multi.Admin context) {
        irp.setCompletionRoutine(sendAdminRoutine, context, true, true, true);
        return socket.dispatch().send(socket, buffer, SendFlags.NONE, irp);
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1). Completes into
     * {@link Multi#sent(Irp, Multi.Admin)}, which owns {@code irp}. If it is still pending after {@code timeout}, it is
     * cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, Irp irp, Multi.Admin context,
            Duration timeout) {
        irp.setCompletionRoutine(sendAdminRoutine, context, true, true, true);
        irp.cancelAfter(timeout);
        return socket.dispatch().send(socket, buffer, SendFlags.NONE, irp);
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1). Completes into
     * {@link Multi#sent(NtStatus, Multi.User)}.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, Multi.User context) {
        return pool.send(socket, buffer, SendFlags.NONE, handlers, Multi::sent, context);
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1). Completes into
     * {@link Multi#sent(NtStatus, Multi.User)}. If it is still pending after {@code timeout}, it is cancelled (SPEC N2,
     * {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, Multi.User context, Duration timeout) {
        return pool.send(socket, buffer, SendFlags.NONE, handlers, Multi::sent, context, timeout);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Multi#done(NtStatus, Multi.Admin)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Multi.Admin context) {
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers, Multi::done, context);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Multi#done(NtStatus, Multi.Admin)}. If it is still pending after {@code timeout}, it is cancelled (SPEC
     * N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Multi.Admin context, Duration timeout) {
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers, Multi::done, context, timeout);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Multi#done(NtStatus, Multi.Admin)}.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Multi.Admin context) {
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers, Multi::done, context);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Multi#done(NtStatus, Multi.Admin)}. If it is still pending after {@code timeout}, it is cancelled
     * (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Multi.Admin context,
            Duration timeout) {
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers, Multi::done, context, timeout);
    }

    /**
     * Disconnects abortively: queued data is dropped and the peer gets RST (WskDisconnect with WSK_FLAG_ABORTIVE, SPEC
     * D7). Completes into {@link Multi#done(NtStatus, Multi.Admin)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus abort(WskSocket socket, Multi.Admin context) {
        return pool.disconnect(socket, null, DisconnectMode.ABORTIVE, handlers, Multi::done, context);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Multi#done(NtStatus, Multi.User)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Multi.User context) {
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers, Multi::done, context);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Multi#done(NtStatus, Multi.User)}. If it is still pending after {@code timeout}, it is cancelled (SPEC N2,
     * {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Multi.User context, Duration timeout) {
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers, Multi::done, context, timeout);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Multi#done(NtStatus, Multi.User)}.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Multi.User context) {
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers, Multi::done, context);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Multi#done(NtStatus, Multi.User)}. If it is still pending after {@code timeout}, it is cancelled
     * (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Multi.User context,
            Duration timeout) {
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers, Multi::done, context, timeout);
    }

    /**
     * Disconnects abortively: queued data is dropped and the peer gets RST (WskDisconnect with WSK_FLAG_ABORTIVE, SPEC
     * D7). Completes into {@link Multi#done(NtStatus, Multi.User)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus abort(WskSocket socket, Multi.User context) {
        return pool.disconnect(socket, null, DisconnectMode.ABORTIVE, handlers, Multi::done, context);
    }

    private NtStatus sendAdminCompleted(Irp irp, Multi.Admin context) {
        return handlers.sent(irp, context);
    }
}
