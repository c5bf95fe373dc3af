package io.wsk4j.benchmarks;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import io.wsk4j.WskListenSocket;
import io.wsk4j.examples.echo.EchoServer;
import io.wsk4j.sim.SimPeer;
import io.wsk4j.sim.WskSimulation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The echo example ({@code io.wsk4j.examples.echo.EchoServer}, two receives in flight per connection, graceful
 * disconnect at the peer's FIN, then close) over N connections, once on the simulated network
 * ({@link WskSimulation#seeded(long)}, peers from {@code sim.connect}) and once on loopback with the NIO provider
 * (one I/O thread; plain blocking {@link Socket} peers on {@code concurrency} client threads). Every connection is a
 * whole one: connect, send {@code bytes} of its own pseudo-random payload, FIN, read the echo to end-of-stream (every
 * byte compared), close; the server must report each connection echoed in full, its disconnect and its close
 * SUCCESS. At most {@code concurrency} connections are in flight on either side.
 *
 * <p>It first runs both with {@code warmup} connections (untimed, so that the JIT has compiled both paths: with 1,000
 * the compiler threads still took most of the CPU during the timed runs), then
 * times each: from the first connect to the last connection checked, the listener's set-up and the provider's close
 * outside; with each, the process's CPU time meanwhile (the simulation runs on this one thread; on loopback the
 * client threads, the I/O thread and the kernel's TCP work share the cores). Flags: {@code connections} (10000),
 * {@code bytes} (4096), {@code concurrency} (16), {@code seed} (42), {@code warmup} (10000), {@code only}
 * (simulated or loopback: that one alone, untimed, for a profiler). Exit status 1 if a check failed.
 *
 * <pre>java -cp benchmarks.jar io.wsk4j.benchmarks.SimVsLoopbackMain --connections=10000</pre>
 */
final class SimVsLoopbackMain {
    private static final Set<String> FLAGS = Set.of("connections", "bytes", "concurrency", "seed", "warmup",
            "only");
    private static final long WAIT_SECONDS = 120;

    private final int bytes;
    private final int concurrency;
    private final long seed;

    private SimVsLoopbackMain(int bytes, int concurrency, long seed) {
        this.bytes = bytes;
        this.concurrency = concurrency;
        this.seed = seed;
    }

    public static void main(String[] args) throws Exception {
        Flags flags;
        try {
            flags = Flags.parse(args, FLAGS);
        } catch (IllegalArgumentException e) {
            System.err.println("sim-vs-loopback: " + e.getMessage());
            System.exit(2);
            return;
        }
        int connections = flags.integer("connections", 10_000);
        int warmup = flags.integer("warmup", 10_000);
        String only = flags.get("only", "");
        if (!Set.of("", "simulated", "loopback").contains(only)) {
            System.err.println("sim-vs-loopback: --only is simulated or loopback");
            System.exit(2);
            return;
        }
        boolean simulation = !only.equals("loopback");
        boolean loopbacks = !only.equals("simulated");
        SimVsLoopbackMain run = new SimVsLoopbackMain(flags.integer("bytes", 4096),
                flags.integer("concurrency", 16), Long.parseLong(flags.get("seed", "42")));
        System.out.printf(Locale.ROOT, "echo example, %,d connections of %,d bytes each way, at most %d in flight;"
                + " JDK %s, %d cores%n", connections, run.bytes, run.concurrency, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        if (warmup > 0) {
            if (simulation) {
                run.simulated(warmup);
            }
            if (loopbacks) {
                run.loopback(warmup);
            }
            System.out.printf(Locale.ROOT, "warm-up: %,d connections on each, untimed%n", warmup);
        }
        long cpu = processCpu();
        if (!simulation) {
            run.loopback(connections); // for a profiler: the timed run alone
            return;
        }
        long simulated = run.simulated(connections);
        long simulatedCpu = processCpu() - cpu;
        System.out.printf(Locale.ROOT, "simulated (WskSimulation.seeded(%d)): %,d connections in %,.0f ms"
                + " (process CPU %,.0f ms)%n", run.seed, connections, simulated / 1e6, simulatedCpu / 1e6);
        if (!loopbacks) {
            return;
        }
        cpu = processCpu();
        long loopback = run.loopback(connections);
        long loopbackCpu = processCpu() - cpu;
        System.out.printf(Locale.ROOT, "loopback (NIO provider, 1 I/O thread, %d client threads): %,d connections in"
                + " %,.0f ms (process CPU %,.0f ms, kernel included)%n", run.concurrency, connections, loopback / 1e6,
                loopbackCpu / 1e6);
        System.out.printf(Locale.ROOT, "loopback / simulated: %.2f (the simulation is %.2f× as fast)%n",
                (double) loopback / simulated, (double) loopback / simulated);
    }

    /** This process's CPU time so far, every thread, user and kernel. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Connection {@code i}'s payload, the same on both networks. */
    private byte[] payload(int i) {
        byte[] data = new byte[bytes];
        new SplittableRandom(seed * 1_000_003L + i).nextBytes(data);
        return data;
    }

    /** A simulated peer in flight and what it sent. */
    private record Flight(SimPeer peer, byte[] sent) {}

    /** Nanoseconds for {@code count} connections on a fresh simulation. */
    private long simulated(int count) {
        WskSimulation sim = WskSimulation.seeded(seed);
        EchoServer server = EchoServer.create();
        EchoServer.Listener listener = server.listen(sim.provider(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 7000), "echo");
        sim.runUntilIdle();
        WskListenSocket listening = listener.socket().getNow(null);
        if (listening == null) {
            throw new IllegalStateException("simulated: the listen did not complete");
        }
        SocketAddress address = localAddress(listening, sim);
        long started = System.nanoTime();
        List<Flight> flights = new ArrayList<>(concurrency);
        int next = 0;
        int done = 0;
        int closed = 0;
        while (done < count) {
            while (flights.size() < concurrency && next < count) {
                byte[] sent = payload(next++);
                SimPeer peer = sim.connect(address);
                peer.write(sent);
                peer.shutdownOutput();
                flights.add(new Flight(peer, sent));
            }
            sim.runUntilIdle();
            int before = done;
            for (Iterator<Flight> it = flights.iterator(); it.hasNext(); ) {
                Flight flight = it.next();
                SimPeer.Ending ending = flight.peer().ending();
                if (ending == SimPeer.Ending.OPEN) {
                    continue;
                }
                if (ending != SimPeer.Ending.EOF || !Arrays.equals(flight.peer().received(), flight.sent())) {
                    throw new IllegalStateException("simulated: " + flight.peer() + " ended " + ending + " after "
                            + flight.peer().receivedCount() + " of " + bytes + " bytes, or they differ; "
                            + sim.replay());
                }
                flight.peer().close();
                it.remove();
                done++;
            }
            closed += checkClosed(server, "simulated");
            if (done == before) { // nothing ended without timers: let virtual time pass, bounded
                sim.runFor(Duration.ofSeconds(1));
                if (flights.stream().allMatch(f -> f.peer().ending() == SimPeer.Ending.OPEN)) {
                    throw new IllegalStateException("simulated: " + flights.size() + " connections stalled; "
                            + sim.replay());
                }
            }
        }
        sim.runUntilIdle();
        closed += checkClosed(server, "simulated");
        long elapsed = System.nanoTime() - started;
        if (closed != count) {
            throw new IllegalStateException("simulated: the server closed " + closed + " of " + count);
        }
        server.stopListening(listener);
        sim.runUntilIdle();
        sim.close();
        if (!sim.errors().isEmpty()) {
            throw new IllegalStateException("simulated: the provider reported " + sim.errors());
        }
        return elapsed;
    }

    /** Nanoseconds for {@code count} connections on loopback, a fresh NIO provider. */
    private long loopback(int count) throws Exception {
        EchoServer server = EchoServer.create();
        try (WskProvider provider = WskProvider.builder().ioThreads(1).build()) {
            EchoServer.Listener listener = server.listen(provider,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "echo");
            SocketAddress address = localAddress(listener.socket().get(WAIT_SECONDS, TimeUnit.SECONDS), null);
            ExecutorService clients = Executors.newFixedThreadPool(concurrency);
            long started = System.nanoTime();
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        exchange(address, payload(i));
                    }
                    return null;
                }));
            }
            try {
                for (Future<?> worker : workers) {
                    worker.get(WAIT_SECONDS, TimeUnit.SECONDS);
                }
            } finally {
                clients.shutdownNow();
            }
            int closed = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (closed < count) {
                EchoServer.Closed c = server.closedConnections().poll(1, TimeUnit.SECONDS);
                if (c != null) {
                    check(c, "loopback");
                    closed++;
                } else if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("loopback: the server closed " + closed + " of " + count);
                }
            }
            long elapsed = System.nanoTime() - started;
            server.stopListening(listener);
            listener.closed().get(WAIT_SECONDS, TimeUnit.SECONDS);
            return elapsed;
        }
    }

    /** One whole connection as a plain socket: connect, send, FIN, read to EOF, compare, close. */
    private void exchange(SocketAddress address, byte[] sent) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 10_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(sent);
            socket.shutdownOutput();
            ByteArrayOutputStream received = new ByteArrayOutputStream(sent.length);
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[8192];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                received.write(chunk, 0, n);
            }
            if (!Arrays.equals(received.toByteArray(), sent)) {
                throw new IOException("loopback: " + received.size() + " bytes back of " + sent.length
                        + ", or they differ");
            }
        }
    }

    private int checkClosed(EchoServer server, String where) {
        int n = 0;
        for (EchoServer.Closed c = server.closedConnections().poll(); c != null;
                c = server.closedConnections().poll()) {
            check(c, where);
            n++;
        }
        return n;
    }

    private void check(EchoServer.Closed c, String where) {
        if (c.echoed() != bytes || c.disconnect() != NtStatus.SUCCESS || c.close() != NtStatus.SUCCESS) {
            throw new IllegalStateException(where + ": the server ended " + c);
        }
    }

    /** WskGetLocalAddress; on the simulation, run until it completes (the driving thread must not block). */
    private static SocketAddress localAddress(WskListenSocket socket, WskSimulation sim) throws IllegalStateException {
        CompletableFuture<SocketAddress> address = new CompletableFuture<>();
        CompletionRoutine<CompletableFuture<SocketAddress>> routine = (irp, result) -> {
            result.complete(irp.address());
            irp.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        };
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine(routine, address, true, true, true);
        socket.dispatch().getLocalAddress(socket, irp);
        if (sim != null) {
            sim.runUntilIdle();
            return address.getNow(null);
        }
        try {
            return address.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("getLocalAddress: " + e, e);
        }
    }
}
