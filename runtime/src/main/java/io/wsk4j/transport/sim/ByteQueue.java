package io.wsk4j.transport.sim;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/** Bytes in arrival order, kept as the chunks they arrived in, with a read position in the first. */
final class ByteQueue {
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int offset;
    private long size;

    void add(byte[] chunk) {
        if (chunk.length > 0) {
            chunks.addLast(chunk);
            size += chunk.length;
        }
    }

    long size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Moves up to {@code max} bytes into {@code into}; returns how many. */
    int take(ByteBuffer into, int max) {
        int moved = 0;
        while (moved < max && !chunks.isEmpty()) {
            byte[] first = chunks.peekFirst();
            int n = Math.min(max - moved, first.length - offset);
            if (into != null) {
                into.put(first, offset, n);
            }
            moved += n;
            offset += n;
            if (offset == first.length) {
                chunks.pollFirst();
                offset = 0;
            }
        }
        size -= moved;
        return moved;
    }

    void clear() {
        chunks.clear();
        offset = 0;
        size = 0;
    }
}
