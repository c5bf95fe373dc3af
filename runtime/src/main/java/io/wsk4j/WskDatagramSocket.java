package io.wsk4j;

/**
 * A datagram socket (WSK_FLAG_DATAGRAM_SOCKET), made by {@link WskProvider#datagramSocket}: bind it, then send and
 * receive one datagram per call (SPEC K1, G1–G5).
 *
 * <p>Not for implementation: a provider accepts only its own sockets.
 */
public interface WskDatagramSocket extends WskBasicSocket {
    /** {@return the provider's dispatch table for this socket ({@code Socket->Dispatch})} */
    @Override
    WskProviderDatagramDispatch dispatch();
}
