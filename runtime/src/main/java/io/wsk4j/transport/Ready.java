package io.wsk4j.transport;

/**
 * The readiness an endpoint is watched for and reported with, as bits. The values are NIO's own
 * ({@code SelectionKey.OP_*}), so that the NIO transport passes them through untranslated.
 */
public final class Ready {
    /** Bytes, the peer's FIN or a reset can be read. */
    public static final int READ = 1;
    /** The transport takes more bytes. */
    public static final int WRITE = 4;
    /** A connect finished, one way or the other. */
    public static final int CONNECT = 8;
    /** A connection waits to be accepted. */
    public static final int ACCEPT = 16;

    private Ready() {}
}
