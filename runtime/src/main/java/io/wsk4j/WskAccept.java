package io.wsk4j;

import io.wsk4j.nio.AcceptDecision;
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
        return new AcceptDecision<>(context, dispatch, Set.of());
    }

    /**
     * Accepts the socket with {@code context} and enables {@code events} of {@code dispatch} before any data of the
     * socket is read, so that no event is missed.
     */
    static <A> WskAccept accept(A context, WskClientConnectionDispatch<A> dispatch, Set<WskEvent> events) {
        return new AcceptDecision<>(context, dispatch, events);
    }

    /** Rejects the connection: the peer sees a reset. */
    static WskAccept reject() {
        return AcceptDecision.REJECT;
    }
}
