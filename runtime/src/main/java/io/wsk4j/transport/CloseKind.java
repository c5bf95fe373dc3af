package io.wsk4j.transport;

/** What closing a connection does on the wire (SPEC C3, D7). */
public enum CloseKind {
    /** Nothing more: the connection is done, broken, or never was. */
    QUIET,
    /** RST now, never a FIN first. */
    RESET,
    /**
     * Our FIN is out but its bytes may not have arrived: the transport keeps the connection, reading and discarding
     * until the peer's FIN, bounded by the provider's close timeout, so that a close never resets them away (SPEC D4).
     */
    HAND_ON
}
