package io.wsk4j.engine;

import io.wsk4j.NtStatus;

/**
 * The observer of almost every provider (no verifier, no trace): the stats and the Flight Recorder, called directly,
 * so that the I/O path of the common case walks no array and calls no method it does not need.
 */
final class StatsAndFlight implements EngineObserver {
    private final ProviderStats stats;
    private final FlightEvents flight;

    StatsAndFlight(ProviderStats stats, FlightEvents flight) {
        this.stats = stats;
        this.flight = flight;
    }

    @Override
    public void tookUp(IrpCore irp, EventLoop loop) {
        stats.tookUp(irp, loop);
    }

    @Override
    public Object completed(IrpCore irp, EngineSocket socket, NtStatus status, long information, boolean routineRuns) {
        stats.completed(irp, socket, status, information, routineRuns);
        flight.completed(irp, socket, status, information, routineRuns);
        return null;
    }

    @Override
    public void disconnectStarts(IrpCore irp, EngineSocket socket) {
        flight.disconnectStarts(irp, socket);
    }

    @Override
    public void closeStarts(IrpCore irp, EngineSocket socket) {
        flight.closeStarts(irp, socket);
    }

    @Override
    public void tornDown(IrpCore cause, int flushed, boolean abortive) {
        flight.tornDown(cause, flushed, abortive);
    }
}
