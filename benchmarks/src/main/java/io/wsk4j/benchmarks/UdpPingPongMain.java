package io.wsk4j.benchmarks;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskDatagramSocket;
import io.wsk4j.WskProvider;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * UDP ping-pong (SPEC G5's benchmark): one UDP echo server on 127.0.0.1 written two ways, driven in turn by one
 * client in the same JVM run, so that the ratio compares runs made under the same conditions.
 *
 * <ul>
 *   <li>{@code nio}: a hand-written loop, one thread, one non-blocking {@code DatagramChannel}, one {@code Selector};
 *       at read readiness it receives every waiting datagram into one direct buffer and sends it straight back.
 *   <li>{@code wsk4j-raw}: one datagram socket of a provider with one I/O thread and {@code --receives} echo contexts,
 *       each a receiveFrom IRP whose routine sends the datagram back to {@code irp.address()} with a sendTo IRP whose
 *       routine posts the receiveFrom again (IRPs, buffers and routines made once).
 * </ul>
 *
 * <p>The client: one thread, {@code --flows} connected {@code DatagramChannel}s, each with one 64-byte datagram in
 * flight (a sequence number checked on the echo), sent again if no echo came within 200 ms (counted: loopback should
 * lose none). Each round: {@code --warmup} s, then {@code --measure} s counted; the server thread's allocation over
 * the measured part ({@code ThreadMXBean}) divided by its operations (a receive and a send per round trip). The table
 * gives the median of {@code --rounds} rounds per server.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.wsk4j.benchmarks.UdpPingPongMain --rounds=3</pre>
 */
final class UdpPingPongMain {
    private static final int MESSAGE = 64;
    private static final long RESEND_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private UdpPingPongMain() {}

    /** A UDP echo server of this benchmark. */
    private interface Server {
        SocketAddress address();

        /** {@return the id of the thread that serves, once it served a datagram} */
        long serverThread() throws InterruptedException;

        /** Stops serving and closes what it holds. */
        void stop() throws Exception;
    }

    private record Round(double roundTripsPerSecond, double bytesPerOp, long resent) {}

    public static void main(String[] args) throws Exception {
        Flags flags = Flags.parse(args, Set.of("flows", "warmup", "measure", "rounds", "receives"));
        int flows = flags.integer("flows", 64);
        int warmup = flags.integer("warmup", 2);
        int measure = flags.integer("measure", 5);
        int rounds = flags.integer("rounds", 3);
        int receives = flags.integer("receives", 16);
        String[] impls = {"nio", "wsk4j-raw"};
        List<List<Round>> results = new ArrayList<>();
        for (String impl : impls) {
            results.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < impls.length; i++) {
                Server server = impls[i].equals("nio") ? new NioUdpEcho() : new WskUdpEcho(receives);
                try {
                    Round result = drive(server, flows, warmup, measure);
                    results.get(i).add(result);
                    System.err.printf(Locale.ROOT, "round %d %-9s %,12.0f round trips/s %8.3f B/op %d resent%n",
                            round + 1, impls[i], result.roundTripsPerSecond, result.bytesPerOp, result.resent);
                } finally {
                    server.stop();
                }
            }
        }
        double nio = median(results.get(0)).roundTripsPerSecond;
        System.out.printf(Locale.ROOT, "%nUDP ping-pong, %d flows x %d bytes, %d s measured, median of %d rounds%n%n",
                flows, MESSAGE, measure, rounds);
        System.out.println("| server | round trips/s | vs nio | B/op (server thread) | resent |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int i = 0; i < impls.length; i++) {
            Round median = median(results.get(i));
            long resent = results.get(i).stream().mapToLong(Round::resent).sum();
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %.3f | %.3f | %d |%n", impls[i],
                    median.roundTripsPerSecond, median.roundTripsPerSecond / nio, median.bytesPerOp, resent);
        }
    }

    private static Round median(List<Round> rounds) {
        List<Round> sorted = new ArrayList<>(rounds);
        sorted.sort((a, b) -> Double.compare(a.roundTripsPerSecond, b.roundTripsPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    /** Runs the client against {@code server}: warm-up, then the measured part. */
    private static Round drive(Server server, int flows, int warmupSeconds, int measureSeconds) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Selector selector = Selector.open()) {
            DatagramChannel[] channels = new DatagramChannel[flows];
            long[] sequence = new long[flows];
            long[] sentAt = new long[flows];
            ByteBuffer out = ByteBuffer.allocateDirect(MESSAGE);
            ByteBuffer in = ByteBuffer.allocateDirect(2048);
            for (int i = 0; i < flows; i++) {
                channels[i] = DatagramChannel.open();
                channels[i].bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                channels[i].connect(server.address());
                channels[i].configureBlocking(false);
                channels[i].register(selector, SelectionKey.OP_READ, i);
                send(channels[i], out, sequence[i]);
                sentAt[i] = System.nanoTime();
            }
            long[] completed = {0};
            long[] resent = {0};
            long start = System.nanoTime();
            long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
            long end = measureFrom + TimeUnit.SECONDS.toNanos(measureSeconds);
            boolean measuring = false;
            long completedAtStart = 0;
            long allocatedAtStart = 0;
            long serverThread = -1;
            while (true) {
                long now = System.nanoTime();
                if (!measuring && now - measureFrom >= 0) {
                    measuring = true;
                    serverThread = server.serverThread();
                    completedAtStart = completed[0];
                    allocatedAtStart = threads.getThreadAllocatedBytes(serverThread);
                }
                if (now - end >= 0) {
                    long allocated = threads.getThreadAllocatedBytes(serverThread) - allocatedAtStart;
                    long trips = completed[0] - completedAtStart;
                    for (DatagramChannel channel : channels) {
                        channel.close();
                    }
                    return new Round(trips / (double) measureSeconds, allocated / (2.0 * trips), resent[0]);
                }
                selector.select(key -> {
                    int flow = (Integer) key.attachment();
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    try {
                        while (true) {
                            in.clear();
                            int n = channel.read(in);
                            if (n <= 0) {
                                return;
                            }
                            if (n != MESSAGE || in.getLong(0) != sequence[flow]) {
                                continue; // a late echo of a datagram sent again
                            }
                            completed[0]++;
                            sequence[flow]++;
                            send(channel, out, sequence[flow]);
                            sentAt[flow] = System.nanoTime();
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, 50);
                long checkedAt = System.nanoTime();
                for (int i = 0; i < flows; i++) {
                    if (checkedAt - sentAt[i] > RESEND_NANOS) {
                        resent[0]++;
                        send(channels[i], out, sequence[i]);
                        sentAt[i] = checkedAt;
                    }
                }
            }
        }
    }

    private static void send(DatagramChannel channel, ByteBuffer out, long sequence) throws IOException {
        out.clear();
        out.putLong(0, sequence);
        channel.write(out);
    }

    /** {@code nio}: the hand-written loop. */
    private static final class NioUdpEcho implements Server {
        private final DatagramChannel channel;
        private final Selector selector;
        private final Thread thread;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
        private volatile boolean running = true;

        NioUdpEcho() throws IOException {
            channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            thread = new Thread(this::loop, "udp-nio-echo");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            try {
                while (running) {
                    selector.select(key -> {
                        try {
                            SocketAddress source;
                            while ((source = channel.receive(buffer.clear())) != null) {
                                buffer.flip();
                                channel.send(buffer, source); // loopback's send buffer does not fill at this load
                            }
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, 100);
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    e.printStackTrace();
                }
            }
        }

        @Override
        public SocketAddress address() {
            try {
                return channel.getLocalAddress();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public long serverThread() {
            return thread.getId();
        }

        @Override
        public void stop() throws Exception {
            running = false;
            selector.wakeup();
            thread.join(5_000);
            selector.close();
            channel.close();
        }
    }

    /** {@code wsk4j-raw}: the runtime's raw API, one datagram socket, echo contexts driven by their routines. */
    private static final class WskUdpEcho implements Server {
        private final WskProvider provider;
        private final WskDatagramSocket socket;
        private final SocketAddress address;
        private final BlockingQueue<Long> ioThread = new LinkedBlockingQueue<>();
        private final List<Context> contexts = new ArrayList<>();

        /** One outstanding receive: its buffer, its two IRPs and their routines, made once. */
        private final class Context {
            final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
            final WskBuf receiveBuf = WskBuf.of(buffer);
            final WskBuf sendBuf = WskBuf.of(buffer);
            final Irp receiveIrp = Irp.allocate();
            final Irp sendIrp = Irp.allocate();
            final CompletionRoutine<Context> received = (irp, context) -> context.received();
            final CompletionRoutine<Context> sent = (irp, context) -> context.sent();

            void receive() {
                buffer.clear();
                receiveIrp.reuse(NtStatus.SUCCESS);
                receiveIrp.setCompletionRoutine(received, this, true, true, true);
                try {
                    socket.dispatch().receiveFrom(socket, receiveBuf, receiveIrp);
                } catch (IllegalStateException closed) {
                    // the round is over: stop() closed the socket while this routine was on its way (SPEC C5)
                }
            }

            NtStatus received() {
                if (ioThread.isEmpty()) {
                    ioThread.add(Thread.currentThread().getId());
                }
                if (receiveIrp.status() != NtStatus.SUCCESS) {
                    if (receiveIrp.status() != NtStatus.CANCELLED) {
                        System.err.println("receiveFrom completed " + receiveIrp.status() + "; receiving again");
                        receive();
                    }
                    return NtStatus.MORE_PROCESSING_REQUIRED;
                }
                buffer.flip();
                sendIrp.reuse(NtStatus.SUCCESS);
                sendIrp.setCompletionRoutine(sent, this, true, true, true);
                socket.dispatch().sendTo(socket, sendBuf, receiveIrp.address(), sendIrp);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }

            NtStatus sent() {
                if (sendIrp.status() != NtStatus.SUCCESS && sendIrp.status() != NtStatus.CANCELLED) {
                    System.err.println("sendTo completed " + sendIrp.status());
                }
                if (sendIrp.status() != NtStatus.CANCELLED) {
                    receive();
                }
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }
        }

        WskUdpEcho(int receives) throws Exception {
            provider = WskProvider.builder().ioThreads(1).closeTimeout(Duration.ofSeconds(2)).build();
            CompletableFuture<Object> made = new CompletableFuture<>();
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((done, future) -> {
                future.complete(done.status() == NtStatus.SUCCESS ? done.datagramSocket() : done.status());
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, made, true, true, true);
            provider.datagramSocket(null, null, irp);
            socket = (WskDatagramSocket) made.get(5, TimeUnit.SECONDS);
            address = call(irp, (again, routine) -> socket.dispatch().bind(socket,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), again), false);
            for (int i = 0; i < receives; i++) {
                Context context = new Context();
                contexts.add(context);
                context.receive();
            }
        }

        /** Runs one call with {@code irp} reused and waits; {@return the local address once bound} */
        private SocketAddress call(Irp irp, java.util.function.BiConsumer<Irp, Object> start, boolean unused)
                throws Exception {
            CompletableFuture<NtStatus> done = new CompletableFuture<>();
            irp.reuse(NtStatus.SUCCESS);
            irp.setCompletionRoutine((completed, future) -> {
                future.complete(completed.status());
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, done, true, true, true);
            start.accept(irp, null);
            if (done.get(5, TimeUnit.SECONDS) != NtStatus.SUCCESS) {
                throw new IllegalStateException("bind failed: " + done.get());
            }
            CompletableFuture<SocketAddress> local = new CompletableFuture<>();
            irp.reuse(NtStatus.SUCCESS);
            irp.setCompletionRoutine((completed, future) -> {
                future.complete(completed.address());
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, local, true, true, true);
            socket.dispatch().getLocalAddress(socket, irp);
            return local.get(5, TimeUnit.SECONDS);
        }

        @Override
        public SocketAddress address() {
            return address;
        }

        @Override
        public long serverThread() throws InterruptedException {
            Long id = ioThread.poll(5, TimeUnit.SECONDS);
            if (id == null) {
                throw new IllegalStateException("the wsk4j server received nothing in 5 s");
            }
            ioThread.add(id);
            return id;
        }

        @Override
        public void stop() throws Exception {
            CompletableFuture<NtStatus> closed = new CompletableFuture<>();
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((done, future) -> {
                future.complete(done.status());
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, closed, true, true, true);
            socket.dispatch().closeSocket(socket, irp);
            closed.get(5, TimeUnit.SECONDS);
            provider.close();
        }
    }
}
