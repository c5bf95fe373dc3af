package demo;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
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
 * Typed WSK dispatch glue for the handlers of {@link Seed}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method points an IRP at its handler and calls the provider: the caller's IRP, which the faithful handler
 * owns. Nothing is allocated per call.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
final class SeedDispatch {
    private final Seed handlers;

    private final CompletionRoutine<Seed.Connection> connectRoutine = this::connectCompleted;

    private final CompletionRoutine<Seed.Connection> sendRoutine = this::sendCompleted;

    private final CompletionRoutine<Seed.Connection> receiveRoutine = this::receiveCompleted;

    private final CompletionRoutine<Seed.Connection> disconnectRoutine = this::disconnectCompleted;

    private final CompletionRoutine<Seed.Connection> closeRoutine = this::closeCompleted;

    /**
     * Dispatch glue for {@code handlers}.
     *
     * @param handlers the handler instance
     */
    public SeedDispatch(Seed handlers) {
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /**
     * Dispatch glue for the handler instance {@code factory} makes from it, so that the instance can hold its glue in a
     * final field: {@code new SeedDispatch(Seed::new)}. The factory runs last in this constructor: it may keep the
     * glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     */
    public SeedDispatch(Function<? super SeedDispatch, ? extends Seed> factory) {
        Objects.requireNonNull(factory, "factory");
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * {@return the handler instance this glue calls}
     */
    public Seed handlers() {
        return handlers;
    }

    /**
     * Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect). Completes into
     * {@link Seed#connectComplete(Irp, Seed.Connection)}, which owns {@code irp}.
     *
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus connect(WskProvider provider, SocketAddress remoteAddress, Irp irp,
            Seed.Connection context) {
        irp.setCompletionRoutine(connectRoutine, context, true, true, true);
        return provider.socketConnect(remoteAddress, context, null, irp);
    }

    /**
     * Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect). Completes into
     * {@link Seed#connectComplete(Irp, Seed.Connection)}, which owns {@code irp}. If it is still pending after
     * {@code timeout}, it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no
     * longer be cancelled.
     *
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus connect(WskProvider provider, SocketAddress remoteAddress, Irp irp,
            Seed.Connection context, Duration timeout) {
        irp.setCompletionRoutine(connectRoutine, context, true, true, true);
        irp.cancelAfter(timeout);
        return provider.socketConnect(remoteAddress, context, null, irp);
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1). Completes into
     * {@link Seed#sendComplete(Irp, Seed.Connection)}, which owns {@code irp}.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(sendRoutine, context, true, true, true);
        return socket.dispatch().send(socket, buffer, SendFlags.NONE, irp);
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1). Completes into
     * {@link Seed#sendComplete(Irp, Seed.Connection)}, which owns {@code irp}. If it is still pending after
     * {@code timeout}, it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no
     * longer be cancelled.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, Irp irp, Seed.Connection context,
            Duration timeout) {
        irp.setCompletionRoutine(sendRoutine, context, true, true, true);
        irp.cancelAfter(timeout);
        return socket.dispatch().send(socket, buffer, SendFlags.NONE, irp);
    }

    /**
     * Receives into {@code buffer} (WskReceive, SPEC X2). Completes into
     * {@link Seed#receiveComplete(Irp, Seed.Connection)}, which owns {@code irp}.
     *
     * @param socket a connected socket
     * @param buffer where the bytes go
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus receive(WskSocket socket, WskBuf buffer, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(receiveRoutine, context, true, true, true);
        return socket.dispatch().receive(socket, buffer, ReceiveFlags.NONE, irp);
    }

    /**
     * Receives into {@code buffer} (WskReceive, SPEC X2). Completes into
     * {@link Seed#receiveComplete(Irp, Seed.Connection)}, which owns {@code irp}. If it is still pending after
     * {@code timeout}, it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no
     * longer be cancelled.
     *
     * @param socket a connected socket
     * @param buffer where the bytes go
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus receive(WskSocket socket, WskBuf buffer, Irp irp, Seed.Connection context,
            Duration timeout) {
        irp.setCompletionRoutine(receiveRoutine, context, true, true, true);
        irp.cancelAfter(timeout);
        return socket.dispatch().receive(socket, buffer, ReceiveFlags.NONE, irp);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Seed#disconnectComplete(Irp, Seed.Connection)}, which owns {@code irp}.
     *
     * @param socket a connected socket
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(disconnectRoutine, context, true, true, true);
        return socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, irp);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). Completes into
     * {@link Seed#disconnectComplete(Irp, Seed.Connection)}, which owns {@code irp}. If it is still pending after
     * {@code timeout}, it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no
     * longer be cancelled.
     *
     * @param socket a connected socket
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Irp irp, Seed.Connection context,
            Duration timeout) {
        irp.setCompletionRoutine(disconnectRoutine, context, true, true, true);
        irp.cancelAfter(timeout);
        return socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, irp);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Seed#disconnectComplete(Irp, Seed.Connection)}, which owns {@code irp}.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Irp irp,
            Seed.Connection context) {
        irp.setCompletionRoutine(disconnectRoutine, context, true, true, true);
        return socket.dispatch().disconnect(socket, finalData, DisconnectMode.GRACEFUL, irp);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). Completes
     * into {@link Seed#disconnectComplete(Irp, Seed.Connection)}, which owns {@code irp}. If it is still pending after
     * {@code timeout}, it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no
     * longer be cancelled.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Irp irp, Seed.Connection context,
            Duration timeout) {
        irp.setCompletionRoutine(disconnectRoutine, context, true, true, true);
        irp.cancelAfter(timeout);
        return socket.dispatch().disconnect(socket, finalData, DisconnectMode.GRACEFUL, irp);
    }

    /**
     * Disconnects abortively: queued data is dropped and the peer gets RST (WskDisconnect with WSK_FLAG_ABORTIVE, SPEC
     * D7). Completes into {@link Seed#disconnectComplete(Irp, Seed.Connection)}, which owns {@code irp}.
     *
     * @param socket a connected socket
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus abort(WskSocket socket, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(disconnectRoutine, context, true, true, true);
        return socket.dispatch().disconnect(socket, null, DisconnectMode.ABORTIVE, irp);
    }

    /**
     * Closes the socket (WskCloseSocket, SPEC C1-C3); abortive unless both directions are already disconnected.
     * Completes into {@link Seed#closeComplete(Irp, Seed.Connection)}, which owns {@code irp}.
     *
     * @param socket the socket to close, of any kind
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus close(WskBasicSocket socket, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(closeRoutine, context, true, true, true);
        return socket.dispatch().closeSocket(socket, irp);
    }

    private NtStatus connectCompleted(Irp irp, Seed.Connection context) {
        return handlers.connectComplete(irp, context);
    }

    private NtStatus sendCompleted(Irp irp, Seed.Connection context) {
        return handlers.sendComplete(irp, context);
    }

    private NtStatus receiveCompleted(Irp irp, Seed.Connection context) {
        return handlers.receiveComplete(irp, context);
    }

    private NtStatus disconnectCompleted(Irp irp, Seed.Connection context) {
        return handlers.disconnectComplete(irp, context);
    }

    private NtStatus closeCompleted(Irp irp, Seed.Connection context) {
        return handlers.closeComplete(irp, context);
    }
}
