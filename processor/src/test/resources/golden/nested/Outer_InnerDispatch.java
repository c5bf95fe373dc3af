package demo;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.WskGenerated;
import java.lang.RuntimeException;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Outer.Inner}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method sets a routine that knows the context type, calls the provider and returns its status. Simple
 * handlers' IRPs come from an {@link IrpPool}; faithful handlers own the caller's. Nothing is allocated per call.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class Outer_InnerDispatch {
    private final Outer.Inner handlers;

    private final IrpPool pool;

    private final CompletionRoutine<Outer> disconnectRoutine;

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the handler instance
     */
    public Outer_InnerDispatch(Outer.Inner handlers) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with simple handlers' IRPs from {@code pool}.
     *
     * @param handlers the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public Outer_InnerDispatch(Outer.Inner handlers, IrpPool pool) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), pool);
    }

    /**
     * Like {@link #Outer_InnerDispatch(Function, IrpPool)}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param factory makes the handler instance
     */
    public Outer_InnerDispatch(
            Function<? super Outer_InnerDispatch, ? extends Outer.Inner> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance {@code factory} makes from it, so that the instance can hold its glue in a
     * final field: {@code new Outer_InnerDispatch(Outer.Inner::new)}. Simple handlers' IRPs come from {@code pool}.
     *
     * <p>The factory runs last in this constructor: it may keep the glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public Outer_InnerDispatch(Function<? super Outer_InnerDispatch, ? extends Outer.Inner> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.disconnectRoutine = this::disconnectCompleted;
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * The handler instance this glue calls.
     *
     * @return the handler instance
     */
    public Outer.Inner handlers() {
        return handlers;
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Outer.Inner#disconnected(NtStatus, Outer)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Outer context) {
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
     * into {@link Outer.Inner#disconnected(NtStatus, Outer)}.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Outer context) {
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
     * D7). Completes into {@link Outer.Inner#disconnected(NtStatus, Outer)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus abort(WskSocket socket, Outer context) {
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

    private NtStatus disconnectCompleted(Irp irp, Outer context) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        handlers.disconnected(status, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }
}
