package io.wsk4j.examples.lifecycle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Text to and from buffers, for the demos' messages. */
public final class Ascii {
    private Ascii() {}

    public static ByteBuffer buffer(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The bytes between 0 and the buffer's position (what a receive wrote). */
    public static String received(ByteBuffer buffer) {
        return new String(buffer.array(), buffer.arrayOffset(), buffer.position(), StandardCharsets.US_ASCII);
    }
}
