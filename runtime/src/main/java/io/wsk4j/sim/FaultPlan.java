package io.wsk4j.sim;

import io.wsk4j.transport.sim.Faults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults a simulated network injects, all drawn from its seed; none by default, and free when off. Immutable: each
 * method returns a new plan with one more fault. Faults of one peer (a reset after N bytes, a peer that stops reading)
 * are the peer's: {@link SimPeer#resetAfterReading(long)}, {@link SimPeer#stopReading()}.
 */
public final class FaultPlan {
    private static final FaultPlan NONE = new FaultPlan(0, false, Duration.ZERO, Duration.ZERO, 0, 0, 0);

    private final double allocationFailureRate;
    private final boolean split;
    private final Duration delay;
    private final Duration jitter;
    private final double refuseRate;
    private final double timeOutRate;
    private final double acceptFailureRate;

    private FaultPlan(double allocationFailureRate, boolean split, Duration delay, Duration jitter, double refuseRate,
            double timeOutRate, double acceptFailureRate) {
        this.allocationFailureRate = allocationFailureRate;
        this.split = split;
        this.delay = delay;
        this.jitter = jitter;
        this.refuseRate = refuseRate;
        this.timeOutRate = timeOutRate;
        this.acceptFailureRate = acceptFailureRate;
    }

    /** {@return a plan with no fault} */
    public static FaultPlan none() {
        return NONE;
    }

    /**
     * The provider runs out of memory at {@code rate}, as under Driver Verifier's low-resources simulation: making a
     * socket, and every dispatch call but {@code closeSocket} (which always succeeds, SPEC C1), then completes its IRP
     * INSUFFICIENT_RESOURCES without touching the socket.
     *
     * @param rate the share of failures, 0 to 1
     * @return this plan with the fault added
     */
    public FaultPlan allocationFailures(double rate) {
        return new FaultPlan(rate(rate), split, delay, jitter, refuseRate, timeOutRate, acceptFailureRate);
    }

    /** {@return this plan, and every write takes and every read returns a random slice of what it could move} */
    public FaultPlan splitReadsAndWrites() {
        return new FaultPlan(allocationFailureRate, true, delay, jitter, refuseRate, timeOutRate, acceptFailureRate);
    }

    /**
     * Every delivery takes {@code delay} more, plus up to {@code jitter} drawn from the seed.
     *
     * @param delay added to every delivery
     * @param jitter the most added on top of {@code delay}
     * @return this plan with the fault added
     */
    public FaultPlan delay(Duration delay, Duration jitter) {
        if (delay.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("a delay and its jitter are zero or more: " + delay + ", " + jitter);
        }
        return new FaultPlan(allocationFailureRate, split, delay, jitter, refuseRate, timeOutRate, acceptFailureRate);
    }

    /**
     * A connect is refused though the port listens.
     *
     * @param rate the share of refused connects, 0 to 1
     * @return this plan with the fault added
     */
    public FaultPlan refuseConnects(double rate) {
        return new FaultPlan(allocationFailureRate, split, delay, jitter, rate(rate), timeOutRate, acceptFailureRate);
    }

    /**
     * A connect is never answered: it times out after 127 s of virtual time, as Linux's do.
     *
     * @param rate the share of unanswered connects, 0 to 1
     * @return this plan with the fault added
     */
    public FaultPlan timeOutConnects(double rate) {
        return new FaultPlan(allocationFailureRate, split, delay, jitter, refuseRate, rate(rate), acceptFailureRate);
    }

    /**
     * A listener's accept fails as a process out of file descriptors sees it (SPEC X5).
     *
     * @param rate the share of failing accepts, 0 to 1
     * @return this plan with the fault added
     */
    public FaultPlan acceptFailures(double rate) {
        return new FaultPlan(allocationFailureRate, split, delay, jitter, refuseRate, timeOutRate, rate(rate));
    }

    Faults toFaults() {
        return new Faults(allocationFailureRate, split, delay.toNanos(), jitter.toNanos(), refuseRate, timeOutRate,
                acceptFailureRate);
    }

    private static double rate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a rate is between 0 and 1: " + rate);
        }
        return rate;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (allocationFailureRate > 0) {
            parts.add("allocationFailures(" + allocationFailureRate + ")");
        }
        if (split) {
            parts.add("splitReadsAndWrites()");
        }
        if (!delay.isZero() || !jitter.isZero()) {
            parts.add("delay(" + delay + ", " + jitter + ")");
        }
        if (refuseRate > 0) {
            parts.add("refuseConnects(" + refuseRate + ")");
        }
        if (timeOutRate > 0) {
            parts.add("timeOutConnects(" + timeOutRate + ")");
        }
        if (acceptFailureRate > 0) {
            parts.add("acceptFailures(" + acceptFailureRate + ")");
        }
        return parts.isEmpty() ? "FaultPlan.none()" : "FaultPlan.none()." + String.join(".", parts);
    }
}
