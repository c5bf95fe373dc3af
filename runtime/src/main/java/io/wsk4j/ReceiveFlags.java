package io.wsk4j;

/** Flags of {@code WskReceive}; their own type so that a send flag cannot be passed to receive (SPEC A5). */
public enum ReceiveFlags {
    /** No flags: complete as soon as at least one byte is available (or at the peer's FIN). */
    NONE,
    /** {@code WSK_FLAG_WAITALL}: complete only when the buffer is full, or at FIN, reset, abort or cancel. */
    WAITALL,
    /**
     * {@code WSK_FLAG_DRAIN}: discard incoming data. Not implemented by the NIO provider: a receive with this flag
     * completes {@link NtStatus#NOT_SUPPORTED} (SPEC X4).
     */
    DRAIN
}
