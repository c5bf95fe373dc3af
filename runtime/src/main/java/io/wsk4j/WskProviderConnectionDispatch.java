package io.wsk4j;

import java.net.SocketAddress;

/**
 * WSK_PROVIDER_CONNECTION_DISPATCH: the provider's functions for a connection-oriented socket (SPEC A5, A8).
 *
 * <p>Every function takes the socket first and an {@link Irp} with a completion routine last. It returns the final
 * status when the IRP has already completed (its routine has run), or {@link NtStatus#PENDING}; the completion
 * routine always runs exactly once either way (SPEC I1). Network conditions never throw; only programming errors do:
 * a null socket or IRP, an IRP without a completion routine or still pending, a closed socket (SPEC B1, C5).
 */
public interface WskProviderConnectionDispatch {
    /** WskBind: binds an unconnected socket to a local address before {@link #connect}. */
    NtStatus bind(WskSocket socket, SocketAddress localAddress, Irp irp);

    /** WskConnect: connects a socket made by {@link WskProvider#socket}; failures complete with the SPEC X3 status. */
    NtStatus connect(WskSocket socket, SocketAddress remoteAddress, Irp irp);

    /**
     * WskSend: queues {@code buffer} behind earlier sends (SPEC X1). Completes when the whole buffer has been handed
     * to the transport, with information = bytes sent.
     */
    NtStatus send(WskSocket socket, WskBuf buffer, SendFlags flags, Irp irp);

    /**
     * WskReceive: completes with the bytes available (at least one), or SUCCESS with 0 bytes at the peer's FIN
     * (SPEC X2).
     */
    NtStatus receive(WskSocket socket, WskBuf buffer, ReceiveFlags flags, Irp irp);

    /**
     * WskDisconnect (SPEC D1–D9). {@link DisconnectMode#GRACEFUL}: after every earlier send, sends the optional final
     * {@code buffer}, then FIN. {@link DisconnectMode#ABORTIVE}: {@code buffer} must be null; sends RST.
     */
    NtStatus disconnect(WskSocket socket, WskBuf buffer, DisconnectMode mode, Irp irp);

    /**
     * WskCloseSocket (SPEC C1–C5): completes every other pending IRP of the socket, stops its events, closes it
     * (abortively unless both directions are already disconnected) and completes {@code irp} with SUCCESS.
     */
    NtStatus closeSocket(WskSocket socket, Irp irp);

    /** WskGetLocalAddress: the address is in {@link Irp#address()} on completion. */
    NtStatus getLocalAddress(WskSocket socket, Irp irp);

    /** WskGetRemoteAddress: the address is in {@link Irp#address()} on completion. */
    NtStatus getRemoteAddress(WskSocket socket, Irp irp);

    /**
     * WskControlSocket with SO_WSK_EVENT_CALLBACK: enables or disables one event callback of a connected socket
     * (SPEC E1).
     */
    NtStatus controlSocket(WskSocket socket, WskEvent event, boolean enable, Irp irp);
}
