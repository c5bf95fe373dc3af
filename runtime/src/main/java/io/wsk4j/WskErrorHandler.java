package io.wsk4j;

/**
 * The provider's error channel: problems that happen on an I/O thread and have no caller to throw to.
 *
 * <p>It runs on the I/O thread that met the problem; it must not block and should not throw (what it throws is
 * dropped so that the I/O thread goes on).
 */
@FunctionalInterface
public interface WskErrorHandler {
    /**
     * Called with a problem that has no caller to throw to.
     *
     * @param message what happened and what to do about it
     * @param error the exception, never null
     */
    void onError(String message, Throwable error);

    /** {@return a handler that reports to the {@link System.Logger} named {@code io.wsk4j} at level ERROR} */
    static WskErrorHandler systemLogger() {
        System.Logger logger = System.getLogger("io.wsk4j");
        return (message, error) -> logger.log(System.Logger.Level.ERROR, message, error);
    }
}
