package io.wsk4j;

/**
 * What every socket kind has (SPEC K1): the basic dispatch table, {@code WSK_PROVIDER_BASIC_DISPATCH}, with
 * {@code controlSocket} and {@code closeSocket}. Each kind narrows {@link #dispatch()} to its own table, so that a call
 * the kind does not have does not compile: {@link WskSocket} (connection), {@link WskListenSocket},
 * {@link WskDatagramSocket}.
 *
 * <p>Not for implementation: a provider accepts only its own sockets.
 */
public interface WskBasicSocket {
    /** {@return the provider's dispatch table for this socket ({@code Socket->Dispatch})} */
    WskProviderBasicDispatch dispatch();
}
