package io.wsk4j.benchmarks;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the case matrix, each case in a fresh JVM ({@link CaseProcess}), the cases of one workload back to back so
 * that its ratios compare runs made under the same conditions; then prints the Markdown table and writes it with a
 * CSV to the results directory. Exit status 1 if any case failed a check, 2 for bad flags.
 *
 * <p>Flags (all {@code --name=value}): {@code workloads}, {@code impls}, {@code threads} (comma lists; threads
 * replaces every selected workload's default thread counts), {@code warmup}, {@code measure} (seconds),
 * {@code rounds}, {@code connections}, {@code ports}, {@code netns} (auto, on, off), {@code results} (a
 * directory), {@code jar}, {@code jvm-arg} (repeatable), {@code label} (free text for the header, e.g. the commit),
 * {@code baseline-jar} (another build's benchmarks jar: adds {@code wsk4j-raw@base} and {@code wsk4j-glue@base} to
 * the default cases, and lets {@code impls} name {@code <impl>@base}) and {@code baseline-label} (its header text).
 */
final class Runner {
    private static final Set<String> FLAGS = Set.of("workloads", "impls", "threads", "warmup", "measure", "rounds",
            "connections", "ports", "netns", "results", "jar", "jvm-arg", "label", "baseline-jar", "baseline-label");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'");

    private Runner() {}

    public static void main(String[] args) throws Exception {
        Flags flags;
        try {
            flags = Flags.parse(args, FLAGS);
        } catch (IllegalArgumentException e) {
            System.err.println("runner: " + e.getMessage());
            System.exit(2);
            return;
        }
        int status;
        try {
            status = run(flags);
        } catch (IllegalArgumentException e) {
            System.err.println("runner: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    private static int run(Flags flags) throws IOException, InterruptedException, URISyntaxException {
        List<Workload> workloads = flags.list("workloads",
                Arrays.stream(Workload.values()).map(w -> w.label).toList()).stream().map(Workload::of).toList();
        String baselineFlag = flags.get("baseline-jar", "");
        Path baselineJar = baselineFlag.isEmpty() ? null : Path.of(baselineFlag).toAbsolutePath();
        if (baselineJar != null && !Files.isRegularFile(baselineJar)) {
            System.err.println("runner: --baseline-jar: no such file " + baselineJar);
            return 2;
        }
        List<Variant> variants = flags.list("impls", Variant.defaults(baselineJar != null)).stream()
                .map(Variant::of).toList();
        if (baselineJar == null && variants.stream().anyMatch(Variant::baseline)) {
            System.err.println("runner: an @base case needs --baseline-jar (BASELINE_JAR for run.sh)");
            return 2;
        }
        List<String> threadsFlag = flags.list("threads", null);
        double warmup = flags.seconds("warmup", CaseMain.DEFAULT_WARMUP);
        double measure = flags.seconds("measure", CaseMain.DEFAULT_MEASURE);
        int rounds = flags.integer("rounds", 1);
        int connections = flags.integer("connections", CaseMain.DEFAULT_CONNECTIONS);
        int ports = flags.integer("ports", CaseMain.DEFAULT_PORTS);
        String netnsFlag = flags.get("netns", "auto");
        if (!Set.of("auto", "on", "off").contains(netnsFlag) || rounds < 1) {
            System.err.println("runner: --netns is auto, on or off, and --rounds at least 1");
            return 2;
        }
        boolean netns = !netnsFlag.equals("off") && Netns.available();
        if (netnsFlag.equals("on") && !netns) {
            System.err.println("runner: --netns=on, but 'unshare -n sh -c \"ip link set lo up\"' does not work here");
            return 2;
        }
        Path results = Path.of(flags.get("results", "benchmarks/results")).toAbsolutePath();
        Path jar = Path.of(flags.get("jar", ownJar().toString()));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        CaseProcess process = new CaseProcess(java, jar, baselineJar, flags.all("jvm-arg"), netns, List.of(
                "--warmup=" + warmup, "--measure=" + measure,
                "--connections=" + connections, "--ports=" + ports));

        List<List<CaseSpec>> plan = new ArrayList<>();
        int total = 0;
        for (Workload workload : workloads) {
            List<Integer> threads = threadsFlag == null ? CaseSpec.defaultThreads(workload)
                    : threadsFlag.stream().map(Integer::parseInt).toList();
            for (int round = 0; round < rounds; round++) {
                List<CaseSpec> cases = CaseSpec.of(workload, variants, threads, round);
                plan.add(cases);
                total += cases.size();
            }
        }
        System.err.printf("runner: %d case runs, each %.1f s warm-up + %.1f s measured in a fresh JVM, %s%n", total,
                warmup, measure, netns ? "each in its own network namespace" : "on the shared loopback");

        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
        List<Run> runs = new ArrayList<>();
        int done = 0;
        for (int i = 0; i < plan.size(); i++) {
            int round = i % rounds + 1;
            for (CaseSpec spec : plan.get(i)) {
                System.err.printf("runner: [%d/%d] %s%s%n", ++done, total, spec.name(),
                        rounds > 1 ? " (round " + round + ")" : "");
                CaseResult result = process.run(spec, warmup, measure);
                if (!result.passed()) {
                    System.err.println("runner: ######## " + spec.name() + " FAILED: " + result.checks());
                }
                runs.add(new Run(spec, round, result));
            }
        }

        Report report = new Report(header(started, netns, warmup, measure, rounds, connections, ports, flags, runs),
                runs);
        String markdown = report.markdown();
        Files.createDirectories(results);
        String stamp = FILE_TIME.format(started);
        Path md = results.resolve(stamp + ".md");
        Path csv = results.resolve(stamp + ".csv");
        Files.writeString(md, markdown);
        Files.writeString(csv, report.csv());
        System.out.println(markdown);
        System.out.println("Written: " + md);
        System.out.println("         " + csv);
        if (!report.allPassed()) {
            System.out.println("SOME CASES FAILED (see the checks column): exit status 1");
            return 1;
        }
        return 0;
    }

    private static List<String> header(ZonedDateTime started, boolean netns, double warmup, double measure,
            int rounds, int connections, int ports, Flags flags, List<Run> runs) {
        List<String> lines = new ArrayList<>();
        lines.add("# wsk4j echo benchmarks, " + DateTimeFormatter.ISO_INSTANT.format(started));
        lines.add("");
        String label = flags.get("label", "");
        if (!label.isEmpty()) {
            lines.add("- build: " + label);
        }
        String baseline = flags.get("baseline-jar", "");
        if (!baseline.isEmpty()) {
            String baselineLabel = flags.get("baseline-label", "");
            lines.add("- `@base` cases: the same case from another build's jar, `" + baseline + "`"
                    + (baselineLabel.isEmpty() ? "" : " (" + baselineLabel + ")")
                    + "; vs nio divides by this run's `nio`");
        }
        lines.add("- each case in a fresh JVM: `java " + String.join(" ", CaseProcess.JVM_ARGS)
                + (flags.all("jvm-arg").isEmpty() ? "" : " " + String.join(" ", flags.all("jvm-arg")))
                + "`, JDK " + System.getProperty("java.version") + ", GC " + Report.distinct(runs, CaseResult::gc)
                + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        lines.add("- network: " + (netns
                ? "each case in its own network namespace (`unshare -n`, loopback up), 127.0.0.1"
                : "the host's loopback, 127.0.0.1 (no fresh network namespace: `unshare -n` unavailable or off)"));
        lines.add(String.format(Locale.ROOT, "- load: one client thread (NIO selector), %d connections in"
                + " flight over %d server ports, %d-byte requests; warm-up %.1f s, measurement %.1f s%s",
                connections, ports, Payload.SIZE, warmup, measure,
                rounds > 1 ? ", " + rounds + " rounds interleaved (figures are medians, throughput with its range)"
                        : ""));
        lines.add("- server figures are the process minus the load client thread, per op (conn = a whole"
                + " connection, rt = a round trip); client CPU is the load thread's share of one core; other load is"
                + " what other processes of the machine used meanwhile, in cores (" + Report.BUSY_MARK
                + " above " + Report.BUSY_CORES + ": that row was measured on a busy machine)");
        return lines;
    }

    /** The jar this class was loaded from: the cases run from the same one. */
    private static Path ownJar() throws URISyntaxException {
        return Path.of(Runner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
