package io.wsk4j.conformance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Test data. */
final class Bytes {
    private Bytes() {}

    static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code size} bytes of a pattern that {@code seed} shifts, so that a misplaced byte shows. */
    static ByteBuffer pattern(int size, int seed) {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            buffer.put((byte) (i * 31 + seed));
        }
        return buffer.flip();
    }

    static String text(ByteBuffer buffer, long length) {
        return new String(buffer.array(), 0, (int) length, StandardCharsets.US_ASCII);
    }
}
