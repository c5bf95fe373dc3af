package io.wsk4j.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One case's figures, as {@link CaseMain} prints them on one line for {@link Runner}: {@code RESULT} then
 * tab-separated {@code name=value} pairs. Figures that could not be measured are NaN.
 *
 * @param ops ops in the measurement window
 * @param seconds the window's wall time
 * @param serverCpuMicrosPerOp process CPU minus the client thread's, per op
 * @param switchesPerOp context switches of every thread but the client's, per op
 * @param serverBytesPerOp bytes allocated by every thread but the client's, per op
 * @param clientCpuShare the client thread's CPU time over the window's wall time (1 = one core saturated)
 * @param serverCpuCores the server side's CPU time over the window's wall time, in cores
 * @param otherCores the CPU other processes of the machine took during the window, in cores (a shared machine)
 * @param gc the case JVM's garbage collectors
 */
record CaseResult(
        String workload,
        String implementation,
        int threads,
        long ops,
        double seconds,
        double serverCpuMicrosPerOp,
        double switchesPerOp,
        double serverBytesPerOp,
        double clientCpuShare,
        double serverCpuCores,
        double otherCores,
        boolean passed,
        String checks,
        String gc) {

    static final String PREFIX = "RESULT\t";

    double throughput() {
        return ops / seconds;
    }

    /** The same figures under another implementation label (a baseline case's child prints the plain one). */
    CaseResult as(String label) {
        return new CaseResult(workload, label, threads, ops, seconds, serverCpuMicrosPerOp, switchesPerOp,
                serverBytesPerOp, clientCpuShare, serverCpuCores, otherCores, passed, checks, gc);
    }

    static CaseResult failed(String workload, String implementation, int threads, String why) {
        return new CaseResult(workload, implementation, threads, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, false, "FAIL: " + why, "");
    }

    String toLine() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("workload", workload);
        fields.put("implementation", implementation);
        fields.put("threads", threads);
        fields.put("ops", ops);
        fields.put("seconds", seconds);
        fields.put("serverCpuMicrosPerOp", serverCpuMicrosPerOp);
        fields.put("switchesPerOp", switchesPerOp);
        fields.put("serverBytesPerOp", serverBytesPerOp);
        fields.put("clientCpuShare", clientCpuShare);
        fields.put("serverCpuCores", serverCpuCores);
        fields.put("otherCores", otherCores);
        fields.put("passed", passed);
        fields.put("checks", checks);
        fields.put("gc", gc);
        StringBuilder line = new StringBuilder(PREFIX);
        fields.forEach((name, value) -> line.append(name).append('=').append(clean(String.valueOf(value)))
                .append('\t'));
        return line.toString().stripTrailing();
    }

    static CaseResult parse(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : line.substring(PREFIX.length()).split("\t")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return new CaseResult(
                fields.get("workload"),
                fields.get("implementation"),
                Integer.parseInt(fields.get("threads")),
                Long.parseLong(fields.get("ops")),
                Double.parseDouble(fields.get("seconds")),
                Double.parseDouble(fields.get("serverCpuMicrosPerOp")),
                Double.parseDouble(fields.get("switchesPerOp")),
                Double.parseDouble(fields.get("serverBytesPerOp")),
                Double.parseDouble(fields.get("clientCpuShare")),
                Double.parseDouble(fields.get("serverCpuCores")),
                Double.parseDouble(fields.get("otherCores")),
                Boolean.parseBoolean(fields.get("passed")),
                fields.getOrDefault("checks", ""),
                fields.getOrDefault("gc", ""));
    }

    /** Values travel on one tab-separated line. */
    private static String clean(String value) {
        return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
