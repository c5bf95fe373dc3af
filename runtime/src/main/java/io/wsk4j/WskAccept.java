package io.wsk4j;

import io.wsk4j.spi.WskImplementation;
import java.util.Set;

/**
 * The answer of an accept event: the accepted socket's context and client dispatch, or a rejection.
 *
 * <p>Not for implementation: make one with {@link #accept} or {@link #reject()}.
 */
public interface WskAccept {
    /**
     * Accepts the socket with {@code context}; {@code dispatch} (may be null) serves its events, all disabled.
     *
     * @param <A> the accepted socket's context type
     * @param context the accepted socket's context, handed to its events and kept until its close completes
     * @param dispatch the accepted socket's event callbacks, or null for none
     * @return the answer to return from {@link WskClientListenDispatch#onAccept}
     */
    static <A> WskAccept accept(A context, WskClientConnectionDispatch<A> dispatch) {
        return WskImplementation.instance().accept(context, dispatch, Set.of());
    }

    /**
     * Accepts the socket with {@code context} and enables {@code events} of {@code dispatch} before any data of the
     * socket is read, so that no event is missed.
     *
     * @param <A> the accepted socket's context type
     * @param context the accepted socket's context, handed to its events and kept until its close completes
     * @param dispatch the accepted socket's event callbacks
     * @param events the callbacks of {@code dispatch} to enable at once
     * @return the answer to return from {@link WskClientListenDispatch#onAccept}
     */
    static <A> WskAccept accept(A context, WskClientConnectionDispatch<A> dispatch, Set<WskEvent> events) {
        return WskImplementation.instance().accept(context, dispatch, events);
    }

    /** {@return the answer that rejects the connection: the peer sees a reset} */
    static WskAccept reject() {
        return WskImplementation.instance().reject();
    }
}
