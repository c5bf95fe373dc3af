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
 * <p>Each start method sets a completion routine that knows the context type, calls the provider and returns its
 * status: the final one if the operation completed at once, else {@link NtStatus#PENDING}. The IRPs of simple handlers
 * come from the {@link IrpPool} and go back to it before the handler runs. Faithful handlers own the caller's IRP.
 * Routines are made once, in the constructor: a start method allocates nothing.
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
     * @param handlers the instance whose handlers the glue calls
     */
    public Outer_InnerDispatch(Outer.Inner handlers) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with the IRPs of simple handlers from {@code pool}.
     *
     * @param handlers the instance whose handlers the glue calls
     * @param pool where the IRPs of simple handlers come from and go back to
     */
    public Outer_InnerDispatch(Outer.Inner handlers, IrpPool pool) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), pool);
    }

    /**
     * Dispatch glue for the handler instance that {@code factory} makes from this glue, with IRPs from
     * {@link IrpPool#shared()}; see {@link #Outer_InnerDispatch(Function, IrpPool)}.
     *
     * @param factory makes the instance whose handlers the glue calls
     */
    public Outer_InnerDispatch(
            Function<? super Outer_InnerDispatch, ? extends Outer.Inner> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance that {@code factory} makes from this glue, so that the instance can keep
     * its glue in a final field (a record, say): {@code new Outer_InnerDispatch(Outer.Inner::new)}. The IRPs of simple
     * handlers come from {@code pool}.
     *
     * <p>The factory runs once, last in this constructor: the glue is complete when the factory sees it, but the
     * instance is not, so the factory should only keep the glue, not start operations with it.
     *
     * @param factory makes the instance whose handlers the glue calls
     * @param pool where the IRPs of simple handlers come from and go back to
     */
    public Outer_InnerDispatch(Function<? super Outer_InnerDispatch, ? extends Outer.Inner> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.disconnectRoutine = this::disconnectCompleted;
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * The instance whose handlers this glue calls: the one given to the constructor, or the one its factory made.
     *
     * @return the handler instance, never null
     */
    public Outer.Inner handlers() {
        return handlers;
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). The IRP comes from the pool and
     * goes back to it before {@link Outer.Inner#disconnected(NtStatus, Outer)} runs.
     *
     * @param socket a connected socket
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
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
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). The IRP
     * comes from the pool and goes back to it before {@link Outer.Inner#disconnected(NtStatus, Outer)} runs.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
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
     * D7). The IRP comes from the pool and goes back to it before {@link Outer.Inner#disconnected(NtStatus, Outer)}
     * runs.
     *
     * @param socket a connected socket
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
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
