package demo;

import io.wsk4j.DisconnectMode;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.WskGenerated;
import java.lang.CharSequence;
import java.lang.String;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Pipeline}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method points an IRP at its handler and calls the provider: a simple handler's IRP comes from an
 * {@link IrpPool}, which gets it back if the call refuses it. Nothing is allocated per call.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class PipelineDispatch<T extends CharSequence> {
    private final Pipeline<T> handlers;

    private final IrpPool pool;

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the handler instance
     */
    public PipelineDispatch(Pipeline<T> handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with simple handlers' IRPs from {@code pool}.
     *
     * @param handlers the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public PipelineDispatch(Pipeline<T> handlers, IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /**
     * Like {@link #PipelineDispatch(Function, IrpPool)}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param factory makes the handler instance
     */
    public PipelineDispatch(Function<? super PipelineDispatch<T>, ? extends Pipeline<T>> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance {@code factory} makes from it, so that the instance can hold its glue in a
     * final field: {@code new PipelineDispatch<>(Pipeline::new)}. Simple handlers' IRPs come from {@code pool}. The
     * factory runs last in this constructor: it may keep the glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public PipelineDispatch(Function<? super PipelineDispatch<T>, ? extends Pipeline<T>> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * {@return the handler instance this glue calls}
     */
    public Pipeline<T> handlers() {
        return handlers;
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1). Completes into
     * {@link Pipeline#sent(NtStatus, long, CharSequence)}.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, T context) {
        return pool.send(socket, buffer, SendFlags.NONE, handlers, Pipeline<T>::sent, context);
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1). Completes into
     * {@link Pipeline#sent(NtStatus, long, CharSequence)}. If it is still pending after {@code timeout}, it is
     * cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, T context, Duration timeout) {
        return pool.send(socket, buffer, SendFlags.NONE, handlers, Pipeline<T>::sent, context, timeout);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Pipeline#disconnected(NtStatus, Map)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Map<String, List<T>> context) {
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers, Pipeline<T>::disconnected, context);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Pipeline#disconnected(NtStatus, Map)}. If it is still pending after {@code timeout}, it is cancelled (SPEC
     * N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Map<String, List<T>> context, Duration timeout) {
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers, Pipeline<T>::disconnected, context,
                timeout);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Pipeline#disconnected(NtStatus, Map)}.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Map<String, List<T>> context) {
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers, Pipeline<T>::disconnected,
                context);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Pipeline#disconnected(NtStatus, Map)}. If it is still pending after {@code timeout}, it is cancelled
     * (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Map<String, List<T>> context,
            Duration timeout) {
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers, Pipeline<T>::disconnected, context,
                timeout);
    }

    /**
     * Disconnects abortively: queued data is dropped and the peer gets RST (WskDisconnect with WSK_FLAG_ABORTIVE, SPEC
     * D7). Completes into {@link Pipeline#disconnected(NtStatus, Map)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus abort(WskSocket socket, Map<String, List<T>> context) {
        return pool.disconnect(socket, null, DisconnectMode.ABORTIVE, handlers, Pipeline<T>::disconnected, context);
    }
}
