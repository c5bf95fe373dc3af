package io.wsk4j;

/**
 * The event callbacks that {@code controlSocket} enables or disables (SPEC E1, K5, G3). Each belongs to one socket
 * kind; switching an event of another kind completes NOT_SUPPORTED.
 */
public enum WskEvent {
    /** {@code WSK_EVENT_RECEIVE}: {@link WskClientConnectionDispatch#onReceive} (connection sockets). */
    RECEIVE,
    /** {@code WSK_EVENT_DISCONNECT}: {@link WskClientConnectionDispatch#onDisconnect} (connection sockets). */
    DISCONNECT,
    /** {@code WSK_EVENT_SEND_BACKLOG}: {@link WskClientConnectionDispatch#onSendBacklog} (connection sockets). */
    SEND_BACKLOG,
    /**
     * {@code WSK_EVENT_ACCEPT}: {@link WskClientListenDispatch#onAccept} (listening sockets). On from the socket's
     * making when it has a listen dispatch, as with WSK's static event callbacks that Microsoft's echosrv sample sets
     * (SPEC K5, a choice).
     */
    ACCEPT,
    /** {@code WSK_EVENT_RECEIVE_FROM}: {@link WskClientDatagramDispatch#onReceiveFrom} (datagram sockets). */
    RECEIVE_FROM
}
