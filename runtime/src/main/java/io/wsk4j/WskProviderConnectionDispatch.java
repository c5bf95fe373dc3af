package io.wsk4j;

import java.net.SocketAddress;

/**
 * WSK_PROVIDER_CONNECTION_DISPATCH: the provider's functions for a connection-oriented socket (SPEC A5, A8, K1), and
 * the basic ones it extends ({@code controlSocket}, {@code closeSocket}).
 *
 * <p>Every function takes the socket first and an {@link Irp} with a completion routine last. It returns the final
 * status when the IRP has already completed (its routine has run), or {@link NtStatus#PENDING}; the completion
 * routine always runs exactly once either way (SPEC I1). Network conditions never throw; only programming errors do:
 * a null socket or IRP, an IRP without a completion routine or still pending, a closed socket (SPEC B1, C5).
 */
public interface WskProviderConnectionDispatch extends WskProviderBasicDispatch {
    /**
     * WskBind: binds an unconnected socket to a local address before {@link #connect}.
     *
     * @param socket the socket, which must come from this provider and not be closed
     * @param localAddress the local address, port 0 for an ephemeral port
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus bind(WskSocket socket, SocketAddress localAddress, Irp irp);

    /**
     * WskConnect: connects a socket made by {@link WskProvider#socket}; failures complete with the SPEC X3 status.
     *
     * @param socket the socket, which must come from this provider and not be closed
     * @param remoteAddress the address to connect to
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus connect(WskSocket socket, SocketAddress remoteAddress, Irp irp);

    /**
     * WskSend: queues {@code buffer} behind earlier sends (SPEC X1). Completes when the whole buffer has been handed
     * to the transport, with information = bytes sent.
     *
     * @param socket the socket, which must come from this provider and not be closed
     * @param buffer the bytes to send; the provider reads them until the IRP completes, so leave them alone till then
     * @param flags {@link SendFlags#NONE} or {@link SendFlags#NODELAY}
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus send(WskSocket socket, WskBuf buffer, SendFlags flags, Irp irp);

    /**
     * WskReceive: completes with the bytes available (at least one), or SUCCESS with 0 bytes at the peer's FIN
     * (SPEC X2).
     *
     * @param socket the socket, which must come from this provider and not be closed
     * @param buffer where the bytes go; its positions advance by the bytes received when the IRP completes
     * @param flags {@link ReceiveFlags#NONE} or {@link ReceiveFlags#WAITALL}
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus receive(WskSocket socket, WskBuf buffer, ReceiveFlags flags, Irp irp);

    /**
     * WskDisconnect (SPEC D1–D9). {@link DisconnectMode#GRACEFUL}: after every earlier send, sends the optional final
     * {@code buffer}, then FIN. {@link DisconnectMode#ABORTIVE}: {@code buffer} must be null; sends RST.
     *
     * @param socket the socket, which must come from this provider and not be closed
     * @param buffer the final data to send before FIN, or null
     * @param mode graceful (FIN after the data) or abortive (RST)
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus disconnect(WskSocket socket, WskBuf buffer, DisconnectMode mode, Irp irp);

    /**
     * WskGetLocalAddress: the address is in {@link Irp#address()} on completion.
     *
     * @param socket the socket, which must come from this provider and not be closed
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus getLocalAddress(WskSocket socket, Irp irp);

    /**
     * WskGetRemoteAddress: the address is in {@link Irp#address()} on completion.
     *
     * @param socket the socket, which must come from this provider and not be closed
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus getRemoteAddress(WskSocket socket, Irp irp);
}
