package io.wsk4j;

import io.wsk4j.spi.WskImplementation;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free pool of IRPs, so that steady-state operations allocate nothing (SPEC R1). Generated dispatch classes
 * take an IRP for each operation and give it back in its completion routine.
 *
 * <p>{@link #take()} never blocks: when the pool is empty it allocates. {@link #recycle} resets the IRP and keeps it
 * if there is room. Any thread may take and recycle. {@link #outstanding()} counts IRPs taken and not yet given back,
 * which lets a test prove that nothing leaked.
 *
 * <p>Each thread keeps a few IRPs of its own (up to 64 per pool) before the shared ring, so that I/O threads that take
 * and recycle on their own thread, as completion routines do, never contend for the ring with each other.
 */
public final class IrpPool {
    private static final IrpPool SHARED = new IrpPool(4096);
    private static final int PER_THREAD = 64;

    // A bounded multi-producer multi-consumer ring (after Dmitry Vyukov's): each slot has a sequence number that
    // says whose turn it is, so no node is allocated and no ABA problem arises.
    private final AtomicReferenceArray<Irp> slots;
    private final AtomicLongArray sequences;
    private final int mask;
    private final AtomicLongHolder enqueue = new AtomicLongHolder();
    private final AtomicLongHolder dequeue = new AtomicLongHolder();
    private final LongAdder outstanding = new LongAdder(); // striped: takers on several threads do not contend
    private final ThreadLocal<ThreadCache> caches = ThreadLocal.withInitial(ThreadCache::new);

    /**
     * A pool that keeps up to {@code capacity} idle IRPs (rounded up to a power of two).
     *
     * @param capacity how many idle IRPs the shared ring keeps, at most 16777216
     * @throws IllegalArgumentException if capacity is not positive
     */
    public IrpPool(int capacity) {
        if (capacity < 1 || capacity > (1 << 24)) {
            throw new IllegalArgumentException("capacity must be between 1 and 16777216, was " + capacity);
        }
        int size = 1;
        while (size < capacity) {
            size <<= 1;
        }
        slots = new AtomicReferenceArray<>(size);
        sequences = new AtomicLongArray(size);
        for (int i = 0; i < size; i++) {
            sequences.set(i, i);
        }
        mask = size - 1;
    }

    /** {@return the pool that generated dispatch classes use unless given another} */
    public static IrpPool shared() {
        return SHARED;
    }

    /**
     * {@return an IRP ready for {@link Irp#setCompletionRoutine}: from the pool, or newly allocated if the pool is
     * empty}
     */
    public Irp take() {
        outstanding.increment();
        Irp irp = caches.get().pop();
        if (irp == null) {
            irp = poll();
        }
        return irp != null ? irp : WskImplementation.instance().newPooledIrp(); // the pool's, not a V1 leak
    }

    /**
     * Gives back an IRP taken from this pool, completed or never dispatched: it is reset with
     * {@link Irp#reuse(NtStatus)} and kept if there is room. Call it in the completion routine, then return
     * {@link NtStatus#MORE_PROCESSING_REQUIRED}.
     *
     * @param irp an IRP that {@link #take()} returned
     * @throws IllegalStateException if the IRP is still pending or was freed
     */
    public void recycle(Irp irp) {
        irp.reuse(NtStatus.SUCCESS);
        outstanding.decrement();
        if (!caches.get().push(irp)) {
            offer(irp);
        }
    }

    /** {@return how many IRPs were taken and not yet recycled} */
    public int outstanding() {
        return (int) outstanding.sum();
    }

    private Irp poll() {
        long position = dequeue.get();
        while (true) {
            int index = (int) position & mask;
            long sequence = sequences.get(index);
            long difference = sequence - (position + 1);
            if (difference == 0) {
                if (dequeue.compareAndSet(position, position + 1)) {
                    Irp irp = slots.getAndSet(index, null);
                    sequences.set(index, position + mask + 1);
                    return irp;
                }
                position = dequeue.get();
            } else if (difference < 0) {
                return null;
            } else {
                position = dequeue.get();
            }
        }
    }

    private void offer(Irp irp) {
        long position = enqueue.get();
        while (true) {
            int index = (int) position & mask;
            long sequence = sequences.get(index);
            long difference = sequence - position;
            if (difference == 0) {
                if (enqueue.compareAndSet(position, position + 1)) {
                    slots.set(index, irp);
                    sequences.set(index, position + 1);
                    return;
                }
                position = enqueue.get();
            } else if (difference < 0) {
                return; // full: let the collector have it
            } else {
                position = enqueue.get();
            }
        }
    }

    /** One thread's own IRPs of this pool: a small stack, touched by that thread only. */
    private static final class ThreadCache {
        private final Irp[] irps = new Irp[PER_THREAD];
        private int size;

        Irp pop() {
            if (size == 0) {
                return null;
            }
            Irp irp = irps[--size];
            irps[size] = null;
            return irp;
        }

        boolean push(Irp irp) {
            if (size == irps.length) {
                return false;
            }
            irps[size++] = irp;
            return true;
        }
    }

    /** An AtomicLong padded away from its neighbour, so that takers and recyclers do not share a cache line. */
    @SuppressWarnings("unused")
    private static final class AtomicLongHolder extends java.util.concurrent.atomic.AtomicLong {
        private static final long serialVersionUID = 1L;
        long p1, p2, p3, p4, p5, p6, p7;
    }
}
