package io.wsk4j.engine;

import io.wsk4j.NtStatus;
import io.wsk4j.jfr.FlightRecorder;

/**
 * The Flight Recorder's observer ({@link FlightRecorder}, package {@code io.wsk4j.jfr}), and the engine's only door to
 * it: with no recording that wants an event, a disconnect or close pays one check of a static flag and allocates
 * nothing, and any other IRP one null check of its {@link IrpCore#flightEvent}. A provider has it whenever the module
 * {@code jdk.jfr} is there, since a recording may start at any time.
 */
final class FlightEvents implements EngineObserver {
    /** One for every provider: it keeps nothing of its own, each event lives on its IRP. */
    static final FlightEvents INSTANCE = new FlightEvents();

    private FlightEvents() {}

    /** {@return the observer, or null if this runtime image has no Flight Recorder} */
    static FlightEvents ifAvailable() {
        if (!FlightRecorder.available()) {
            return null;
        }
        FlightRecorder.load(); // at a provider's start, rather than on an I/O thread at its first disconnect or close
        return INSTANCE;
    }

    /** A disconnect is dispatched: its event starts now, if a recording wants it. */
    @Override
    public void disconnectStarts(IrpCore irp, EngineSocket socket) {
        if (FlightRecorder.wantsDisconnects()) {
            irp.flightEvent = FlightRecorder.disconnectBegins(socket.addressText(true), socket.addressText(false),
                    String.valueOf(irp.mode), irp.buffer == null ? 0 : irp.buffer.remaining());
        }
    }

    /** A close is dispatched: its event starts now, if a recording wants it. */
    @Override
    public void closeStarts(IrpCore irp, EngineSocket socket) {
        if (FlightRecorder.wantsCloses()) {
            irp.flightEvent = FlightRecorder.closeBegins(socket.addressText(true), socket.addressText(false));
        }
    }

    /** The close's teardown: what it flushed and whether the connection ended with a reset. */
    @Override
    public void tornDown(IrpCore cause, int flushed, boolean abortive) {
        if (cause.flightEvent != null) {
            FlightRecorder.closeDetails(cause.flightEvent, flushed, abortive);
        }
    }

    /** The IRP completes: its event, if it has one, ends and is committed. */
    @Override
    public Object completed(IrpCore irp, EngineSocket socket, NtStatus status, long information, boolean routineRuns) {
        Object event = irp.flightEvent;
        if (event != null) {
            irp.flightEvent = null;
            FlightRecorder.completed(event, status);
        }
        return null;
    }
}
