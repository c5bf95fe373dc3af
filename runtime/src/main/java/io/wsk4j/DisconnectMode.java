package io.wsk4j;

/** How {@code WskDisconnect} ends a connection (SPEC A5, D). */
public enum DisconnectMode {
    /** Flags 0: send every queued byte and the optional final buffer, then FIN. The peer reads end-of-stream. */
    GRACEFUL,
    /** {@code WSK_FLAG_ABORTIVE}: drop what is queued and send RST. The peer sees "Connection reset". */
    ABORTIVE
}
