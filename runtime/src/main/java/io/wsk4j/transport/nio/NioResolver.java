package io.wsk4j.transport.nio;

import io.wsk4j.NtStatus;
import io.wsk4j.transport.LoopHost;
import io.wsk4j.transport.NameResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform's resolver ({@link InetAddress#getAllByName}, which blocks) on at most two daemon threads of the
 * provider's own, never on an I/O thread (SPEC N1). The threads are made at the first request and end after 10 s
 * idle, so a provider that resolves nothing has none; {@link #close()} ends them with the provider.
 */
final class NioResolver implements NameResolver {
    private static final int THREADS = 2;
    private static final AtomicInteger IDS = new AtomicInteger();

    private final LoopHost reporter;
    private final ThreadPoolExecutor threads;

    NioResolver(LoopHost reporter) {
        this.reporter = reporter;
        int id = IDS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(THREADS, THREADS, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                work -> {
                    Thread thread = new Thread(work, "wsk4j-resolver-" + id + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        threads.allowCoreThreadTimeOut(true);
    }

    @Override
    public void resolve(String node, Answer answer) {
        try {
            threads.execute(() -> answer(node, answer));
        } catch (RejectedExecutionException closed) {
            answer.failed(NtStatus.CANCELLED); // the provider is closing: nothing will resolve it any more
        }
    }

    private void answer(String node, Answer answer) {
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(node));
        } catch (UnknownHostException | SecurityException e) {
            answer.failed(NtStatus.NOT_FOUND);
            return;
        } catch (RuntimeException e) {
            reporter.report("Resolving the name " + node + " failed; the request completes UNSUCCESSFUL", e);
            answer.failed(NtStatus.UNSUCCESSFUL);
            return;
        }
        if (addresses.isEmpty()) {
            answer.failed(NtStatus.NOT_FOUND);
        } else {
            answer.resolved(addresses);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow(); // a getAllByName under way is not interruptible: its answer still comes, and is kept
    }
}
