package io.wsk4j.engine;

import io.wsk4j.WskAccept;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskEvent;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** The {@link WskAccept} answers: accept with a context and client dispatch, or reject. */
final class AcceptDecision<A> implements WskAccept {
    /** The rejection. */
    static final AcceptDecision<Void> REJECT = new AcceptDecision<>();

    /** Null for a rejection, and for an acceptance without a client dispatch (nothing to bind). */
    final ClientBinding<A> binding;
    final Set<WskEvent> events;

    /** Use {@link WskAccept#accept}. */
    AcceptDecision(A context, WskClientConnectionDispatch<A> dispatch, Set<WskEvent> events) {
        Objects.requireNonNull(events, "events: pass the events to enable, or use accept(context, dispatch)");
        if (dispatch == null && !events.isEmpty()) {
            throw new IllegalArgumentException("Events " + events + " cannot be enabled without a client dispatch");
        }
        this.binding = ClientBinding.of(context, dispatch);
        this.events = events.isEmpty() ? Set.of() : EnumSet.copyOf(events);
    }

    private AcceptDecision() {
        this.binding = null;
        this.events = Set.of();
    }

    boolean rejected() {
        return this == REJECT;
    }
}
