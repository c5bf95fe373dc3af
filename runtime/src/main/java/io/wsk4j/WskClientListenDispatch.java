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
     * WskAcceptEvent: a connection arrived. Runs on the accepted socket's I/O thread and must not block. It runs only
     * while no accept IRP is pending (a pending IRP takes the connection first) and the event is enabled (SPEC K5).
     *
     * <p>With a null {@code accepted} (and null addresses) it says that the listening socket failed for good and
     * accepts nothing any more, as WSK's WskAcceptEvent with a NULL AcceptSocket does (SPEC K6): close the listening
     * socket, and make a new one if the application still listens. It then runs on the listening socket's I/O thread,
     * and its answer is ignored.
     *
     * @param listenContext the listening socket's context
     * @param accepted the new, connected socket, every event callback of it off until enabled (SPEC E1); null when
     *     the listening socket is dead
     * @param localAddress the local address of the new connection; null when {@code accepted} is
     * @param remoteAddress the peer's address; null when {@code accepted} is
     * @return {@link WskAccept#accept} with the socket's context and client dispatch, or {@link WskAccept#reject()}
     *     (the peer is reset and the socket closed, REQUEST_NOT_ACCEPTED); ignored when {@code accepted} is null
     */
    WskAccept onAccept(L listenContext, WskSocket accepted, SocketAddress localAddress, SocketAddress remoteAddress);
}
