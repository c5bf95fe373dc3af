package io.wsk4j.transport.sim;

import io.wsk4j.transport.LoopHost;
import io.wsk4j.transport.Poller;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * One loop's readiness in the simulated world. Readiness is level-triggered, as NIO's: an endpoint that changed is a
 * candidate, stays one while it is ready for what it is watched for, and is dropped when it is not. The ready ones
 * are handed to the loop in an order the seed shuffles, which is the "which ready socket runs next" of SPEC S3.
 */
final class SimPoller implements Poller {
    final SimNetwork network;
    final LoopHost host;
    private final LinkedHashSet<Watched> candidates = new LinkedHashSet<>();
    private final ArrayList<Watched> ready = new ArrayList<>();
    private final ArrayList<Integer> readyOps = new ArrayList<>();
    private boolean broken;

    SimPoller(SimNetwork network, LoopHost host) {
        this.network = network;
        this.host = host;
    }

    void candidate(Watched watched) {
        candidates.add(watched);
    }

    void register(Watched watched, io.wsk4j.transport.ReadyHandler handler, int interest) {
        watched.poller = this;
        watched.handler = handler;
        watched.interest = interest;
        candidates.add(watched);
    }

    void deregister(Watched watched) {
        watched.poller = null;
        candidates.remove(watched);
    }

    /** Whether a poll now would report something; drops the candidates that are not ready. */
    boolean hasReady() {
        for (Iterator<Watched> it = candidates.iterator(); it.hasNext(); ) {
            Watched watched = it.next();
            if ((watched.readyOps() & watched.interest) != 0) {
                return true;
            }
            it.remove();
        }
        return false;
    }

    @Override
    public void poll(long timeoutMillis) {
        if (broken) {
            throw new io.wsk4j.transport.BrokenPollerException(new IllegalStateException("the poller was broken"));
        }
        ready.clear();
        readyOps.clear();
        for (Iterator<Watched> it = candidates.iterator(); it.hasNext(); ) {
            Watched watched = it.next();
            int ops = watched.readyOps() & watched.interest;
            if (ops == 0) {
                it.remove();
            } else {
                ready.add(watched);
                readyOps.add(ops);
            }
        }
        for (int i = ready.size() - 1; i > 0; i--) { // Fisher-Yates, from the seed
            int j = network.random.nextInt(i + 1);
            Watched a = ready.get(i);
            ready.set(i, ready.get(j));
            ready.set(j, a);
            Integer b = readyOps.get(i);
            readyOps.set(i, readyOps.get(j));
            readyOps.set(j, b);
        }
    }

    @Override
    public void dispatchReady() {
        for (int i = 0; i < ready.size(); i++) {
            Watched watched = ready.get(i);
            if (watched.poller != this) {
                continue; // closed by the handling of an earlier one
            }
            try {
                watched.handler.onReady(readyOps.get(i));
            } catch (Throwable t) {
                host.report("internal error while handling " + watched.handler + "; other sockets go on", t);
            }
        }
        ready.clear();
        readyOps.clear();
    }

    @Override
    public void wakeup() {
        // the driving thread turns the loop when it has work; nothing sleeps
    }

    @Override
    public long nanoTime() {
        return network.clock.now();
    }

    @Override
    public void close() {
        candidates.clear();
    }

    @Override
    public void breakForTest() {
        broken = true;
    }
}
