package io.wsk4j;

/**
 * WSK_CLIENT_CONNECTION_DISPATCH: the application's event callbacks for one connection socket, typed by the socket
 * context {@code C} (SPEC A7, E1–E4).
 *
 * <p>Each callback is off until {@link WskProviderConnectionDispatch#controlSocket} enables it. Callbacks run on the
 * socket's I/O thread, one at a time, and must not block; they may start new operations.
 *
 * @param <C> the socket context type
 */
public interface WskClientConnectionDispatch<C> {
    /**
     * WskReceiveEvent: data arrived and no receive IRP was waiting for it (SPEC E3).
     *
     * @param context the socket's context
     * @param data the bytes available, valid only during the call: copy what you keep or send (SPEC B4)
     * @return how many bytes the application took from the start of {@code data}; the rest stays for the next
     *     receive IRP, and no further receive event comes until a receive IRP has taken it
     */
    default long onReceive(C context, WskBuf data) {
        return 0;
    }

    /**
     * WskDisconnectEvent: the peer disconnected (SPEC E2). {@link DisconnectMode#GRACEFUL} for its FIN, after all
     * data before it was delivered; {@link DisconnectMode#ABORTIVE} for its reset. At most once per socket.
     *
     * @param context the socket's context
     * @param how how the peer disconnected
     */
    default void onDisconnect(C context, DisconnectMode how) {}

    /**
     * WskSendBacklogEvent: the ideal amount of send data to keep queued. The NIO provider cannot observe changes of
     * it, so it reports the socket's send buffer size once, when the event is enabled.
     *
     * @param context the socket's context
     * @param idealBacklogSize the bytes worth keeping queued for sending
     */
    default void onSendBacklog(C context, long idealBacklogSize) {}
}
