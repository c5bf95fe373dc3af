package io.wsk4j.engine;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.NtStatus;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * What watches the engine without taking part in its rules: the stats ({@link ProviderStats}), the Flight Recorder
 * ({@link FlightEvents}), the verifier ({@link VerifyingObserver}) and a simulation's trace ({@link CompletionTrace}).
 * A provider builds one at its start (the stats and the Flight Recorder as {@link StatsAndFlight}, the common case
 * spelled out; else {@link #of}: the stats alone, or the stats and the others composed) and the engine calls it at
 * the few places below, each one line; nothing else of those watchers is woven into completion,
 * the close gate or the dispatch table.
 *
 * <p>Every method has an empty default, so an observer overrides only what it watches, and a method nobody overrides
 * costs a call the JIT inlines to nothing. Methods run on the engine's threads in the middle of its work: they must not
 * block, must not throw (the completion's one call is guarded all the same, since an IRP that could not complete would
 * stay the provider's for good) and, unless the observer is on (the verifier), must allocate nothing.
 */
interface EngineObserver {
    // ---- dispatch calls, on the caller's thread --------------------------------------------------------------------

    /** A dispatch call of {@code socket} is entered, before its close gate is (SPEC V4, V7). */
    default void callEntering(EngineSocket socket, Operation operation) {}

    /** The call that {@link #callEntering} announced found the socket closed and throws (SPEC C5, V7). */
    default void callRefused(EngineSocket socket, Operation operation) {}

    /** The call that {@link #callEntering} announced leaves the socket. */
    default void callLeft(EngineSocket socket) {}

    /** A dispatch call took {@code irp} for {@code socket}; it is not queued yet (SPEC V1, V2: where it was called). */
    default void dispatched(IrpCore irp, EngineSocket socket) {}

    /** A disconnect, fully described (mode, final buffer), is about to be handed to the loop. */
    default void disconnectStarts(IrpCore irp, EngineSocket socket) {}

    /** A close is about to shut the gate of {@code socket}, or (a socket the application forgot) to be run. */
    default void closeStarts(IrpCore irp, EngineSocket socket) {}

    /** closeSocket shut the gate of {@code socket}: from now on every call throws; {@code close} waits to be run. */
    default void gateShut(EngineSocket socket, IrpCore close) {}

    /** The close that shut the gate is on its way to the loop, now or when the last call inside leaves (SPEC V4). */
    default void closeHandedOver(EngineSocket socket, IrpCore close) {}

    /** A dispatch call was given a receive event's data (SPEC B4); it throws after this (SPEC V6). */
    default void eventDataPassedOn(EngineSocket socket, EventLoop lender) {}

    // ---- the loop ---------------------------------------------------------------------------------------------

    /** {@code irp} reached its socket on {@code loop} (or, the loop broken, the thread that runs its tasks). */
    default void tookUp(IrpCore irp, EventLoop loop) {}

    /**
     * A teardown completed {@code flushed} pending IRPs and ended the connection with a reset ({@code abortive}) or
     * not; {@code cause}, its close or abort IRP, completes next.
     */
    default void tornDown(IrpCore cause, int flushed, boolean abortive) {}

    /**
     * An event callback of {@code socket} (receive, disconnect, send-backlog, accept) begins (SPEC V5).
     *
     * @param event what it is, e.g. "receive event"
     * @return null, or what {@link #eventEnded} takes back (as {@link #completed}'s answer)
     */
    default Object eventStarts(EngineSocket socket, String event) {
        return null;
    }

    /** The callback that {@link #eventStarts} announced returned or threw. */
    default void eventEnded(EngineSocket socket, Object watch) {}

    /** A receive event returned; {@code view} is its data, the loop's read buffer (SPEC V6). */
    default void eventDataReturned(ByteBuffer view) {}

    /** A receive event took less than it was offered: the rest waits for a receive IRP (SPEC E3, V8). */
    default void receiveDeclined(ConnectionSocket socket) {}

    /** {@code WskProvider.close()} closes {@code socket}, which the application left open (SPEC C6, V3). */
    default boolean reportsLeftOpen(EngineSocket socket) {
        return false;
    }

    // ---- completion -------------------------------------------------------------------------------------------

    /**
     * {@code irp} completes: its IoStatus block is written, its routine not yet run (it runs if {@code routineRuns}),
     * and no other thread can have it yet. The one call of {@link IrpCore#complete}.
     *
     * @param socket the IRP's socket, or null for a socket request that made none
     * @return null, or what {@link #routineReturned} takes back: at most one observer of a provider returns one (the
     *     verifier, which times the routine and checks its answer); composed, it reaches every observer
     */
    default Object completed(IrpCore irp, EngineSocket socket, NtStatus status, long information, boolean routineRuns) {
        return null;
    }

    /**
     * The routine that {@link #completed} announced returned {@code answer}, or threw ({@code answer} null).
     *
     * @param watch what {@link #completed} returned
     * @return true if this observer reported a wrong answer itself (SPEC V2), so the engine does not report it again
     */
    default boolean routineReturned(Object watch, CompletionRoutine<?> routine, NtStatus answer) {
        return false;
    }

    /**
     * {@return one observer for a provider: the first alone if the others are null, else all of them in order}
     *
     * @param first the observer always there (the stats)
     */
    static EngineObserver of(EngineObserver first, EngineObserver... others) {
        List<EngineObserver> all = new java.util.ArrayList<>();
        all.add(first);
        for (EngineObserver other : others) {
            if (other != null) {
                all.add(other);
            }
        }
        return all.size() == 1 ? first : new ComposedObserver(all.toArray(new EngineObserver[0]));
    }
}
