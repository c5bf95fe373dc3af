package io.wsk4j;

import java.net.SocketAddress;

/**
 * WSK_CLIENT_LISTEN_DISPATCH: the accept event of a listening socket, typed by the listen context {@code L}
 * (SPEC A6).
 *
 * @param <L> the listening socket's context type
 */
@FunctionalInterface
public interface WskClientListenDispatch<L> {
    /**
     * WskAcceptEvent: a connection arrived. Runs on the accepted socket's I/O thread and must not block.
     *
     * @param listenContext the listening socket's context
     * @param accepted the new, connected socket; every event callback of it is off until enabled (SPEC E1)
     * @param localAddress the local address of the new connection
     * @param remoteAddress the peer's address
     * @return {@link WskAccept#accept} with the socket's context and client dispatch, or {@link WskAccept#reject()}
     *     (the peer is reset and the socket closed, REQUEST_NOT_ACCEPTED)
     */
    WskAccept onAccept(L listenContext, WskSocket accepted, SocketAddress localAddress, SocketAddress remoteAddress);
}
