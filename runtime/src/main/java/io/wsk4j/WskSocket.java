package io.wsk4j;

/**
 * A connection-oriented socket (PWSK_SOCKET), made by {@link WskProvider#socket}, {@link WskProvider#socketConnect},
 * {@link WskProvider#socketListen} or the accept event (SPEC A5). Every operation goes through its
 * {@link #dispatch()} table and takes the socket first and an {@link Irp} last, as in C.
 *
 * <p>Not for implementation: a provider accepts only its own sockets.
 */
public interface WskSocket {
    /** {@return the provider's dispatch table for this socket ({@code Socket->Dispatch})} */
    WskProviderConnectionDispatch dispatch();
}
