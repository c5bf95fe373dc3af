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
import java.lang.RuntimeException;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Multi}, written by the wsk4j processor (SPEC P5).
 *
 * <p>Each start method sets a completion routine that knows the context type statically, with all three
 * invoke flags, calls the socket's provider dispatch and returns its status: the final one if the
 * operation completed at once, else {@link NtStatus#PENDING}. Start methods of simple handlers take an IRP from
 * the {@link IrpPool} and give it back before they call the handler; start methods of faithful handlers
 * take the caller's IRP, which the handler then owns. Routines are made once, in the constructor: a
 * start method allocates nothing.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class MultiDispatch {
    private final Multi handlers;

    private final IrpPool pool;

    private final CompletionRoutine<Multi.Admin> sentRoutine;

    private final CompletionRoutine<Multi.User> sentRoutine2;

    private final CompletionRoutine<Multi.Admin> doneRoutine;

    private final CompletionRoutine<Multi.User> doneRoutine2;

    /**
     * Dispatch glue that calls the handlers of {@code handlers} and takes IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the instance whose handlers the glue calls
     */
    public MultiDispatch(Multi handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue that calls the handlers of {@code handlers} and takes the IRPs of simple handlers
     * from {@code pool}.
     *
     * @param handlers the instance whose handlers the glue calls
     * @param pool where the IRPs of simple handlers come from and go back to
     */
    public MultiDispatch(Multi handlers, IrpPool pool) {
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.sentRoutine = this.handlers::sent;
        this.sentRoutine2 = this::sentCompleted;
        this.doneRoutine = this::doneCompleted;
        this.doneRoutine2 = this::doneCompleted2;
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1).
     * The caller's {@code irp} goes to the provider; on completion it calls
     * {@link Multi#sent(Irp, Multi.Admin)}, which owns the IRP.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, Irp irp, Multi.Admin context) {
        irp.setCompletionRoutine(sentRoutine, context, true, true, true);
        return socket.dispatch().send(socket, buffer, SendFlags.NONE, irp);
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1).
     * The IRP comes from the pool; on completion the glue gives it back, then calls
     * {@link Multi#sent(NtStatus, Multi.User)}.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, Multi.User context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(sentRoutine2, context, true, true, true);
            return socket.dispatch().send(socket, buffer, SendFlags.NONE, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3).
     * The IRP comes from the pool; on completion the glue gives it back, then calls
     * {@link Multi#done(NtStatus, Multi.Admin)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Multi.Admin context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(doneRoutine, context, true, true, true);
            return socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect,
     * SPEC D3).
     * The IRP comes from the pool; on completion the glue gives it back, then calls
     * {@link Multi#done(NtStatus, Multi.Admin)}.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Multi.Admin context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(doneRoutine, context, true, true, true);
            return socket.dispatch().disconnect(socket, finalData, DisconnectMode.GRACEFUL, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Disconnects abortively: queued data is dropped and the peer gets RST (WskDisconnect with
     * WSK_FLAG_ABORTIVE, SPEC D7).
     * The IRP comes from the pool; on completion the glue gives it back, then calls
     * {@link Multi#done(NtStatus, Multi.Admin)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus abort(WskSocket socket, Multi.Admin context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(doneRoutine, context, true, true, true);
            return socket.dispatch().disconnect(socket, null, DisconnectMode.ABORTIVE, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3).
     * The IRP comes from the pool; on completion the glue gives it back, then calls
     * {@link Multi#done(NtStatus, Multi.User)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Multi.User context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(doneRoutine2, context, true, true, true);
            return socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect,
     * SPEC D3).
     * The IRP comes from the pool; on completion the glue gives it back, then calls
     * {@link Multi#done(NtStatus, Multi.User)}.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Multi.User context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(doneRoutine2, context, true, true, true);
            return socket.dispatch().disconnect(socket, finalData, DisconnectMode.GRACEFUL, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Disconnects abortively: queued data is dropped and the peer gets RST (WskDisconnect with
     * WSK_FLAG_ABORTIVE, SPEC D7).
     * The IRP comes from the pool; on completion the glue gives it back, then calls
     * {@link Multi#done(NtStatus, Multi.User)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus abort(WskSocket socket, Multi.User context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(doneRoutine2, context, true, true, true);
            return socket.dispatch().disconnect(socket, null, DisconnectMode.ABORTIVE, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    private NtStatus sentCompleted(Irp irp, Multi.User context) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        handlers.sent(status, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus doneCompleted(Irp irp, Multi.Admin context) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        handlers.done(status, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus doneCompleted2(Irp irp, Multi.User context) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        handlers.done(status, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }
}
