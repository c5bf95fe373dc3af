package io.wsk4j;

import java.net.SocketAddress;

/**
 * WSK_PROVIDER_DATAGRAM_DISPATCH: the provider's functions for a datagram socket (SPEC K1, G1–G5), and the basic
 * ones it extends ({@code controlSocket}, {@code closeSocket}).
 *
 * <p>The calling conventions are those of {@link WskProviderBasicDispatch}.
 */
public interface WskProviderDatagramDispatch extends WskProviderBasicDispatch {
    /**
     * WskBind: binds the datagram socket to {@code localAddress}; sendTo and receiveFrom need a bound socket.
     *
     * @param socket the datagram socket, which must come from this provider and not be closed
     * @param localAddress the local address, port 0 for an ephemeral port
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus bind(WskDatagramSocket socket, SocketAddress localAddress, Irp irp);

    /**
     * WskSendTo: sends {@code buffer} as one datagram to {@code remoteAddress}, after earlier sends (SPEC G1);
     * {@link Irp#information()} is its length.
     *
     * @param socket the datagram socket, which must come from this provider and not be closed
     * @param buffer the datagram; the provider reads it until the IRP completes, so leave it alone till then
     * @param remoteAddress the destination, or null for the one {@link WskOption#SIO_WSK_SET_REMOTE_ADDRESS} set
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus sendTo(WskDatagramSocket socket, WskBuf buffer, SocketAddress remoteAddress, Irp irp);

    /**
     * WskReceiveFrom: receives one datagram into {@code buffer}: {@link Irp#information()} its length,
     * {@link Irp#address()} its source. A longer datagram completes {@link NtStatus#BUFFER_OVERFLOW} with the bytes
     * that fit (SPEC G2).
     *
     * @param socket the datagram socket, which must come from this provider and not be closed
     * @param buffer where the datagram goes; its positions advance by the bytes received when the IRP completes
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus receiveFrom(WskDatagramSocket socket, WskBuf buffer, Irp irp);

    /**
     * WskGetLocalAddress: the address is in {@link Irp#address()} on completion.
     *
     * @param socket the datagram socket, which must come from this provider and not be closed
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus getLocalAddress(WskDatagramSocket socket, Irp irp);
}
