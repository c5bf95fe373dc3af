package io.wsk4j.benchmarks;

import io.wsk4j.Irp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

/**
 * One echo server in a JVM of its own for {@link IdleMain}: it starts the server, prints its addresses, then answers
 * the driver's commands on stdin, a line each, with one line on stdout:
 *
 * <ul>
 *   <li>{@code sockets}: {@code SOCKETS <n>}, the socket descriptors this process holds (listeners, accepted
 *       connections, the JDK's own), from {@code /proc/self/fd};
 *   <li>{@code heap}: three full GCs ({@code System.gc()}), then {@code HEAP <used heap bytes> <direct buffer bytes>
 *       <errors>};
 *   <li>{@code context}: {@code CONTEXT <bytes> <bytes>}, the heap of one {@link WskConnection} (the wsk4j echo
 *       servers' own context of a connection: its socket field, direct buffer, {@code WskBuf}) and of one IRP, as
 *       this JVM's runtime makes them: 10,000 of each held, three full GCs before and after;
 *   <li>{@code exit}: exits at once, without closing the connections (the driver resets them afterwards).
 * </ul>
 *
 * <p>It uses nothing of the benchmarks but {@link Implementation#of}, {@link Implementation#start},
 * {@link ServerTally}, {@link EchoServer} and {@link WskConnection}, which every build of the benchmarks has, so that the driver can run it
 * on another build's jar (a baseline) with only this class added to the class path.
 */
final class IdleServerMain {
    private IdleServerMain() {}

    public static void main(String[] args) throws Exception {
        String impl = "nio";
        int threads = 1;
        int ports = 16;
        for (String arg : args) {
            if (arg.startsWith("--impl=")) {
                impl = arg.substring("--impl=".length());
            } else if (arg.startsWith("--threads=")) {
                threads = Integer.parseInt(arg.substring("--threads=".length()));
            } else if (arg.startsWith("--ports=")) {
                ports = Integer.parseInt(arg.substring("--ports=".length()));
            } else {
                System.err.println("idle server: unknown argument " + arg);
                System.exit(2);
            }
        }
        ServerTally tally = new ServerTally();
        EchoServer server = Implementation.of(impl).start(threads, ports, tally);
        StringJoiner addresses = new StringJoiner(",", "ADDRESSES ", "");
        for (InetSocketAddress address : server.addresses()) {
            addresses.add(address.getAddress().getHostAddress() + ":" + address.getPort());
        }
        System.out.println(addresses);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            switch (line.trim()) {
                case "sockets" -> System.out.println("SOCKETS " + sockets());
                case "heap" -> {
                    long used = usedAfterGc();
                    System.out.println("HEAP " + used + " " + direct() + " " + tally.errors()
                            + (tally.errors() == 0 ? "" : " " + tally.firstError()));
                }
                case "context" -> {
                    int n = 10_000;
                    Object[] held = new Object[n];
                    long none = usedAfterGc();
                    for (int i = 0; i < n; i++) {
                        held[i] = new WskConnection();
                    }
                    long contexts = usedAfterGc();
                    for (int i = 0; i < n; i++) {
                        held[i] = Irp.allocate();
                    }
                    long irps = usedAfterGc();
                    System.out.println("CONTEXT " + (contexts - none) / n + " " + (irps - none) / n);
                }
                case "exit" -> {
                    System.out.flush();
                    Runtime.getRuntime().halt(0);
                }
                default -> System.out.println("ERROR unknown command " + line);
            }
            System.out.flush();
        }
        Runtime.getRuntime().halt(0); // the driver went away
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long sockets() throws IOException {
        long count = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                        count++;
                    }
                } catch (IOException gone) {
                    // closed meanwhile (the directory stream's own descriptor, for one)
                }
            }
        }
        return count;
    }

    private static long direct() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                return pool.getMemoryUsed();
            }
        }
        return -1;
    }
}
