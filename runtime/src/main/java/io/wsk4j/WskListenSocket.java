package io.wsk4j;

/**
 * A listening socket (WSK_FLAG_LISTEN_SOCKET), made by {@link WskProvider#listenSocket} (unbound: it listens from its
 * {@code bind}) or {@link WskProvider#socketListen} (bound and listening at once). Its table has no send, receive or
 * connect: those calls do not compile (SPEC K1, K5).
 *
 * <p>Not for implementation: a provider accepts only its own sockets.
 */
public interface WskListenSocket extends WskBasicSocket {
    /** {@return the provider's dispatch table for this socket ({@code Socket->Dispatch})} */
    @Override
    WskProviderListenDispatch dispatch();
}
