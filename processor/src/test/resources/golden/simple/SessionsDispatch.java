package demo;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.WskGenerated;
import java.lang.RuntimeException;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Sessions}, written by the wsk4j processor (SPEC P5).
 *
 * <p>Each start method sets a completion routine that knows the context type, calls the provider and returns its
 * status: the final one if the operation completed at once, else {@link NtStatus#PENDING}. The IRPs of simple handlers
 * come from the {@link IrpPool} and go back to it before the handler runs. Faithful handlers own the caller's IRP.
 * Routines are made once, in the constructor: a start method allocates nothing.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class SessionsDispatch {
    private final Sessions handlers;

    private final IrpPool pool;

    private final CompletionRoutine<Sessions.Session> connectRoutine;

    private final CompletionRoutine<Sessions.Session> sendRoutine;

    private final CompletionRoutine<Sessions.Session> receiveRoutine;

    private final CompletionRoutine<Sessions.Session> disconnectRoutine;

    private final CompletionRoutine<Sessions.Session> closeRoutine;

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the instance whose handlers the glue calls
     */
    public SessionsDispatch(Sessions handlers) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with the IRPs of simple handlers from {@code pool}.
     *
     * @param handlers the instance whose handlers the glue calls
     * @param pool where the IRPs of simple handlers come from and go back to
     */
    public SessionsDispatch(Sessions handlers, IrpPool pool) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), pool);
    }

    /**
     * Dispatch glue for the handler instance that {@code factory} makes from this glue, with IRPs from
     * {@link IrpPool#shared()}; see {@link #SessionsDispatch(Function, IrpPool)}.
     *
     * @param factory makes the instance whose handlers the glue calls
     */
    public SessionsDispatch(Function<? super SessionsDispatch, ? extends Sessions> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance that {@code factory} makes from this glue, so that the instance can keep
     * its glue in a final field (a record, say): {@code new SessionsDispatch(Sessions::new)}. The IRPs of simple
     * handlers come from {@code pool}.
     *
     * <p>The factory runs once, last in this constructor: the glue is complete when the factory sees it, but the
     * instance is not, so the factory should only keep the glue, not start operations with it.
     *
     * @param factory makes the instance whose handlers the glue calls
     * @param pool where the IRPs of simple handlers come from and go back to
     */
    public SessionsDispatch(Function<? super SessionsDispatch, ? extends Sessions> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.connectRoutine = this::connectCompleted;
        this.sendRoutine = this::sendCompleted;
        this.receiveRoutine = this::receiveCompleted;
        this.disconnectRoutine = this::disconnectCompleted;
        this.closeRoutine = this::closeCompleted;
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * The instance whose handlers this glue calls: the one given to the constructor, or the one its factory made.
     *
     * @return the handler instance, never null
     */
    public Sessions handlers() {
        return handlers;
    }

    /**
     * Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect). The IRP comes from the pool and
     * goes back to it before {@link Sessions#connected(NtStatus, WskSocket, Sessions.Session)} runs.
     *
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus connect(WskProvider provider, SocketAddress remoteAddress,
            Sessions.Session context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(connectRoutine, context, true, true, true);
            return provider.socketConnect(remoteAddress, context, null, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1). The IRP comes from the pool and goes back to it
     * before {@link Sessions#sent(NtStatus, long, Sessions.Session)} runs.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, Sessions.Session context) {
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
     * Receives into {@code buffer} (WskReceive, SPEC X2). The IRP comes from the pool and goes back to it before
     * {@link Sessions#received(NtStatus, Sessions.Session)} runs.
     *
     * @param socket a connected socket
     * @param buffer where the bytes go
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus receive(WskSocket socket, WskBuf buffer, Sessions.Session context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(receiveRoutine, context, true, true, true);
            return socket.dispatch().receive(socket, buffer, ReceiveFlags.NONE, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). The IRP comes from the pool and
     * goes back to it before {@link Sessions#disconnected(NtStatus, Sessions.Session)} runs.
     *
     * @param socket a connected socket
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Sessions.Session context) {
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
     * comes from the pool and goes back to it before {@link Sessions#disconnected(NtStatus, Sessions.Session)} runs.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Sessions.Session context) {
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
     * D7). The IRP comes from the pool and goes back to it before
     * {@link Sessions#disconnected(NtStatus, Sessions.Session)} runs.
     *
     * @param socket a connected socket
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus abort(WskSocket socket, Sessions.Session context) {
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

    /**
     * Closes the socket (WskCloseSocket, SPEC C1-C3); abortive unless both directions are already disconnected. The IRP
     * comes from the pool and goes back to it before {@link Sessions#closed(NtStatus, Sessions.Session)} runs.
     *
     * @param socket the socket to close
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus close(WskSocket socket, Sessions.Session context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(closeRoutine, context, true, true, true);
            return socket.dispatch().closeSocket(socket, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    private NtStatus connectCompleted(Irp irp, Sessions.Session context) {
        NtStatus status = irp.status();
        WskSocket socket = irp.socket();
        pool.recycle(irp);
        handlers.connected(status, socket, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus sendCompleted(Irp irp, Sessions.Session context) {
        NtStatus status = irp.status();
        long bytes = irp.information();
        pool.recycle(irp);
        handlers.sent(status, bytes, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus receiveCompleted(Irp irp, Sessions.Session context) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        handlers.received(status, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus disconnectCompleted(Irp irp, Sessions.Session context) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        handlers.disconnected(status, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus closeCompleted(Irp irp, Sessions.Session context) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        handlers.closed(status, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }
}
