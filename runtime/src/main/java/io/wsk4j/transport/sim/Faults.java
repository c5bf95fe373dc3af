package io.wsk4j.transport.sim;

import java.util.Random;

/**
 * The network's seeded choices and the faults it injects, as numbers: the simulation's public fault plan is turned
 * into one of these. With no fault, a write takes all the window allows, a read returns all that has arrived, and
 * delivery takes 5 to 50 microseconds.
 */
public final class Faults {
    static final long BASE_DELAY_NANOS = 5_000;
    static final long JITTER_NANOS = 45_000;

    final double allocationFailureRate;
    final boolean split;
    final long extraDelayNanos;
    final long extraJitterNanos;
    final double refuseRate;
    final double timeOutRate;
    final double acceptFailureRate;

    /**
     * @param allocationFailureRate the share of sockets and requests that fail for lack of memory (INSUFFICIENT_RESOURCES)
     * @param split whether writes and reads move random slices instead of all they can
     * @param extraDelayNanos added to every delivery's delay
     * @param extraJitterNanos the most, seeded, added on top of that
     * @param refuseRate the share of connects refused
     * @param timeOutRate the share of connects never answered (they time out as Linux's do, after 127 s)
     * @param acceptFailureRate the share of accepts that fail as on a process out of descriptors
     */
    public Faults(double allocationFailureRate, boolean split, long extraDelayNanos, long extraJitterNanos,
            double refuseRate, double timeOutRate, double acceptFailureRate) {
        this.allocationFailureRate = allocationFailureRate;
        this.split = split;
        this.extraDelayNanos = extraDelayNanos;
        this.extraJitterNanos = extraJitterNanos;
        this.refuseRate = refuseRate;
        this.timeOutRate = timeOutRate;
        this.acceptFailureRate = acceptFailureRate;
    }

    static final Faults NONE = new Faults(0, false, 0, 0, 0, 0, 0);

    int readSlice(Random random, int max) {
        return split && max > 1 ? 1 + random.nextInt(max) : max;
    }

    int writeSlice(Random random, int max) {
        return split && max > 1 ? 1 + random.nextInt(max) : max;
    }

    long delay(Random random) {
        long jitter = JITTER_NANOS + extraJitterNanos;
        return BASE_DELAY_NANOS + extraDelayNanos + (long) (random.nextDouble() * jitter);
    }

    static boolean happens(Random random, double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
