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
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Sessions}, written by the wsk4j processor (SPEC P5).
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
public final class SessionsDispatch {
    private final Sessions handlers;

    private final IrpPool pool;

    private final CompletionRoutine<Sessions.Session> connectedRoutine;

    private final CompletionRoutine<Sessions.Session> sentRoutine;

    private final CompletionRoutine<Sessions.Session> receivedRoutine;

    private final CompletionRoutine<Sessions.Session> disconnectedRoutine;

    private final CompletionRoutine<Sessions.Session> closedRoutine;

    /**
     * Dispatch glue that calls the handlers of {@code handlers} and takes IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the instance whose handlers the glue calls
     */
    public SessionsDispatch(Sessions handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue that calls the handlers of {@code handlers} and takes the IRPs of simple handlers
     * from {@code pool}.
     *
     * @param handlers the instance whose handlers the glue calls
     * @param pool where the IRPs of simple handlers come from and go back to
     */
    public SessionsDispatch(Sessions handlers, IrpPool pool) {
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.connectedRoutine = this::connectedCompleted;
        this.sentRoutine = this::sentCompleted;
        this.receivedRoutine = this::receivedCompleted;
        this.disconnectedRoutine = this::disconnectedCompleted;
        this.closedRoutine = this::closedCompleted;
    }

    /**
     * Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect).
     * The IRP comes from the pool; on completion the glue gives it back, then calls
     * {@link Sessions#connected(NtStatus, WskSocket, Sessions.Session)}.
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
            irp.setCompletionRoutine(connectedRoutine, context, true, true, true);
            return provider.socketConnect(remoteAddress, context, null, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1).
     * The IRP comes from the pool; on completion the glue gives it back, then calls
     * {@link Sessions#sent(NtStatus, long, Sessions.Session)}.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, Sessions.Session context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(sentRoutine, context, true, true, true);
            return socket.dispatch().send(socket, buffer, SendFlags.NONE, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Receives into {@code buffer} (WskReceive, SPEC X2).
     * The IRP comes from the pool; on completion the glue gives it back, then calls
     * {@link Sessions#received(NtStatus, Sessions.Session)}.
     *
     * @param socket a connected socket
     * @param buffer where the bytes go
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus receive(WskSocket socket, WskBuf buffer, Sessions.Session context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(receivedRoutine, context, true, true, true);
            return socket.dispatch().receive(socket, buffer, ReceiveFlags.NONE, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3).
     * The IRP comes from the pool; on completion the glue gives it back, then calls
     * {@link Sessions#disconnected(NtStatus, Sessions.Session)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Sessions.Session context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(disconnectedRoutine, context, true, true, true);
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
     * {@link Sessions#disconnected(NtStatus, Sessions.Session)}.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Sessions.Session context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(disconnectedRoutine, context, true, true, true);
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
     * {@link Sessions#disconnected(NtStatus, Sessions.Session)}.
     *
     * @param socket a connected socket
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus abort(WskSocket socket, Sessions.Session context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(disconnectedRoutine, context, true, true, true);
            return socket.dispatch().disconnect(socket, null, DisconnectMode.ABORTIVE, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    /**
     * Closes the socket (WskCloseSocket, SPEC C1-C3); abortive unless both directions are already
     * disconnected.
     * The IRP comes from the pool; on completion the glue gives it back, then calls
     * {@link Sessions#closed(NtStatus, Sessions.Session)}.
     *
     * @param socket the socket to close
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus close(WskSocket socket, Sessions.Session context) {
        Irp irp = pool.take();
        try {
            irp.setCompletionRoutine(closedRoutine, context, true, true, true);
            return socket.dispatch().closeSocket(socket, irp);
        } catch (RuntimeException e) {
            // A dispatch call throws only before it queues the IRP (SPEC B1): give it back.
            pool.recycle(irp);
            throw e;
        }
    }

    private NtStatus connectedCompleted(Irp irp, Sessions.Session context) {
        NtStatus status = irp.status();
        WskSocket socket = irp.socket();
        pool.recycle(irp);
        handlers.connected(status, socket, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus sentCompleted(Irp irp, Sessions.Session context) {
        NtStatus status = irp.status();
        long bytes = irp.information();
        pool.recycle(irp);
        handlers.sent(status, bytes, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus receivedCompleted(Irp irp, Sessions.Session context) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        handlers.received(status, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus disconnectedCompleted(Irp irp, Sessions.Session context) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        handlers.disconnected(status, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    private NtStatus closedCompleted(Irp irp, Sessions.Session context) {
        NtStatus status = irp.status();
        pool.recycle(irp);
        handlers.closed(status, context);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }
}
