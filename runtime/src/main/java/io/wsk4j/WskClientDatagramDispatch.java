package io.wsk4j;

import java.net.SocketAddress;

/**
 * WSK_CLIENT_DATAGRAM_DISPATCH: the application's event callback for one datagram socket, typed by the socket context
 * {@code C} (SPEC G3). It is off until {@code controlSocket(socket, WskEvent.RECEIVE_FROM, true, irp)} enables it;
 * it runs on the socket's I/O thread and must not block.
 *
 * @param <C> the socket context type
 */
@FunctionalInterface
public interface WskClientDatagramDispatch<C> {
    /**
     * WskReceiveFromEvent: one datagram arrived and no receiveFrom IRP was waiting for it (SPEC G3).
     *
     * @param context the socket's context
     * @param datagram the datagram's bytes, valid only during the call: copy what you keep or send (SPEC B4)
     * @param source the sender's address
     */
    void onReceiveFrom(C context, WskBuf datagram, SocketAddress source);
}
