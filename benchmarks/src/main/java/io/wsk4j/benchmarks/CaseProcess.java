package io.wsk4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one case in a fresh JVM, in its own network namespace if asked, and reads its {@link CaseResult} line. The
 * child's stdout goes to a file, so that a hung child cannot block the runner: it waits a bounded time, then kills
 * it (it is the process this class started).
 */
final class CaseProcess {
    /** As the brief of every case says: a fixed, pre-touched heap, so that heap growth is no part of any figure. */
    static final List<String> JVM_ARGS = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch",
            // Netty's leak detector samples buffers and records stacks; production tuning (and Netty's own
            // benchmarks) turn it off. Inert for the other implementations.
            "-Dio.netty.leakDetection.level=disabled");
    /** Beyond warm-up and measurement: JVM start with a pre-touched heap, drain, checks, shutdown. */
    private static final long SLACK_SECONDS = 90;

    private final Path java;
    private final Path jar;
    /** Another build's benchmarks jar, for the {@code @base} cases; null if none. */
    private final Path baselineJar;
    private final List<String> extraJvmArgs;
    private final boolean netns;
    private final List<String> caseFlags;

    CaseProcess(Path java, Path jar, Path baselineJar, List<String> extraJvmArgs, boolean netns,
            List<String> caseFlags) {
        this.java = java;
        this.jar = jar;
        this.baselineJar = baselineJar;
        this.extraJvmArgs = List.copyOf(extraJvmArgs);
        this.netns = netns;
        this.caseFlags = List.copyOf(caseFlags);
    }

    List<String> command(CaseSpec spec) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_ARGS);
        command.addAll(extraJvmArgs);
        if (spec.variant().baseline() && baselineJar == null) {
            throw new IllegalArgumentException(spec.name() + " needs --baseline-jar (BASELINE_JAR for run.sh)");
        }
        // a baseline case runs the other jar's own CaseMain, with the plain label: the same command but the jar
        Path caseJar = spec.variant().baseline() ? baselineJar : jar;
        command.addAll(List.of("-cp", caseJar.toString(), CaseMain.class.getName(),
                "--workload=" + spec.workload().label,
                "--impl=" + spec.implementation().label,
                "--threads=" + spec.threads()));
        command.addAll(caseFlags);
        return netns ? Netns.wrap(command) : command;
    }

    CaseResult run(CaseSpec spec, double warmup, double measure) throws IOException, InterruptedException {
        Path out = Files.createTempFile("wsk4j-case-", ".out");
        try {
            Process child = new ProcessBuilder(command(spec))
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            long limit = (long) Math.ceil(warmup + measure) + SLACK_SECONDS;
            if (!child.waitFor(limit, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
                return failed(spec, "the case JVM did not finish within " + limit + " s and was killed");
            }
            CaseResult result = null;
            for (String line : Files.readAllLines(out)) {
                if (line.startsWith(CaseResult.PREFIX)) {
                    result = CaseResult.parse(line);
                } else if (!line.isBlank()) {
                    System.err.println("case stdout: " + line);
                }
            }
            int status = child.exitValue();
            if (result == null) {
                return failed(spec, "the case JVM exited " + status + " without a result (its stderr is above)");
            }
            if (status != 0 && result.passed()) {
                return failed(spec, "the case JVM exited " + status + " after printing a passing result");
            }
            // the child names its implementation without @base: the row is the spec's
            return result.as(spec.variant().label());
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static CaseResult failed(CaseSpec spec, String why) {
        return CaseResult.failed(spec.workload().label, spec.variant().label(), spec.threads(), why);
    }
}
