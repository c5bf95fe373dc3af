package io.wsk4j.benchmarks;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * The requests the client sends: {@link #VARIANTS} different messages of {@link #SIZE} random bytes, each with its
 * CRC32 computed once, so that varying the content and checking the echo cost the client no allocation.
 */
final class Payload {
    static final int SIZE = 64;
    static final int VARIANTS = 256;

    private final byte[] bytes = new byte[SIZE + VARIANTS];
    private final long[] crcs = new long[VARIANTS];

    Payload(long seed) {
        new SplittableRandom(seed).nextBytes(bytes);
        CRC32 crc = new CRC32();
        for (int variant = 0; variant < VARIANTS; variant++) {
            crc.reset();
            crc.update(bytes, variant, SIZE);
            crcs[variant] = crc.getValue();
        }
    }

    /** Fills {@code request} with message {@code variant}, ready to write. */
    void fill(int variant, ByteBuffer request) {
        request.clear();
        request.put(bytes, variant, SIZE).flip();
    }

    long crc(int variant) {
        return crcs[variant];
    }
}
