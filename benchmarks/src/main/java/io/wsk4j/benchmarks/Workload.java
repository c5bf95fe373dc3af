package io.wsk4j.benchmarks;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the load client does with its connections; {@link LoadClient} says how each one is checked. */
enum Workload {
    /** Connect, request, echo, the client's FIN, the server's FIN, close: one op is one whole connection. */
    CHURN_GRACEFUL("churn-graceful", "conn"),
    /** Connect, request, echo, then a close with SO_LINGER 0 (RST): one op is one whole connection. */
    CHURN_ABORTIVE("churn-abortive", "conn"),
    /** Long-lived connections doing request/echo round trips back to back: one op is one round trip. */
    PINGPONG("pingpong", "rt");

    final String label;
    /** The unit of one op, as the table prints it ("conn/s", "µs/rt"). */
    final String unit;

    Workload(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    boolean churn() {
        return this != PINGPONG;
    }

    static Workload of(String label) {
        for (Workload workload : values()) {
            if (workload.label.equals(label)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("unknown workload " + label + "; use one of " + labels());
    }

    static String labels() {
        return Arrays.stream(values()).map(w -> w.label).collect(Collectors.joining(", "));
    }
}
