package io.wsk4j.benchmarks;

/**
 * What the load client did and saw.
 *
 * @param failure the first failed check or error, null if every op was checked good
 * @param measuredOps ops completed inside the measurement window
 * @param totalOps ops completed from the start to the end of the drain (churn: connections, each one checked)
 * @param opened connections opened
 * @param concurrency connections kept in flight
 * @param window what the server side used during the measurement window; null if the run failed
 */
record ClientOutcome(
        Workload workload,
        String failure,
        long measuredOps,
        long totalOps,
        long opened,
        int concurrency,
        Usage.Consumption window) {}
