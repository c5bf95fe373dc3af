package io.wsk4j.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * One case in this JVM (the {@link Runner} starts a fresh JVM for each): start the server, drive it with the load
 * client on a thread of its own, check both sides, print one {@link CaseResult} line on stdout, stop the server.
 * Exit status 0 if every check passed, 1 if one failed, 2 for bad flags, 3 if the case broke.
 *
 * <pre>java -cp benchmarks.jar io.wsk4j.benchmarks.CaseMain --workload=pingpong --impl=nio --threads=1</pre>
 */
final class CaseMain {
    static final Set<String> FLAGS = Set.of("workload", "impl", "threads", "warmup", "measure", "connections",
            "ports");
    static final double DEFAULT_WARMUP = 6;
    static final double DEFAULT_MEASURE = 8;
    static final int DEFAULT_CONNECTIONS = 64;
    static final int DEFAULT_PORTS = 16;
    /** Beyond warm-up and measurement: the client's drain and stall limits, with room to spare. */
    private static final long CLIENT_SLACK_SECONDS = 30;

    private CaseMain() {}

    public static void main(String[] args) {
        int status;
        try {
            status = run(Flags.parse(args, FLAGS));
        } catch (IllegalArgumentException e) {
            System.err.println("case: " + e.getMessage());
            status = 2;
        } catch (Throwable e) {
            System.err.println("case: broke");
            e.printStackTrace();
            status = 3;
        }
        System.exit(status); // also ends whatever thread a failed server left behind
    }

    private static int run(Flags flags) throws Exception {
        Workload workload = Workload.of(flags.get("workload", "pingpong"));
        Implementation implementation = Implementation.of(flags.get("impl", "nio"));
        int threads = flags.integer("threads", 1);
        double warmup = flags.seconds("warmup", DEFAULT_WARMUP);
        double measure = flags.seconds("measure", DEFAULT_MEASURE);
        int connections = flags.integer("connections", DEFAULT_CONNECTIONS);
        int ports = flags.integer("ports", DEFAULT_PORTS);
        if (threads < 1 || connections < 1 || ports < 1) {
            throw new IllegalArgumentException("--threads, --connections and --ports must be at least 1");
        }
        String name = workload.label + " " + implementation.label + " " + threads + "t";

        ServerTally tally = new ServerTally();
        EchoServer server = implementation.start(threads, ports, tally);
        LoadClient client = new LoadClient(workload, server.addresses(), connections, nanos(warmup), nanos(measure));
        FutureTask<ClientOutcome> task = new FutureTask<>(client::run);
        Thread clientThread = new Thread(task, "load-client");
        clientThread.setDaemon(true);
        System.err.printf("case %s: %d connections over %d ports, warm-up %.1f s, measurement %.1f s%n", name,
                connections, ports, warmup, measure);
        clientThread.start();
        ClientOutcome outcome;
        try {
            outcome = task.get((long) Math.ceil(warmup + measure) + CLIENT_SLACK_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            outcome = new ClientOutcome(workload, "the client did not finish in time", 0, 0, 0, connections, null);
        } catch (ExecutionException e) {
            outcome = new ClientOutcome(workload, "the client broke: " + e.getCause(), 0, 0, 0, connections, null);
        }
        Verdict verdict = Verdict.of(outcome, tally);
        CaseResult result = result(workload, implementation, threads, outcome, verdict);
        System.out.println(result.toLine());
        System.out.flush();
        long errorsBefore = tally.errors();
        server.close();
        if (tally.errors() > errorsBefore) {
            System.err.println("case " + name + ": warning: stopping the server reported " + tally.firstError());
        }
        System.err.printf("case %s: %s%n", name, verdict.summary());
        return verdict.passed() ? 0 : 1;
    }

    private static CaseResult result(Workload workload, Implementation implementation, int threads,
            ClientOutcome outcome, Verdict verdict) {
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining("+"));
        Usage.Consumption w = outcome.window();
        if (w == null || outcome.measuredOps() == 0) {
            String why = verdict.passed() ? "FAIL: no op completed in the measurement window" : verdict.summary();
            return new CaseResult(workload.label, implementation.label, threads, 0, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, why, gc);
        }
        double ops = outcome.measuredOps();
        double wall = w.wallNanos();
        return new CaseResult(workload.label, implementation.label, threads, outcome.measuredOps(), wall / 1e9,
                w.serverCpuNanos() / 1e3 / ops,
                w.serverSwitches() < 0 ? Double.NaN : w.serverSwitches() / ops,
                w.serverAllocatedBytes() / ops,
                w.clientCpuNanos() / wall,
                w.serverCpuNanos() / wall,
                w.otherCores(),
                verdict.passed(), verdict.summary(), gc);
    }

    private static long nanos(double seconds) {
        return (long) (seconds * 1e9);
    }
}
