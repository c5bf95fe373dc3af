package io.wsk4j.spi;

import io.wsk4j.WskVerifierListener;
import java.time.Duration;
import java.util.Objects;

/**
 * How a provider's verifier reports (SPEC V); a provider without one has no verifier at all.
 *
 * @param listener where reports go
 * @param failsOnReport whether {@code WskProvider.close()} throws {@code WskVerifierException} if anything was reported
 * @param blockingThreshold how long a completion routine or event callback may hold an I/O thread (V5)
 */
public record VerifierSettings(WskVerifierListener listener, boolean failsOnReport, Duration blockingThreshold) {
    public VerifierSettings {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(blockingThreshold, "blockingThreshold");
    }
}
