package io.wsk4j;

import java.net.SocketAddress;

/**
 * WSK_PROVIDER_LISTEN_DISPATCH: the provider's functions for a listening socket (SPEC K1, K5), and the basic ones it
 * extends ({@code controlSocket}, {@code closeSocket}). A listening socket carries no data, so its table has no send,
 * receive, connect or disconnect.
 *
 * <p>The calling conventions are those of {@link WskProviderBasicDispatch}.
 */
public interface WskProviderListenDispatch extends WskProviderBasicDispatch {
    /**
     * WskBind: binds the listening socket to {@code localAddress} and starts listening (WSK has no separate listen
     * call). Options set before it apply; the backlog is the provider's setting (SPEC K5).
     *
     * @param socket the listening socket, which must come from this provider and not be closed
     * @param localAddress the local address, port 0 for an ephemeral port
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus bind(WskListenSocket socket, SocketAddress localAddress, Irp irp);

    /**
     * WskAccept: takes the next incoming connection. It completes with the accepted connection socket in
     * {@link Irp#socket()} and the peer's address in {@link Irp#address()}; the socket has {@code acceptContext} and
     * {@code clientDispatch}, every event off (SPEC E1). A pending accept IRP is served before the accept event
     * (SPEC K5); pending ones are served in issue order, and each can be cancelled ({@link Irp#cancel()}). The
     * routine runs on the accepted socket's I/O thread. Before {@code bind} it completes INVALID_DEVICE_STATE; when
     * the listening socket closes, CANCELLED; when it failed for good, with that failure's status (SPEC K6).
     *
     * @param <A> the accepted socket's context type
     * @param socket the listening socket, which must come from this provider and not be closed
     * @param acceptContext the accepted socket's context, handed to its events
     * @param clientDispatch the accepted socket's event callbacks, or null for none
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    <A> NtStatus accept(
            WskListenSocket socket, A acceptContext, WskClientConnectionDispatch<A> clientDispatch, Irp irp);

    /**
     * WskGetLocalAddress: the address is in {@link Irp#address()} on completion.
     *
     * @param socket the listening socket, which must come from this provider and not be closed
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus getLocalAddress(WskListenSocket socket, Irp irp);
}
