package io.wsk4j;

import io.wsk4j.spi.WskImplementation;
import java.nio.ByteBuffer;

/**
 * The bytes of one operation: one {@link ByteBuffer} region or a chain of them, like WSK_BUF over an MDL chain
 * (SPEC A4).
 *
 * <p>Each buffer's region is its {@code [position, limit)} at the moment an operation starts. The provider reads
 * (send) or writes (receive) the content and leaves position and limit alone until the operation completes; at
 * completion it advances the positions by the bytes transferred, the way {@link java.nio.channels.SocketChannel}
 * does, so a received buffer is ready to {@link ByteBuffer#flip()} and a sent one to {@link ByteBuffer#rewind()}.
 *
 * <p>Create a WskBuf once and reuse it for operation after operation: it keeps its own views of the buffers so that
 * an operation allocates nothing. One WskBuf serves one pending operation at a time: starting a second operation
 * with it while the first is pending throws {@link IllegalStateException}.
 *
 * <p>Not for implementation: providers accept only WskBufs made by {@link #of}.
 */
public interface WskBuf {
    /**
     * A WskBuf over the given buffers, in order.
     *
     * @param buffers the buffers of the chain; each one's {@code [position, limit)} is its region
     * @return a WskBuf to pass to one operation at a time, as often as needed
     * @throws NullPointerException if the array or one of its buffers is null
     * @throws IllegalArgumentException if no buffer is given
     */
    static WskBuf of(ByteBuffer... buffers) {
        return WskImplementation.instance().newBuf(buffers);
    }

    /** {@return the number of bytes the buffers hold between position and limit now} */
    long length();

    /** {@return how many buffers the chain has} */
    int bufferCount();

    /**
     * {@return the caller's buffer at {@code index}, as given to {@link #of}}
     *
     * @param index from 0 to {@link #bufferCount()} - 1
     */
    ByteBuffer buffer(int index);
}
