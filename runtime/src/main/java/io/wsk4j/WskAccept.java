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
     */
    static <A> WskAccept accept(A context, WskClientConnectionDispatch<A> dispatch) {
        return WskImplementation.instance().accept(context, dispatch, Set.of());
    }

    /**
     * Accepts the socket with {@code context} and enables {@code events} of {@code dispatch} before any data of the
     * socket is read, so that no event is missed.
     */
    static <A> WskAccept accept(A context, WskClientConnectionDispatch<A> dispatch, Set<WskEvent> events) {
        return WskImplementation.instance().accept(context, dispatch, events);
    }

    /** Rejects the connection: the peer sees a reset. */
    static WskAccept reject() {
        return WskImplementation.instance().reject();
    }
}
