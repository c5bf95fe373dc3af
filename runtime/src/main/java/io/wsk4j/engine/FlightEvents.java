package io.wsk4j.engine;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;
import io.wsk4j.jfr.FlightRecorder;

/**
 * What the engine tells the Flight Recorder ({@link FlightRecorder}, package {@code io.wsk4j.jfr}): with no recording
 * that wants an event, a dispatch call pays one check of a static flag and allocates nothing.
 */
final class FlightEvents {
    private FlightEvents() {}

    static void load() {
        FlightRecorder.load();
    }

    /** A disconnect is dispatched: its event starts now, if a recording wants it. */
    static void disconnectStarted(IrpCore op, EngineSocket socket, DisconnectMode mode, BufferChain finalBuffer) {
        if (FlightRecorder.wantsDisconnects()) {
            op.flightEvent = FlightRecorder.disconnectBegins(socket.addressText(true), socket.addressText(false),
                    String.valueOf(mode), finalBuffer == null ? 0 : finalBuffer.remaining());
        }
    }

    /** A close is dispatched: its event starts now, if a recording wants it. */
    static void closeStarted(IrpCore op, EngineSocket socket) {
        if (FlightRecorder.wantsCloses()) {
            op.flightEvent = FlightRecorder.closeBegins(socket.addressText(true), socket.addressText(false));
        }
    }

    /** The close's teardown: what it flushed and whether the connection ended with a reset. */
    static void closeDetails(IrpCore op, int flushed, boolean abortive) {
        if (op.flightEvent != null) {
            FlightRecorder.closeDetails(op.flightEvent, flushed, abortive);
        }
    }

    /** The IRP completes: its event ends and is committed. */
    static void completed(Object event, NtStatus status) {
        FlightRecorder.completed(event, status);
    }
}
