package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/**
 * What callbacks saw, a line each, in order: written on the provider's I/O threads (or the simulation's thread), read
 * by the test through its {@link Network}'s bounded wait, which this monitor's notifications wake.
 */
final class Log {
    private final Network network;
    private final List<String> lines = new ArrayList<>();
    private int read;

    Log(Network network) {
        this.network = network;
    }

    synchronized void add(String line) {
        lines.add(line);
        notifyAll();
    }

    /** {@return the next line not yet taken by this method, waiting for it (bounded)} */
    String next() throws InterruptedException {
        network.await(this, () -> {
            synchronized (this) {
                return lines.size() > read;
            }
        }, "a line after " + all());
        synchronized (this) {
            return lines.get(read++);
        }
    }

    /** Waits (bounded) until {@code count} lines were added in all. */
    void awaitSize(int count) throws InterruptedException {
        network.await(this, () -> size() >= count, count + " lines; got " + all());
    }

    synchronized int size() {
        return lines.size();
    }

    synchronized List<String> all() {
        return List.copyOf(lines);
    }

    /** Asserts that no line was added beyond those {@link #next()} took. */
    synchronized void assertNoMore() {
        assertEquals(List.of(), lines.subList(read, lines.size()), "no more lines");
    }
}
