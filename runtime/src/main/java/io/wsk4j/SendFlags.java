package io.wsk4j;

/** Flags of {@code WskSend}; their own type so that a receive flag cannot be passed to send (SPEC A5). */
public enum SendFlags {
    /** No flags. */
    NONE,
    /** {@code WSK_FLAG_NODELAY}: disable Nagle coalescing for the socket before this send goes out. */
    NODELAY
}
