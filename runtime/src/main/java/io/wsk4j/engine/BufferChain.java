package io.wsk4j.engine;

import io.wsk4j.WskBuf;
import io.wsk4j.transport.StreamEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link WskBuf}: the caller's buffers plus the provider's own views of them.
 *
 * <p>The views let the provider track progress without touching the caller's position and limit while the operation
 * runs (SPEC A4); they are made once, so an operation allocates nothing. At completion the caller's positions are
 * advanced to where the views got, which is exactly the bytes transferred.
 */
final class BufferChain implements WskBuf {
    /** The heap bytes one write call hands the JDK (see {@link #writeTo}). */
    static final int HEAP_SLICE = 256 * 1024;

    private final ByteBuffer[] buffers;
    private final ByteBuffer[] views;
    /** Where {@link #writeTo} keeps the limits it narrows for one call. */
    private final int[] limits;
    private final AtomicBoolean inUse = new AtomicBoolean();
    private int first; // index of the first view with bytes or room left

    /** Use {@link WskBuf#of}. */
    BufferChain(ByteBuffer... buffers) {
        Objects.requireNonNull(buffers, "buffers: pass at least one ByteBuffer");
        if (buffers.length == 0) {
            throw new IllegalArgumentException("WskBuf.of needs at least one ByteBuffer");
        }
        this.buffers = buffers.clone();
        this.views = new ByteBuffer[buffers.length];
        this.limits = new int[buffers.length];
        for (int i = 0; i < this.buffers.length; i++) {
            ByteBuffer buffer = Objects.requireNonNull(
                    this.buffers[i], "buffers[" + i + "] is null: every buffer of a WskBuf must exist");
            views[i] = buffer.duplicate();
        }
    }

    static BufferChain of(WskBuf buffer) {
        if (!(buffer instanceof BufferChain)) {
            throw new IllegalArgumentException("This WskBuf was not made by WskBuf.of(...): "
                    + buffer.getClass().getName() + " cannot describe an operation's bytes; use WskBuf.of(...)");
        }
        return (BufferChain) buffer;
    }

    @Override
    public long length() {
        long total = 0;
        for (ByteBuffer buffer : buffers) {
            total += buffer.remaining();
        }
        return total;
    }

    @Override
    public int bufferCount() {
        return buffers.length;
    }

    @Override
    public ByteBuffer buffer(int index) {
        return buffers[index];
    }

    /**
     * Takes the chain for one operation and snapshots each caller buffer's region into its view.
     *
     * @throws IllegalStateException if another operation holds it
     */
    void start() {
        if (!inUse.compareAndSet(false, true)) {
            throw new IllegalStateException("This WskBuf is in use by a pending operation: one WskBuf serves one"
                    + " operation at a time; make a WskBuf per concurrent operation (over buffer.duplicate() if they"
                    + " share bytes)");
        }
        for (int i = 0; i < buffers.length; i++) {
            ByteBuffer view = views[i];
            view.limit(buffers[i].limit());
            view.position(buffers[i].position());
        }
        first = 0;
    }

    /** Gives the chain back without a transfer (the operation never started). */
    void abandon() {
        inUse.set(false);
    }

    /** Advances the caller's positions by what was transferred and frees the chain for the next operation. */
    void finish() {
        for (int i = 0; i < buffers.length; i++) {
            buffers[i].position(views[i].position());
        }
        inUse.set(false);
    }

    /** Bytes left to send, or room left to receive into. */
    long remaining() {
        long total = 0;
        for (int i = first; i < views.length; i++) {
            total += views[i].remaining();
        }
        return total;
    }

    boolean hasRemaining() {
        while (first < views.length && !views[first].hasRemaining()) {
            first++;
        }
        return first < views.length;
    }

    /**
     * One gathering write of what is left, with at most {@link #HEAP_SLICE} bytes of heap buffers in it: for a heap
     * buffer the JDK copies every remaining byte into a temporary direct buffer first, on each call, and keeps that
     * buffer for the thread, so a whole 64 MiB send handed over at once costs time quadratic in its size and pins as
     * much direct memory. Direct buffers go to the kernel as they are.
     */
    long writeTo(StreamEndpoint stream) throws IOException {
        if (!hasRemaining()) {
            return 0;
        }
        int end = first;
        long heapLeft = HEAP_SLICE;
        for (; end < views.length && heapLeft > 0; end++) {
            ByteBuffer view = views[end];
            if (!view.isDirect()) {
                int take = (int) Math.min(view.remaining(), heapLeft);
                heapLeft -= take;
                limits[end] = view.limit();
                view.limit(view.position() + take);
            }
        }
        try {
            return stream.write(views, first, end - first);
        } finally {
            for (int i = first; i < end; i++) {
                if (!views[i].isDirect()) {
                    views[i].limit(limits[i]);
                }
            }
        }
    }

    /** Copies as much of {@code source} as fits; returns the count. */
    int fillFrom(ByteBuffer source) {
        int copied = 0;
        while (source.hasRemaining() && hasRemaining()) {
            ByteBuffer view = views[first];
            int n = Math.min(view.remaining(), source.remaining());
            int savedLimit = source.limit();
            source.limit(source.position() + n);
            view.put(source);
            source.limit(savedLimit);
            copied += n;
        }
        return copied;
    }

    // ---- datagrams (SPEC G): one datagram is the whole chain, sent at once or not at all ----

    /** {@return the one view of a chain of one buffer, which a datagram send reads in place; null for a longer chain} */
    ByteBuffer singleView() {
        return views.length == 1 ? views[0] : null;
    }

    /** Copies every byte left into {@code into}, without taking them (the send may find no room, and try again). */
    void peekInto(ByteBuffer into) {
        for (int i = first; i < views.length; i++) {
            ByteBuffer view = views[i];
            into.put(into.position(), view, view.position(), view.remaining());
            into.position(into.position() + view.remaining());
        }
    }

    /** Takes every byte left: the datagram {@link #peekInto} copied has gone. */
    void consumeAll() {
        for (int i = first; i < views.length; i++) {
            views[i].position(views[i].limit());
        }
        first = views.length;
    }

    @Override
    public String toString() {
        return "WskBuf[" + buffers.length + " buffer(s), " + length() + " bytes]";
    }
}
