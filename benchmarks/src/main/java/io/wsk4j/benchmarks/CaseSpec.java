package io.wsk4j.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** One (workload, implementation of this build or the baseline's, server threads) case of the matrix. */
record CaseSpec(Workload workload, Variant variant, int threads) {
    CaseSpec(Workload workload, Implementation implementation, int threads) {
        this(workload, Variant.of(implementation), threads);
    }

    Implementation implementation() {
        return variant.implementation();
    }

    /** The server threads each workload runs with by default: churn with one, pingpong with one and two. */
    static List<Integer> defaultThreads(Workload workload) {
        return workload == Workload.PINGPONG ? List.of(1, 2) : List.of(1);
    }

    /**
     * The cases of one workload in run order: by thread count, then implementation; {@code rotation} shifts the
     * implementations' order so that over several rounds none always runs first.
     */
    static List<CaseSpec> of(Workload workload, List<Variant> variants, List<Integer> threads, int rotation) {
        List<CaseSpec> cases = new ArrayList<>();
        for (int count : threads) {
            for (int i = 0; i < variants.size(); i++) {
                Variant variant = variants.get((i + rotation) % variants.size());
                cases.add(new CaseSpec(workload, variant, count));
            }
        }
        return cases;
    }

    String name() {
        return workload.label + " " + variant.label() + " " + threads + "t";
    }
}
