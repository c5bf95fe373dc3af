package io.wsk4j.engine;

import io.wsk4j.NtStatus;

/**
 * A {@link CompletionObserver} from outside the engine (a simulation's trace) as one of a provider's observers: it is
 * told of every completion after the IoStatus block is set and before the routine runs.
 */
final class CompletionTrace implements EngineObserver {
    private final CompletionObserver outside;

    private CompletionTrace(CompletionObserver outside) {
        this.outside = outside;
    }

    /** {@return the observer for {@code outside}, or null if there is none} */
    static CompletionTrace of(CompletionObserver outside) {
        return outside == null ? null : new CompletionTrace(outside);
    }

    @Override
    public Object completed(IrpCore irp, EngineSocket socket, NtStatus status, long information, boolean routineRuns) {
        outside.completed(irp.operation.wskName, socket == null ? "" : socket.describe(), status, information);
        return null;
    }
}
