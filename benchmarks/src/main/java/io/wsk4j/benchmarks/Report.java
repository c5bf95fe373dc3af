package io.wsk4j.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The results as a Markdown table (one row per case; with several rounds each figure is the median over them) and
 * as CSV (one row per run). Ratios divide by {@code nio} of the same workload and server threads: in the table the
 * medians, in the CSV the same round's.
 */
final class Report {
    /** Other processes using more than this many cores during a window: the row is marked as unreliable. */
    static final double BUSY_CORES = 0.2;
    static final String BUSY_MARK = "⚠";

    private final List<String> header;
    private final List<Run> runs;

    Report(List<String> header, List<Run> runs) {
        this.header = List.copyOf(header);
        this.runs = List.copyOf(runs);
    }

    boolean allPassed() {
        return runs.stream().allMatch(run -> run.result().passed());
    }

    String markdown() {
        Map<String, List<Run>> byCase = new LinkedHashMap<>();
        for (Run run : runs) {
            byCase.computeIfAbsent(key(run.spec()), k -> new ArrayList<>()).add(run);
        }
        StringBuilder md = new StringBuilder();
        for (String line : header) {
            md.append(line).append('\n');
        }
        md.append('\n');
        md.append("| workload | server threads | implementation | throughput | vs nio | server CPU µs/op"
                + " | CPU/op vs nio | ctx switches/op | server B/op | client CPU | server CPU | other load | checks |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (List<Run> same : byCase.values()) {
            CaseSpec spec = same.get(0).spec();
            double throughput = median(same, CaseResult::throughput);
            List<Run> nio = byCase.get(key(new CaseSpec(spec.workload(), Implementation.NIO, spec.threads())));
            double ratio = nio == null ? Double.NaN : throughput / median(nio, CaseResult::throughput);
            double cpu = median(same, CaseResult::serverCpuMicrosPerOp);
            // the server's efficiency: what throughput would be if the server, not the one client thread, were the
            // bottleneck (nio's CPU per op over this one's, so higher is better, as for throughput)
            double efficiency = nio == null ? Double.NaN : median(nio, CaseResult::serverCpuMicrosPerOp) / cpu;
            md.append("| ").append(spec.workload().label)
                    .append(" | ").append(spec.threads())
                    .append(" | ").append(spec.variant().label())
                    .append(" | ").append(throughputCell(same, spec.workload()))
                    .append(" | ").append(format("%.2f", ratio))
                    .append(" | ").append(format("%.1f", cpu))
                    .append(" | ").append(format("%.2f", efficiency))
                    .append(" | ").append(format("%.2f", median(same, CaseResult::switchesPerOp)))
                    .append(" | ").append(format("%,.0f", median(same, CaseResult::serverBytesPerOp)))
                    .append(" | ").append(format("%.0f%%", 100 * median(same, CaseResult::clientCpuShare)))
                    .append(" | ").append(format("%.2f", median(same, CaseResult::serverCpuCores)))
                    .append(" | ").append(otherLoadCell(median(same, CaseResult::otherCores)))
                    .append(" | ").append(checksCell(same).replace("|", "/"))
                    .append(" |\n");
        }
        return md.toString();
    }

    String csv() {
        StringBuilder csv = new StringBuilder("round,workload,server_threads,implementation,ops,seconds,"
                + "throughput_per_s,ratio_to_nio,server_cpu_us_per_op,cpu_efficiency_to_nio,ctx_switches_per_op,"
                + "server_bytes_per_op,"
                + "client_cpu_share,server_cpu_cores,other_cores,passed,checks,gc\n");
        for (Run run : runs) {
            CaseResult r = run.result();
            CaseResult nio = runs.stream()
                    .filter(other -> other.round() == run.round()
                            && other.spec().equals(new CaseSpec(run.spec().workload(), Implementation.NIO,
                                    run.spec().threads())))
                    .map(Run::result)
                    .findFirst().orElse(null);
            double nioThroughput = nio == null ? Double.NaN : nio.throughput();
            double nioCpu = nio == null ? Double.NaN : nio.serverCpuMicrosPerOp();
            csv.append(run.round()).append(',')
                    .append(r.workload()).append(',')
                    .append(r.threads()).append(',')
                    .append(run.spec().variant().label()).append(',')
                    .append(r.ops()).append(',')
                    .append(number(r.seconds())).append(',')
                    .append(number(r.throughput())).append(',')
                    .append(number(r.throughput() / nioThroughput)).append(',')
                    .append(number(r.serverCpuMicrosPerOp())).append(',')
                    .append(number(nioCpu / r.serverCpuMicrosPerOp())).append(',')
                    .append(number(r.switchesPerOp())).append(',')
                    .append(number(r.serverBytesPerOp())).append(',')
                    .append(number(r.clientCpuShare())).append(',')
                    .append(number(r.serverCpuCores())).append(',')
                    .append(number(r.otherCores())).append(',')
                    .append(r.passed()).append(',')
                    .append(quote(r.checks())).append(',')
                    .append(quote(r.gc())).append('\n');
        }
        return csv.toString();
    }

    private static String key(CaseSpec spec) {
        return spec.workload().label + "/" + spec.threads() + "/" + spec.variant().label();
    }

    private static String throughputCell(List<Run> same, Workload workload) {
        String median = format("%,.0f", median(same, CaseResult::throughput)) + " " + workload.unit + "/s";
        if (same.size() == 1) {
            return median;
        }
        double[] all = same.stream().mapToDouble(run -> run.result().throughput()).sorted().toArray();
        return median + " (" + format("%,.0f", all[0]) + "–" + format("%,.0f", all[all.length - 1]) + ")";
    }

    private static String otherLoadCell(double cores) {
        return format("%.2f", cores) + (cores > BUSY_CORES ? " " + BUSY_MARK : "");
    }

    private static String checksCell(List<Run> same) {
        for (Run run : same) {
            if (!run.result().passed()) {
                return "**" + run.result().checks() + "**" + (same.size() > 1 ? " (round " + run.round() + ")" : "");
            }
        }
        String last = same.get(same.size() - 1).result().checks();
        return same.size() > 1 ? last + " (every one of " + same.size() + " rounds)" : last;
    }

    /** The median of a figure over the runs that measured it; NaN if none did. */
    private static double median(List<Run> runs, ToDoubleFunction<CaseResult> figure) {
        double[] values = runs.stream().mapToDouble(run -> figure.applyAsDouble(run.result()))
                .filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String format(String pattern, double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : String.format(Locale.ROOT, pattern, value);
    }

    private static String number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** For the header: the distinct values of a per-run field. */
    static String distinct(List<Run> runs, Function<CaseResult, String> field) {
        return String.join(", ", runs.stream().map(run -> field.apply(run.result())).filter(s -> !s.isEmpty())
                .distinct().toList());
    }
}
