package io.wsk4j.verify;

/** What a verifier needs of the provider it watches, and nothing more: the verifier observes the engine from outside. */
public interface VerifiedProvider {
    /** {@return the provider's number, for the watchdog thread's name} */
    int id();

    /** {@return the callback clock of the I/O thread the caller is on, or null on an application thread} */
    CallbackClock currentClock();

    /** Reports a problem to the provider's error handler. */
    void reportError(String what, Throwable error);
}
