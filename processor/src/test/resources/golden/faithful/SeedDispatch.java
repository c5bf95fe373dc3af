package demo;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.WskGenerated;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Seed}, written by the wsk4j processor (SPEC P5).
 *
 * <p>Each start method sets a completion routine that knows the context type, calls the provider and returns its
 * status: the final one if the operation completed at once, else {@link NtStatus#PENDING}. Faithful handlers own the
 * caller's IRP. Routines are made once, in the constructor: a start method allocates nothing.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
final class SeedDispatch {
    private final Seed handlers;

    private final CompletionRoutine<Seed.Connection> connectRoutine;

    private final CompletionRoutine<Seed.Connection> sendRoutine;

    private final CompletionRoutine<Seed.Connection> receiveRoutine;

    private final CompletionRoutine<Seed.Connection> disconnectRoutine;

    private final CompletionRoutine<Seed.Connection> closeRoutine;

    /**
     * Dispatch glue for {@code handlers}.
     *
     * @param handlers the instance whose handlers the glue calls
     */
    public SeedDispatch(Seed handlers) {
        this(dispatch -> Objects.requireNonNull(handlers, "handlers"));
    }

    /**
     * Dispatch glue for the handler instance that {@code factory} makes from this glue, so that the instance can keep
     * its glue in a final field (a record, say): {@code new SeedDispatch(Seed::new)}.
     *
     * <p>The factory runs once, last in this constructor: the glue is complete when the factory sees it, but the
     * instance is not, so the factory should only keep the glue, not start operations with it.
     *
     * @param factory makes the instance whose handlers the glue calls
     */
    public SeedDispatch(Function<? super SeedDispatch, ? extends Seed> factory) {
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
    public Seed handlers() {
        return handlers;
    }

    /**
     * Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect). The caller's {@code irp} goes to
     * the provider; on completion {@link Seed#connectComplete(Irp, Seed.Connection)} owns it.
     *
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus connect(WskProvider provider, SocketAddress remoteAddress, Irp irp,
            Seed.Connection context) {
        irp.setCompletionRoutine(connectRoutine, context, true, true, true);
        return provider.socketConnect(remoteAddress, context, null, irp);
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1). The caller's {@code irp} goes to the provider; on
     * completion {@link Seed#sendComplete(Irp, Seed.Connection)} owns it.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(sendRoutine, context, true, true, true);
        return socket.dispatch().send(socket, buffer, SendFlags.NONE, irp);
    }

    /**
     * Receives into {@code buffer} (WskReceive, SPEC X2). The caller's {@code irp} goes to the provider; on completion
     * {@link Seed#receiveComplete(Irp, Seed.Connection)} owns it.
     *
     * @param socket a connected socket
     * @param buffer where the bytes go
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus receive(WskSocket socket, WskBuf buffer, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(receiveRoutine, context, true, true, true);
        return socket.dispatch().receive(socket, buffer, ReceiveFlags.NONE, irp);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3). The caller's {@code irp} goes to
     * the provider; on completion {@link Seed#disconnectComplete(Irp, Seed.Connection)} owns it.
     *
     * @param socket a connected socket
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(disconnectRoutine, context, true, true, true);
        return socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, irp);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect, SPEC D3). The
     * caller's {@code irp} goes to the provider; on completion {@link Seed#disconnectComplete(Irp, Seed.Connection)}
     * owns it.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Irp irp,
            Seed.Connection context) {
        irp.setCompletionRoutine(disconnectRoutine, context, true, true, true);
        return socket.dispatch().disconnect(socket, finalData, DisconnectMode.GRACEFUL, irp);
    }

    /**
     * Disconnects abortively: queued data is dropped and the peer gets RST (WskDisconnect with WSK_FLAG_ABORTIVE, SPEC
     * D7). The caller's {@code irp} goes to the provider; on completion
     * {@link Seed#disconnectComplete(Irp, Seed.Connection)} owns it.
     *
     * @param socket a connected socket
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus abort(WskSocket socket, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(disconnectRoutine, context, true, true, true);
        return socket.dispatch().disconnect(socket, null, DisconnectMode.ABORTIVE, irp);
    }

    /**
     * Closes the socket (WskCloseSocket, SPEC C1-C3); abortive unless both directions are already disconnected. The
     * caller's {@code irp} goes to the provider; on completion {@link Seed#closeComplete(Irp, Seed.Connection)} owns
     * it.
     *
     * @param socket the socket to close
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus close(WskSocket socket, Irp irp, Seed.Connection context) {
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
