package io.wsk4j.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * What a case runs: an {@link Implementation} from this build, or ({@code baseline}) the same implementation from
 * another build's benchmarks jar, {@code --baseline-jar}. A baseline case's JVM runs that jar's own {@link CaseMain}
 * with the plain implementation label, so the other build needs nothing of this one; it is labelled
 * {@code <impl>@base} in the table. Only the wsk4j implementations have a baseline: the others do not change with
 * the runtime.
 */
record Variant(Implementation implementation, boolean baseline) {
    static final String BASELINE_SUFFIX = "@base";
    /** What {@code BASELINE_JAR} adds to a run without {@code --impls}. */
    static final List<Implementation> BASELINE_DEFAULTS = List.of(Implementation.WSK4J_RAW,
            Implementation.WSK4J_GLUE);

    static Variant of(Implementation implementation) {
        return new Variant(implementation, false);
    }

    /** {@code nio}, {@code wsk4j-raw}, or {@code wsk4j-raw@base}. */
    static Variant of(String label) {
        if (label.endsWith(BASELINE_SUFFIX)) {
            return new Variant(Implementation.of(label.substring(0, label.length() - BASELINE_SUFFIX.length())),
                    true);
        }
        return new Variant(Implementation.of(label), false);
    }

    /** The default selection: every default implementation, then the baseline's wsk4j cases if a baseline is given. */
    static List<String> defaults(boolean withBaseline) {
        List<String> labels = new ArrayList<>();
        for (Implementation implementation : Implementation.values()) {
            if (implementation.byDefault) {
                labels.add(implementation.label);
            }
        }
        if (withBaseline) {
            BASELINE_DEFAULTS.forEach(i -> labels.add(i.label + BASELINE_SUFFIX));
        }
        return labels;
    }

    String label() {
        return implementation.label + (baseline ? BASELINE_SUFFIX : "");
    }

    @Override
    public String toString() {
        return label();
    }
}
