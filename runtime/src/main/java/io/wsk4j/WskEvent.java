package io.wsk4j;

/** The event callbacks of a connection socket that {@code controlSocket} enables or disables (SPEC E1). */
public enum WskEvent {
    /** {@code WSK_EVENT_RECEIVE}: {@link WskClientConnectionDispatch#onReceive}. */
    RECEIVE,
    /** {@code WSK_EVENT_DISCONNECT}: {@link WskClientConnectionDispatch#onDisconnect}. */
    DISCONNECT,
    /** {@code WSK_EVENT_SEND_BACKLOG}: {@link WskClientConnectionDispatch#onSendBacklog}. */
    SEND_BACKLOG
}
