package demo;

import io.wsk4j.DisconnectMode;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.WskGenerated;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Outer.Inner}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method points an IRP at its handler and calls the provider: a simple handler's IRP comes from an
 * {@link IrpPool}, which gets it back if the call refuses it. Nothing is allocated per call.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class Outer_InnerDispatch {
    private final Outer.Inner handlers;

    private final IrpPool pool;

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the handler instance
     */
    public Outer_InnerDispatch(Outer.Inner handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with simple handlers' IRPs from {@code pool}.
     *
     * @param handlers the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public Outer_InnerDispatch(Outer.Inner handlers, IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
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
     * final field: {@code new Outer_InnerDispatch(Outer.Inner::new)}. Simple handlers' IRPs come from {@code pool}. The
     * factory runs last in this constructor: it may keep the glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public Outer_InnerDispatch(Function<? super Outer_InnerDispatch, ? extends Outer.Inner> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * {@return the handler instance this glue calls}
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
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers, Outer.Inner::disconnected, context);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Outer.Inner#disconnected(NtStatus, Outer)}. If it is still pending after {@code timeout}, it is cancelled
     * (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Outer context, Duration timeout) {
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers, Outer.Inner::disconnected, context,
                timeout);
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
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers, Outer.Inner::disconnected,
                context);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Outer.Inner#disconnected(NtStatus, Outer)}. If it is still pending after {@code timeout}, it is
     * cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Outer context,
            Duration timeout) {
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers, Outer.Inner::disconnected, context,
                timeout);
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
        return pool.disconnect(socket, null, DisconnectMode.ABORTIVE, handlers, Outer.Inner::disconnected, context);
    }
}
