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
 * <p>A start method sets a routine that knows the context type, calls the provider and returns its status. Simple
 * handlers' IRPs come from an {@link IrpPool}; faithful handlers own the caller's. Nothing is allocated per call.
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
     * @param handlers the handler instance
     */
    public SessionsDispatch(Sessions handlers) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with simple handlers' IRPs from {@code pool}.
     *
     * @param handlers the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public SessionsDispatch(Sessions handlers, IrpPool pool) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"), pool);
    }

    /**
     * Like {@link #SessionsDispatch(Function, IrpPool)}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param factory makes the handler instance
     */
    public SessionsDispatch(Function<? super SessionsDispatch, ? extends Sessions> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance {@code factory} makes from it, so that the instance can hold its glue in a
     * final field: {@code new SessionsDispatch(Sessions::new)}. Simple handlers' IRPs come from {@code pool}.
     *
     * <p>The factory runs last in this constructor: it may keep the glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     * @param pool where simple handlers' IRPs come from
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
     * The handler instance this glue calls.
     *
     * @return the handler instance
     */
    public Sessions handlers() {
        return handlers;
    }

    /**
     * Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect). Completes into
     * {@link Sessions#connected(NtStatus, WskSocket, Sessions.Session)}.
     *
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
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
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1). Completes into
     * {@link Sessions#sent(NtStatus, long, Sessions.Session)}.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
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
     * Receives into {@code buffer} (WskReceive, SPEC X2). Completes into
     * {@link Sessions#received(NtStatus, Sessions.Session)}.
     *
     * @param socket a connected socket
     * @param buffer where the bytes go
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
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
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Sessions#disconnected(NtStatus, Sessions.Session)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
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
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Sessions#disconnected(NtStatus, Sessions.Session)}.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
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
     * D7). Completes into {@link Sessions#disconnected(NtStatus, Sessions.Session)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
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
     * Closes the socket (WskCloseSocket, SPEC C1-C3); abortive unless both directions are already disconnected.
     * Completes into {@link Sessions#closed(NtStatus, Sessions.Session)}.
     *
     * @param socket the socket to close
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
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
