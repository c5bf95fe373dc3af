package io.wsk4j.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Idle connections: the heap an echo server holds per established, idle connection. For each count N and each
 * server, a fresh server JVM ({@link IdleServerMain}, the case JVM's options) and this JVM as its client:
 *
 * <ol>
 *   <li>warm-up: 32 connections, each one echo then a graceful close, so that the code paths are loaded;
 *   <li>the server's used heap after three full GCs, with no connection ({@code base});
 *   <li>N connections opened (blocking connects, round-robin over the server's ports), waited for until the server's
 *       process holds N more socket descriptors, then its heap again: every connection established and idle, the
 *       server waiting for data as its echo does (wsk4j: a receive pending; NIO: read interest; Netty: auto-read);
 *   <li>one 64-byte echo on every connection (checked), then its heap again: idle after some traffic;
 *   <li>with {@code --histogram=on}, the classes that grew most between 2 and 4 ({@code jcmd GC.class_histogram}).
 * </ol>
 *
 * <p>Bytes per connection are (heap with N - heap with none) / N, ratios divide by {@code nio} of the same N in the
 * same run. Direct buffer memory is shown apart: it is off the heap (the wsk4j servers' own 4 KiB receive buffer per
 * connection). Flags: {@code counts} (default 1000,10000), {@code impls} (default nio,wsk4j-raw,netty, and
 * wsk4j-raw@base with {@code baseline-jar}), {@code baseline-jar}, {@code baseline-label}, {@code ports} (16),
 * {@code histogram} (on, off), {@code top} (classes listed, 16), {@code results} (a directory), {@code jvm-arg}
 * (repeatable), {@code label}.
 *
 * <pre>java -cp benchmarks.jar io.wsk4j.benchmarks.IdleMain --counts=1000,10000</pre>
 */
final class IdleMain {
    private static final Set<String> FLAGS = Set.of("counts", "impls", "baseline-jar", "baseline-label", "ports",
            "histogram", "top", "results", "jvm-arg", "label");
    private static final int WARM_UP_CONNECTIONS = 32;
    private static final int MESSAGE = 64;
    private static final long WAIT_SECONDS = 120;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'");

    /** One server's figures at one N. */
    private record Row(int count, Variant variant, long baseHeap, long idleHeap, long echoedHeap, long baseDirect,
            long idleDirect, long context, long irp, String checks, List<String> topClasses) {
        double idlePerConnection() {
            return (double) (idleHeap - baseHeap) / count;
        }

        double echoedPerConnection() {
            return (double) (echoedHeap - baseHeap) / count;
        }

        /** Idle, less what the echo code itself keeps per connection (wsk4j: its context and its receive's IRP). */
        double runtimePerConnection() {
            return idlePerConnection() - context - irp;
        }

        double directPerConnection() {
            return (double) (idleDirect - baseDirect) / count;
        }
    }

    private IdleMain() {}

    public static void main(String[] args) throws Exception {
        Flags flags;
        try {
            flags = Flags.parse(args, FLAGS);
        } catch (IllegalArgumentException e) {
            System.err.println("idle: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(flags));
    }

    private static int run(Flags flags) throws Exception {
        String baselineFlag = flags.get("baseline-jar", "");
        Path baselineJar = baselineFlag.isEmpty() ? null : Path.of(baselineFlag).toAbsolutePath();
        List<String> defaults = new ArrayList<>(List.of("nio", "wsk4j-raw", "netty"));
        if (baselineJar != null) {
            defaults.add("wsk4j-raw" + Variant.BASELINE_SUFFIX);
        }
        List<Variant> variants = flags.list("impls", defaults).stream().map(Variant::of).toList();
        if (baselineJar == null && variants.stream().anyMatch(Variant::baseline)) {
            System.err.println("idle: an @base server needs --baseline-jar");
            return 2;
        }
        List<Integer> counts = flags.list("counts", List.of("1000", "10000")).stream().map(Integer::parseInt)
                .toList();
        int ports = flags.integer("ports", 16);
        boolean histogram = !flags.get("histogram", "on").equals("off");
        int top = flags.integer("top", 16);
        Path results = Path.of(flags.get("results", "benchmarks/results")).toAbsolutePath();
        Path jar = ownJar();
        Path overlay = baselineJar == null ? null : overlay(jar);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);

        List<Row> rows = new ArrayList<>();
        for (int count : counts) {
            for (Variant variant : variants) {
                System.err.printf("idle: %s, %,d connections%n", variant.label(), count);
                List<String> command = new ArrayList<>(List.of(java.toString()));
                command.addAll(CaseProcess.JVM_ARGS);
                command.addAll(flags.all("jvm-arg"));
                String classPath = variant.baseline()
                        ? baselineJar + File.pathSeparator + overlay : jar.toString();
                command.addAll(List.of("-cp", classPath, IdleServerMain.class.getName(),
                        "--impl=" + variant.implementation().label, "--threads=1", "--ports=" + ports));
                Row row = measure(command, variant, count, histogram, top);
                System.err.printf(Locale.ROOT, "idle: %s, %,d connections: %.0f B/conn idle, %.0f after an echo,"
                        + " %s%n", variant.label(), count, row.idlePerConnection(), row.echoedPerConnection(),
                        row.checks());
                rows.add(row);
            }
        }
        String markdown = markdown(rows, started, flags, baselineJar);
        Files.createDirectories(results);
        Path md = results.resolve("idle-" + FILE_TIME.format(started) + ".md");
        Files.writeString(md, markdown);
        System.out.println(markdown);
        System.out.println("Written: " + md);
        return rows.stream().allMatch(r -> r.checks().equals("pass")) ? 0 : 1;
    }

    private static Row measure(List<String> command, Variant variant, int count, boolean histogram, int topClasses)
            throws Exception {
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Lines lines = new Lines(server.getInputStream());
        PrintWriter commands = new PrintWriter(new OutputStreamWriter(server.getOutputStream(),
                StandardCharsets.UTF_8), true);
        List<SocketChannel> channels = new ArrayList<>(count);
        try {
            String[] listed = lines.expect("ADDRESSES ").split(",");
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (String address : listed) {
                int colon = address.lastIndexOf(':');
                addresses.add(new InetSocketAddress(address.substring(0, colon),
                        Integer.parseInt(address.substring(colon + 1))));
            }
            for (int i = 0; i < WARM_UP_CONNECTIONS; i++) {
                try (SocketChannel channel = SocketChannel.open(addresses.get(i % addresses.size()))) {
                    echo(channel, i);
                    channel.shutdownOutput();
                    if (channel.read(ByteBuffer.allocate(1)) != -1) {
                        throw new IllegalStateException("warm-up: bytes after the echo instead of EOF");
                    }
                }
            }
            Thread.sleep(500); // the server's closes
            long sockets = sockets(commands, lines);
            long[] base = heap(commands, lines);
            Map<String, long[]> before = histogram ? histogram(server.pid()) : Map.of();

            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open(addresses.get(i % addresses.size()));
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channels.add(channel);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            long held;
            while ((held = sockets(commands, lines)) < sockets + count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the server holds " + (held - sockets) + " of " + count
                            + " connections after " + WAIT_SECONDS + " s");
                }
                Thread.sleep(50);
            }
            Thread.sleep(500); // the last accepts' events (a receive posted)
            long[] idle = heap(commands, lines);

            for (int i = 0; i < count; i++) {
                echo(channels.get(i), i);
            }
            long[] echoed = heap(commands, lines);
            List<String> top = histogram ? grown(before, histogram(server.pid()), count, topClasses) : List.of();
            long[] own = {0, 0};
            if (variant.implementation() != Implementation.NIO && variant.implementation() != Implementation.NETTY) {
                commands.println("context");
                String[] fields = lines.expect("CONTEXT ").split(" ");
                own = new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
            }
            long errors = Math.max(Math.max(base[2], idle[2]), echoed[2]);
            String checks = errors == 0 ? "pass" : "FAIL: the server reported " + errors + " errors";
            return new Row(count, variant, base[0], idle[0], echoed[0], base[1], idle[1], own[0], own[1], checks,
                    top);
        } catch (Exception e) {
            System.err.println("idle: " + variant.label() + " at " + count + " broke: " + e);
            return new Row(count, variant, 0, 0, 0, 0, 0, 0, 0, "FAIL: " + e, List.of());
        } finally {
            commands.println("exit");
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly(); // the process this method started
                server.waitFor(10, TimeUnit.SECONDS);
            }
            for (SocketChannel channel : channels) { // a reset each: nothing left in TIME_WAIT for the next server
                try {
                    channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                    channel.close();
                } catch (IOException ignored) {
                    // the server is gone already
                }
            }
        }
    }

    /** One 64-byte request and its echo, every byte checked. */
    private static void echo(SocketChannel channel, int seed) throws IOException {
        byte[] request = new byte[MESSAGE];
        for (int i = 0; i < MESSAGE; i++) {
            request[i] = (byte) (seed * 31 + i * 7);
        }
        ByteBuffer out = ByteBuffer.wrap(request);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer in = ByteBuffer.allocate(MESSAGE);
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new IOException("EOF before the echo was complete");
            }
        }
        if (!Arrays.equals(in.array(), request)) {
            throw new IOException("the echo differs from the request");
        }
    }

    private static long sockets(PrintWriter commands, Lines lines) throws Exception {
        commands.println("sockets");
        return Long.parseLong(lines.expect("SOCKETS ").trim());
    }

    /** {used heap, direct bytes, errors} after three full GCs. */
    private static long[] heap(PrintWriter commands, Lines lines) throws Exception {
        commands.println("heap");
        String[] fields = lines.expect("HEAP ").split(" ");
        return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2])};
    }

    /** Class name to {instances, bytes}, live objects ({@code jcmd <pid> GC.class_histogram}, itself a full GC). */
    private static Map<String, long[]> histogram(long pid) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        Map<String, long[]> classes = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(jcmd.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                }
            }
        }
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
        return classes;
    }

    /** The classes that grew most, with bytes and instances per connection. */
    private static List<String> grown(Map<String, long[]> before, Map<String, long[]> after, int count, int limit) {
        Map<String, long[]> delta = new LinkedHashMap<>();
        after.forEach((name, a) -> {
            long[] b = before.getOrDefault(name, new long[2]);
            delta.put(name, new long[] {a[0] - b[0], a[1] - b[1]});
        });
        long total = delta.values().stream().mapToLong(d -> d[1]).sum();
        List<String> top = new ArrayList<>();
        delta.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1]))
                .limit(limit)
                .forEach(e -> top.add(String.format(Locale.ROOT, "%6.0f B %6.2f× %s", (double) e.getValue()[1] / count,
                        (double) e.getValue()[0] / count, e.getKey())));
        top.add(String.format(Locale.ROOT, "%6.0f B in all (live objects, histogram after the echo)",
                (double) total / count));
        return top;
    }

    private static String markdown(List<Row> rows, ZonedDateTime started, Flags flags, Path baselineJar) {
        StringBuilder md = new StringBuilder("# Idle connections: heap per connection, "
                + DateTimeFormatter.ISO_INSTANT.format(started) + "\n\n");
        String label = flags.get("label", "");
        if (!label.isEmpty()) {
            md.append("- build: ").append(label).append('\n');
        }
        if (baselineJar != null) {
            String baselineLabel = flags.get("baseline-label", "");
            md.append("- `@base`: the server from `").append(baselineJar).append('`')
                    .append(baselineLabel.isEmpty() ? "" : " (" + baselineLabel + ")").append('\n');
        }
        md.append("- each server in a fresh JVM: `java ").append(String.join(" ", CaseProcess.JVM_ARGS))
                .append(flags.all("jvm-arg").isEmpty() ? "" : " " + String.join(" ", flags.all("jvm-arg")))
                .append("`, JDK ").append(System.getProperty("java.version")).append(", one I/O thread, ")
                .append(flags.integer("ports", 16)).append(" ports; the client in the driver's JVM\n");
        md.append("- heap: used heap after 3 × System.gc() (MemoryMXBean), with N connections minus with none, / N;"
                + " direct: the JDK's direct buffer pool, the same way\n\n");
        md.append("- the echo code's own: what the server's code (not the runtime, the JDK or Netty) keeps per idle"
                + " connection: for wsk4j its `WskConnection` (socket field, 4 KiB direct buffer, `WskBuf`) and the IRP"
                + " of its pending receive, measured in the server's JVM (10,000 of each, after GCs); 0 for `nio`"
                + " (one buffer per loop) and `netty` (one shared handler). Without it: the rest, the runtime's or"
                + " library's and the JDK's\n\n");
        md.append("| N | server | heap B/conn, idle | vs nio | heap B/conn, idle after one echo | vs nio"
                + " | echo code's own (context + IRP) | without it | without it - nio | direct B/conn | heap with none"
                + " | checks |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            Row nio = rows.stream().filter(r -> r.count() == row.count()
                    && r.variant().equals(Variant.of(Implementation.NIO))).findFirst().orElse(null);
            md.append(String.format(Locale.ROOT, "| %,d | %s | %,.0f | %s | %,.0f | %s | %,d + %,d | %,.0f | %s"
                    + " | %,.0f | %.1f MB | %s |%n",
                    row.count(), row.variant().label(), row.idlePerConnection(),
                    nio == null ? "–" : String.format(Locale.ROOT, "%.2f",
                            row.idlePerConnection() / nio.idlePerConnection()),
                    row.echoedPerConnection(),
                    nio == null ? "–" : String.format(Locale.ROOT, "%.2f",
                            row.echoedPerConnection() / nio.echoedPerConnection()),
                    row.context(), row.irp(), row.runtimePerConnection(),
                    nio == null ? "–" : String.format(Locale.ROOT, "%+,.0f",
                            row.runtimePerConnection() - nio.runtimePerConnection()),
                    row.directPerConnection(), row.baseHeap() / 1e6, row.checks()));
        }
        for (Row row : rows) {
            if (!row.topClasses().isEmpty()) {
                md.append("\n`").append(row.variant().label()).append("`, N = ")
                        .append(String.format(Locale.ROOT, "%,d", row.count()))
                        .append(": the classes that grew most, per connection (bytes, instances)\n\n```\n");
                row.topClasses().forEach(line -> md.append(line).append('\n'));
                md.append("```\n");
            }
        }
        return md.toString();
    }

    /**
     * {@link IdleServerMain}'s classes alone, copied out of this jar into a temporary directory: put after another
     * build's jar on the class path, they run that build's servers.
     */
    private static Path overlay(Path jar) throws IOException {
        Path dir = Files.createTempDirectory("wsk4j-idle-");
        String prefix = IdleServerMain.class.getName().replace('.', '/');
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
                    Path target = dir.resolve(entry.getName());
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        dir.toFile().deleteOnExit();
        return dir;
    }

    private static Path ownJar() throws URISyntaxException {
        return Path.of(IdleMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The server's stdout, a line at a time, read on a daemon thread so that every wait is bounded. */
    private static final class Lines {
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

        Lines(InputStream in) {
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        queue.add(line);
                    }
                } catch (IOException ignored) {
                    // the server is gone
                }
                queue.add("\u0000EOF");
            }, "idle-server-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        String expect(String prefix) throws Exception {
            while (true) {
                String line = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                if (line == null || line.equals("\u0000EOF")) {
                    throw new IllegalStateException("the server said nothing starting with '" + prefix.trim()
                            + "' (" + (line == null ? "timed out" : "it exited") + ")");
                }
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
                System.err.println("idle server: " + line);
            }
        }
    }
}
