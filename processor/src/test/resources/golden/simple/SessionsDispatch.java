package demo;

import io.wsk4j.DisconnectMode;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.WskGenerated;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Sessions}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method points an IRP at its handler and calls the provider: a simple handler's IRP comes from an
 * {@link IrpPool}, which gets it back if the call refuses it. Nothing is allocated per call.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class SessionsDispatch {
    private final Sessions handlers;

    private final IrpPool pool;

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the handler instance
     */
    public SessionsDispatch(Sessions handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with simple handlers' IRPs from {@code pool}.
     *
     * @param handlers the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public SessionsDispatch(Sessions handlers, IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
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
     * final field: {@code new SessionsDispatch(Sessions::new)}. Simple handlers' IRPs come from {@code pool}. The
     * factory runs last in this constructor: it may keep the glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public SessionsDispatch(Function<? super SessionsDispatch, ? extends Sessions> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * {@return the handler instance this glue calls}
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
        return pool.socketConnect(provider, remoteAddress, handlers, Sessions::connected, context);
    }

    /**
     * Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect). Completes into
     * {@link Sessions#connected(NtStatus, WskSocket, Sessions.Session)}. If it is still pending after {@code timeout},
     * it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus connect(WskProvider provider, SocketAddress remoteAddress,
            Sessions.Session context, Duration timeout) {
        return pool.socketConnect(provider, remoteAddress, handlers, Sessions::connected, context, timeout);
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
        return pool.send(socket, buffer, SendFlags.NONE, handlers, Sessions::sent, context);
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1). Completes into
     * {@link Sessions#sent(NtStatus, long, Sessions.Session)}. If it is still pending after {@code timeout}, it is
     * cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, Sessions.Session context,
            Duration timeout) {
        return pool.send(socket, buffer, SendFlags.NONE, handlers, Sessions::sent, context, timeout);
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
        return pool.receive(socket, buffer, ReceiveFlags.NONE, handlers, Sessions::received, context);
    }

    /**
     * Receives into {@code buffer} (WskReceive, SPEC X2). Completes into
     * {@link Sessions#received(NtStatus, Sessions.Session)}. If it is still pending after {@code timeout}, it is
     * cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param buffer where the bytes go
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus receive(WskSocket socket, WskBuf buffer, Sessions.Session context,
            Duration timeout) {
        return pool.receive(socket, buffer, ReceiveFlags.NONE, handlers, Sessions::received, context, timeout);
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
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers, Sessions::disconnected, context);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Sessions#disconnected(NtStatus, Sessions.Session)}. If it is still pending after {@code timeout}, it is
     * cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Sessions.Session context, Duration timeout) {
        return pool.disconnect(socket, null, DisconnectMode.GRACEFUL, handlers, Sessions::disconnected, context,
                timeout);
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
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers, Sessions::disconnected, context);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Sessions#disconnected(NtStatus, Sessions.Session)}. If it is still pending after {@code timeout}, it
     * is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Sessions.Session context,
            Duration timeout) {
        return pool.disconnect(socket, finalData, DisconnectMode.GRACEFUL, handlers, Sessions::disconnected, context,
                timeout);
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
        return pool.disconnect(socket, null, DisconnectMode.ABORTIVE, handlers, Sessions::disconnected, context);
    }

    /**
     * Closes the socket (WskCloseSocket, SPEC C1-C3); abortive unless both directions are already disconnected.
     * Completes into {@link Sessions#closed(NtStatus, Sessions.Session)}.
     *
     * @param socket the socket to close, of any kind
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus close(WskBasicSocket socket, Sessions.Session context) {
        return pool.closeSocket(socket, handlers, Sessions::closed, context);
    }
}
