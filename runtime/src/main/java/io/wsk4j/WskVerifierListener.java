package io.wsk4j;

/**
 * Where the verifier sends its reports (SPEC V). It runs on the thread that found the problem (an application thread,
 * an I/O thread, the verifier's watchdog or the JDK's cleaner thread), so it must not block; what it throws is
 * reported to the provider's error handler and dropped, so that no provider thread stops.
 */
@FunctionalInterface
public interface WskVerifierListener {
    /**
     * Receives one report.
     *
     * @param report what the verifier found, with its places
     */
    void onReport(WskVerifierReport report);

    /**
     * {@return a listener that logs each report, stacks included, to the {@link System.Logger} named
     * {@code io.wsk4j.verifier} at ERROR}
     */
    static WskVerifierListener systemLogger() {
        System.Logger logger = System.getLogger("io.wsk4j.verifier");
        return report -> logger.log(System.Logger.Level.ERROR, report.toString());
    }
}
