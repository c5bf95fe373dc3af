package io.wsk4j.jfr;

import io.wsk4j.NtStatus;

/**
 * The runtime's door to the JDK Flight Recorder (SPEC R3): the events {@code io.wsk4j.Disconnect} and {@code
 * io.wsk4j.Close}, disabled by default ({@code @Enabled(false)}). The engine asks whether a recording wants an event
 * (one check of a static flag, no allocation), makes one only then, keeps it on the IRP and commits it when the IRP
 * completes. Events are plain objects to the engine, which knows no {@code jdk.jfr} type.
 *
 * <p>Nothing here names a {@code jdk.jfr} type either: those live in {@link Jfr}, loaded only if the module {@code
 * jdk.jfr} is in the runtime image. {@code module-info} requires it, so a modular application always has it; an
 * application on the class path of an image built without it gets no events instead of a {@link NoClassDefFoundError}.
 */
public final class FlightRecorder {
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    private FlightRecorder() {}

    /** {@return whether this runtime image has the Flight Recorder (the module {@code jdk.jfr})} */
    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * Loads the event classes now (a provider's constructor calls it), so that neither this class nor jdk.jfr's is
     * loaded and initialized on an I/O thread by its first disconnect or close.
     */
    public static void load() {
        if (AVAILABLE) {
            Jfr.load();
        }
    }

    /** {@return whether a recording wants disconnect events now} */
    public static boolean wantsDisconnects() {
        return AVAILABLE && Jfr.DISCONNECT_PROBE.isEnabled();
    }

    /** {@return whether a recording wants close events now} */
    public static boolean wantsCloses() {
        return AVAILABLE && Jfr.CLOSE_PROBE.isEnabled();
    }

    /** {@return a begun disconnect event; only after {@link #wantsDisconnects()}} */
    public static Object disconnectBegins(String localAddress, String remoteAddress, String mode,
            long finalBufferSize) {
        return Jfr.disconnect(localAddress, remoteAddress, mode, finalBufferSize);
    }

    /** {@return a begun close event; only after {@link #wantsCloses()}} */
    public static Object closeBegins(String localAddress, String remoteAddress) {
        return Jfr.close(localAddress, remoteAddress);
    }

    /** The close's teardown: what it flushed and whether the connection ended with a reset. */
    public static void closeDetails(Object event, int flushed, boolean abortive) {
        Jfr.closeDetails(event, flushed, abortive);
    }

    /** The event's IRP completed with {@code status}: the event ends and is committed. */
    public static void completed(Object event, NtStatus status) {
        Jfr.commit(event, status);
    }

    /** The only code that touches jdk.jfr. */
    private static final class Jfr {
        // isEnabled() reads the event type's static settings only, so one probe instance, never committed, answers for
        // every thread without an allocation per call: false while no recording enables the type, since @Enabled(false)
        // is its default, and true as soon as one does
        static final DisconnectFlightEvent DISCONNECT_PROBE = new DisconnectFlightEvent();
        static final CloseFlightEvent CLOSE_PROBE = new CloseFlightEvent();

        static void load() {
            // the probes above are made by the class initializer this call runs
        }

        static Object disconnect(String localAddress, String remoteAddress, String mode, long finalBufferSize) {
            DisconnectFlightEvent event = new DisconnectFlightEvent();
            event.localAddress = localAddress;
            event.remoteAddress = remoteAddress;
            event.mode = mode;
            event.finalBufferSize = finalBufferSize;
            event.begin();
            return event;
        }

        static Object close(String localAddress, String remoteAddress) {
            CloseFlightEvent event = new CloseFlightEvent();
            event.localAddress = localAddress;
            event.remoteAddress = remoteAddress;
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
