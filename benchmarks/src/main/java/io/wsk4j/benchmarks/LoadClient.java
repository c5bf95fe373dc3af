package io.wsk4j.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The load client, the same for every server: one thread running its own selector over non-blocking channels,
 * keeping {@code concurrency} connections in flight, each new one to the next of the server's ports in turn. It
 * drives a warm-up, then a measurement window whose ops and {@link Usage} it records, then drains: no new work,
 * every conversation in flight finishes (bounded), so that every connection it opened is accounted for.
 *
 * <p>Everything runs on the thread that calls {@link #run}; the first failed check stops the run.
 */
final class LoadClient {
    /** No op completed for this long: the server is stuck, which fails the case instead of hanging it. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** So that a stall is noticed soon even when no event wakes the selector. */
    private static final long SELECT_MAX_MILLIS = 100;
    /** A count bound besides the deadlines: far more turns than any run can make. */
    private static final long MAX_TURNS = 2_000_000_000L;
    private static final long PAYLOAD_SEED = 0x77736b346aL;

    private final Workload workload;
    private final List<InetSocketAddress> targets;
    private final int concurrency;
    private final long warmupNanos;
    private final long measureNanos;
    private final Payload payload = new Payload(PAYLOAD_SEED);
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(4096);
    private final Selector selector;
    private final Consumer<SelectionKey> onReady = this::ready;
    private final List<Conversation> conversations = new ArrayList<>();
    private int nextTarget;
    private int nextVariant;
    private long ops;
    private long opened;
    private int active;
    private boolean draining;
    private String failure;
    private long lastProgressNanos;

    LoadClient(Workload workload, List<InetSocketAddress> targets, int concurrency, long warmupNanos,
            long measureNanos) throws IOException {
        this.workload = workload;
        this.targets = List.copyOf(targets);
        this.concurrency = concurrency;
        this.warmupNanos = warmupNanos;
        this.measureNanos = measureNanos;
        this.selector = Selector.open();
    }

    /** Runs warm-up, measurement and drain on the calling thread. */
    ClientOutcome run() throws IOException {
        UsageMeter meter = new UsageMeter();
        long start = System.nanoTime();
        long warmupEnd = start + warmupNanos;
        long measureEnd = warmupEnd + measureNanos;
        lastProgressNanos = start;
        Usage before = null;
        Usage after = null;
        long opsBefore = 0;
        long opsAfter = 0;
        try {
            for (int i = 0; i < concurrency && failure == null; i++) {
                startConversation();
            }
            for (long turn = 0; turn < MAX_TURNS && failure == null; turn++) {
                long now = System.nanoTime();
                if (before == null && now - warmupEnd >= 0) {
                    opsBefore = ops;
                    before = meter.read();
                }
                if (after == null && now - measureEnd >= 0) {
                    opsAfter = ops;
                    after = meter.read();
                    draining = true;
                }
                if (draining && active == 0) {
                    break;
                }
                if (draining && now - measureEnd > DRAIN_NANOS) {
                    failure = active + " connections did not finish within " + DRAIN_NANOS / 1_000_000 + " ms after"
                            + " the measurement";
                } else if (!draining && now - lastProgressNanos > STALL_NANOS) {
                    failure = "no op completed for " + STALL_NANOS / 1_000_000 + " ms (" + active
                            + " connections in flight): the server is stuck";
                } else {
                    long until = before == null ? warmupEnd : after == null ? measureEnd : measureEnd + DRAIN_NANOS;
                    long millis = TimeUnit.NANOSECONDS.toMillis(until - now);
                    selector.select(onReady, Math.max(1, Math.min(SELECT_MAX_MILLIS, millis)));
                }
            }
        } finally {
            for (Conversation conversation : conversations) {
                conversation.abandon();
            }
            selector.close();
        }
        if (failure == null && after == null) {
            failure = "the client loop ended before the measurement did";
        }
        return new ClientOutcome(workload, failure, opsAfter - opsBefore, ops, opened, concurrency,
                failure == null ? before.until(after) : null);
    }

    private void ready(SelectionKey key) {
        Conversation conversation = (Conversation) key.attachment();
        // a churn slot reuses its conversation for the next connection: an old channel's key is not its business
        if (conversation.key == key) {
            conversation.ready();
        }
    }

    private void startConversation() {
        Conversation conversation = workload == Workload.PINGPONG
                ? new PingPongConversation(this)
                : new ChurnConversation(this, workload == Workload.CHURN_ABORTIVE);
        conversations.add(conversation);
        active++;
        try {
            conversation.start();
        } catch (IOException e) {
            fail(conversation, "connect: " + e);
        }
    }

    // ---- what the conversations call

    Selector selector() {
        return selector;
    }

    Payload payload() {
        return payload;
    }

    /** One buffer for every read: the client is one thread, and a conversation consumes what it read at once. */
    ByteBuffer readBuffer() {
        return readBuffer;
    }

    InetSocketAddress nextTarget() {
        opened++;
        InetSocketAddress target = targets.get(nextTarget);
        nextTarget = (nextTarget + 1) % targets.size();
        return target;
    }

    int nextVariant() {
        int variant = nextVariant;
        nextVariant = (nextVariant + 1) % Payload.VARIANTS;
        return variant;
    }

    /** One op done and checked: a whole connection (churn) or a round trip (pingpong). */
    void op() {
        ops++;
        lastProgressNanos = System.nanoTime();
    }

    /** Past the measurement: conversations finish what they are doing and start nothing new. */
    boolean draining() {
        return draining;
    }

    /** This conversation is done for good (drained). */
    void retire(Conversation conversation) {
        active--;
    }

    void fail(Conversation conversation, String what) {
        if (failure == null) {
            failure = conversation + ": " + what;
        }
        conversation.abandon();
    }
}
