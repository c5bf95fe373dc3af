package io.wsk4j.engine;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;

/**
 * The provider's JDK Flight Recorder events: {@code io.wsk4j.Disconnect} and {@code io.wsk4j.Close}, disabled by
 * default ({@code @Enabled(false)}). With no recording that enables them, a dispatch call pays one check of a static flag and allocates nothing; only then is an event made,
 * kept on the IRP, and committed when the IRP completes.
 *
 * <p>Nothing here names a {@code jdk.jfr} type: those live in {@link Jfr}, loaded only if the module {@code jdk.jfr} is
 * in the runtime image. {@code module-info} requires it, so a modular application always has it; an application on
 * the class path of an image built without it gets no events instead of a {@link NoClassDefFoundError}.
 */
final class FlightEvents {
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    private FlightEvents() {}

    /**
     * Loads the event classes now (a provider's constructor calls it), so that neither this class nor jdk.jfr's is
     * loaded and initialized on an I/O thread by its first disconnect or close.
     */
    static void load() {
        if (AVAILABLE) {
            Jfr.load();
        }
    }

    /** A disconnect is dispatched: its event starts now, if a recording wants it. */
    static void disconnectStarted(IrpCore op, EngineSocket socket, DisconnectMode mode, BufferChain finalBuffer) {
        if (AVAILABLE && Jfr.disconnectEnabled()) {
            op.flightEvent = Jfr.disconnect(socket, mode, finalBuffer == null ? 0 : finalBuffer.remaining());
        }
    }

    /** A close is dispatched: its event starts now, if a recording wants it. */
    static void closeStarted(IrpCore op, EngineSocket socket) {
        if (AVAILABLE && Jfr.closeEnabled()) {
            op.flightEvent = Jfr.close(socket);
        }
    }

    /** The close's teardown: what it flushed and whether it reset the connection. */
    static void closeDetails(IrpCore op, int flushed, boolean abortive) {
        if (op.flightEvent != null) {
            Jfr.closeDetails(op.flightEvent, flushed, abortive);
        }
    }

    /** The IRP completes: its event ends and is committed. */
    static void completed(Object event, NtStatus status) {
        Jfr.commit(event, status);
    }

    /** The only code that touches jdk.jfr. */
    private static final class Jfr {
        // isEnabled() reads the event type's static settings only, so one probe instance, never committed, answers for
        // every thread without an allocation per call: false while no recording enables the type, since @Enabled(false)
        // is its default, and true as soon as one does
        private static final DisconnectFlightEvent DISCONNECT_PROBE = new DisconnectFlightEvent();
        private static final CloseFlightEvent CLOSE_PROBE = new CloseFlightEvent();

        static void load() {
            // the probes above are made by the class initializer this call runs
        }

        static boolean disconnectEnabled() {
            return DISCONNECT_PROBE.isEnabled();
        }

        static boolean closeEnabled() {
            return CLOSE_PROBE.isEnabled();
        }

        static Object disconnect(EngineSocket socket, DisconnectMode mode, long finalBufferSize) {
            DisconnectFlightEvent event = new DisconnectFlightEvent();
            event.localAddress = socket.addressText(true);
            event.remoteAddress = socket.addressText(false);
            event.mode = String.valueOf(mode);
            event.finalBufferSize = finalBufferSize;
            event.begin();
            return event;
        }

        static Object close(EngineSocket socket) {
            CloseFlightEvent event = new CloseFlightEvent();
            event.localAddress = socket.addressText(true);
            event.remoteAddress = socket.addressText(false);
            event.begin();
            return event;
        }

        static void closeDetails(Object event, int flushed, boolean abortive) {
            if (event instanceof CloseFlightEvent) {
                CloseFlightEvent close = (CloseFlightEvent) event;
                close.pendingIrpsFlushed = flushed;
                close.abortive = abortive;
            }
        }

        static void commit(Object event, NtStatus status) {
            if (event instanceof DisconnectFlightEvent) {
                DisconnectFlightEvent disconnect = (DisconnectFlightEvent) event;
                disconnect.end();
                if (disconnect.shouldCommit()) {
                    disconnect.status = status.name();
                    disconnect.commit();
                }
            } else if (event instanceof CloseFlightEvent) {
                CloseFlightEvent close = (CloseFlightEvent) event;
                close.end();
                if (close.shouldCommit()) {
                    close.status = status.name();
                    close.commit();
                }
            }
        }
    }
}
