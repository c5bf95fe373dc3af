package io.wsk4j.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** One (workload, implementation, server threads) case of the matrix. */
record CaseSpec(Workload workload, Implementation implementation, int threads) {
    /** The server threads each workload runs with by default: churn with one, pingpong with one and two. */
    static List<Integer> defaultThreads(Workload workload) {
        return workload == Workload.PINGPONG ? List.of(1, 2) : List.of(1);
    }

    /**
     * The cases of one workload in run order: by thread count, then implementation; {@code rotation} shifts the
     * implementations' order so that over several rounds none always runs first.
     */
    static List<CaseSpec> of(Workload workload, List<Implementation> implementations, List<Integer> threads,
            int rotation) {
        List<CaseSpec> cases = new ArrayList<>();
        for (int count : threads) {
            for (int i = 0; i < implementations.size(); i++) {
                Implementation implementation = implementations.get((i + rotation) % implementations.size());
                cases.add(new CaseSpec(workload, implementation, count));
            }
        }
        return cases;
    }

    String name() {
        return workload.label + " " + implementation.label + " " + threads + "t";
    }
}
