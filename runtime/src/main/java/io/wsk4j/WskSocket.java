package io.wsk4j;

/**
 * A connection-oriented socket (PWSK_SOCKET of WSK_FLAG_CONNECTION_SOCKET), made by {@link WskProvider#socket},
 * {@link WskProvider#socketConnect}, an accept event or an accept IRP (SPEC A5, K1). Every operation goes through its
 * {@link #dispatch()} table and takes the socket first and an {@link Irp} last, as in C.
 *
 * <p>Not for implementation: a provider accepts only its own sockets.
 */
public interface WskSocket extends WskBasicSocket {
    /** {@return the provider's dispatch table for this socket ({@code Socket->Dispatch})} */
    @Override
    WskProviderConnectionDispatch dispatch();
}
