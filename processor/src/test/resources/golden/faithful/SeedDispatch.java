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
import java.net.SocketAddress;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Seed}, written by the wsk4j processor (SPEC P5).
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
final class SeedDispatch {
    private final Seed handlers;

    private final CompletionRoutine<Seed.Connection> connectCompleteRoutine;

    private final CompletionRoutine<Seed.Connection> sendCompleteRoutine;

    private final CompletionRoutine<Seed.Connection> receiveCompleteRoutine;

    private final CompletionRoutine<Seed.Connection> disconnectCompleteRoutine;

    private final CompletionRoutine<Seed.Connection> closeCompleteRoutine;

    /**
     * Dispatch glue that calls the handlers of {@code handlers} and takes IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the instance whose handlers the glue calls
     */
    public SeedDispatch(Seed handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue that calls the handlers of {@code handlers} and takes the IRPs of simple handlers
     * from {@code pool}.
     *
     * @param handlers the instance whose handlers the glue calls
     * @param pool where the IRPs of simple handlers come from and go back to
     */
    public SeedDispatch(Seed handlers, IrpPool pool) {
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        Objects.requireNonNull(pool, "pool");
        this.connectCompleteRoutine = this.handlers::connectComplete;
        this.sendCompleteRoutine = this.handlers::sendComplete;
        this.receiveCompleteRoutine = this.handlers::receiveComplete;
        this.disconnectCompleteRoutine = this.handlers::disconnectComplete;
        this.closeCompleteRoutine = this.handlers::closeComplete;
    }

    /**
     * Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect).
     * The caller's {@code irp} goes to the provider; on completion it calls
     * {@link Seed#connectComplete(Irp, Seed.Connection)}, which owns the IRP.
     *
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus connect(WskProvider provider, SocketAddress remoteAddress, Irp irp,
            Seed.Connection context) {
        irp.setCompletionRoutine(connectCompleteRoutine, context, true, true, true);
        return provider.socketConnect(remoteAddress, context, null, irp);
    }

    /**
     * Sends {@code buffer} behind earlier sends (WskSend, SPEC X1).
     * The caller's {@code irp} goes to the provider; on completion it calls
     * {@link Seed#sendComplete(Irp, Seed.Connection)}, which owns the IRP.
     *
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus send(WskSocket socket, WskBuf buffer, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(sendCompleteRoutine, context, true, true, true);
        return socket.dispatch().send(socket, buffer, SendFlags.NONE, irp);
    }

    /**
     * Receives into {@code buffer} (WskReceive, SPEC X2).
     * The caller's {@code irp} goes to the provider; on completion it calls
     * {@link Seed#receiveComplete(Irp, Seed.Connection)}, which owns the IRP.
     *
     * @param socket a connected socket
     * @param buffer where the bytes go
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus receive(WskSocket socket, WskBuf buffer, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(receiveCompleteRoutine, context, true, true, true);
        return socket.dispatch().receive(socket, buffer, ReceiveFlags.NONE, irp);
    }

    /**
     * Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3).
     * The caller's {@code irp} goes to the provider; on completion it calls
     * {@link Seed#disconnectComplete(Irp, Seed.Connection)}, which owns the IRP.
     *
     * @param socket a connected socket
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(disconnectCompleteRoutine, context, true, true, true);
        return socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, irp);
    }

    /**
     * Disconnects gracefully: every queued send, then {@code finalData}, then FIN (WskDisconnect,
     * SPEC D3).
     * The caller's {@code irp} goes to the provider; on completion it calls
     * {@link Seed#disconnectComplete(Irp, Seed.Connection)}, which owns the IRP.
     *
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Irp irp,
            Seed.Connection context) {
        irp.setCompletionRoutine(disconnectCompleteRoutine, context, true, true, true);
        return socket.dispatch().disconnect(socket, finalData, DisconnectMode.GRACEFUL, irp);
    }

    /**
     * Disconnects abortively: queued data is dropped and the peer gets RST (WskDisconnect with
     * WSK_FLAG_ABORTIVE, SPEC D7).
     * The caller's {@code irp} goes to the provider; on completion it calls
     * {@link Seed#disconnectComplete(Irp, Seed.Connection)}, which owns the IRP.
     *
     * @param socket a connected socket
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus abort(WskSocket socket, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(disconnectCompleteRoutine, context, true, true, true);
        return socket.dispatch().disconnect(socket, null, DisconnectMode.ABORTIVE, irp);
    }

    /**
     * Closes the socket (WskCloseSocket, SPEC C1-C3); abortive unless both directions are already
     * disconnected.
     * The caller's {@code irp} goes to the provider; on completion it calls
     * {@link Seed#closeComplete(Irp, Seed.Connection)}, which owns the IRP.
     *
     * @param socket the socket to close
     * @param irp the IRP of the operation; its completion routine is set here
     * @param context handed to the handler on completion
     * @return the provider's status: the final one, or {@link NtStatus#PENDING}
     */
    public NtStatus close(WskSocket socket, Irp irp, Seed.Connection context) {
        irp.setCompletionRoutine(closeCompleteRoutine, context, true, true, true);
        return socket.dispatch().closeSocket(socket, irp);
    }
}
