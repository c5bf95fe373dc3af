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
import java.lang.CharSequence;
import java.lang.RuntimeException;
import java.lang.String;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Pipeline}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method sets a routine that knows the context type, calls the provider and returns its status. Simple
 * handlers' IRPs come from an {@link IrpPool}; faithful handlers own the caller's. Nothing is allocated per call.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class PipelineDispatch<T extends CharSequence> {
    private final Pipeline<T> handlers;

    private final IrpPool pool;

    private final CompletionRoutine<T> sendRoutine;

    private final CompletionRoutine<Map<String, List<T>>> disconnectRoutine;

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the handler instance
     */
    public PipelineDispatch(Pipeline<T> handlers) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with simple handlers' IRPs from {@code pool}.
     *
     * @param handlers the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public PipelineDispatch(Pipeline<T> handlers, IrpPool pool) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), pool);
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
     * final field: {@code new PipelineDispatch(Pipeline::new)}. Simple handlers' IRPs come from {@code pool}.
     *
     * <p>The factory runs last in this constructor: it may keep the glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public PipelineDispatch(Function<? super PipelineDispatch<T>, ? extends Pipeline<T>> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.sendRoutine = this::sendCompleted;
        this.disconnectRoutine = this::disconnectCompleted;
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * The handler instance this glue calls.
     *
     * @return the handler instance
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
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(sendRoutine, context, true, true, true);
            return socket.dispatch().send(socket, buffer, SendFlags.NONE, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
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
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(disconnectRoutine, context, true, true, true);
            return socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
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
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(disconnectRoutine, context, true, true, true);
            return socket.dispatch().disconnect(socket, finalData, DisconnectMode.GRACEFUL, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
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
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(disconnectRoutine, context, true, true, true);
            return socket.dispatch().disconnect(socket, null, DisconnectMode.ABORTIVE, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    private NtStatus sendCompleted(Irp irp, T context) {
        NtStatus status = irp.status();
        long bytes = irp.information();
        pool.recycle(irp);
        handlers.sent(status, bytes, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus disconnectCompleted(Irp irp, Map<String, List<T>> context) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        handlers.disconnected(status, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }
}
