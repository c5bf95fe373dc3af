package io.wsk4j.benchmarks;

import java.util.Map;

/**
 * What the process and the load client thread had used at one instant (see {@link UsageMeter}). Counts that the
 * platform cannot give are -1.
 *
 * @param allocatedByThread bytes allocated so far by each live thread except the client, by thread id
 */
record Usage(
        long wallNanos,
        long processCpuNanos,
        long clientCpuNanos,
        long processSwitches,
        long clientSwitches,
        Map<Long, Long> allocatedByThread,
        MachineLoad machine) {

    /** What the server side (everything but the client thread) used from this instant to {@code later}. */
    Consumption until(Usage later) {
        long clientCpu = later.clientCpuNanos - clientCpuNanos;
        long serverCpu = later.processCpuNanos - processCpuNanos - clientCpu;
        long switches = processSwitches < 0 || later.processSwitches < 0 ? -1
                : (later.processSwitches - processSwitches) - (later.clientSwitches - clientSwitches);
        long allocated = 0;
        for (Map.Entry<Long, Long> thread : later.allocatedByThread.entrySet()) {
            // a thread born in between counts from zero; one that died in between is lost (the server's never die)
            allocated += thread.getValue() - allocatedByThread.getOrDefault(thread.getKey(), 0L);
        }
        return new Consumption(later.wallNanos - wallNanos, serverCpu, clientCpu, switches, allocated,
                machine.othersUntil(later.machine));
    }

    /**
     * The difference of two {@link Usage}s: the server side's CPU, switches and allocation over a wall time, and the
     * CPU (in cores) that other processes of the machine took meanwhile.
     */
    record Consumption(long wallNanos, long serverCpuNanos, long clientCpuNanos, long serverSwitches,
            long serverAllocatedBytes, double otherCores) {}
}
