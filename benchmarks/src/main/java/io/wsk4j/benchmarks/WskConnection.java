package io.wsk4j.benchmarks;

import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import java.nio.ByteBuffer;

/**
 * The context of one connection of the wsk4j servers: its socket and the buffer that its one receive at a time, then
 * its one send of what came, use. A completion model needs a buffer per outstanding receive; {@link ConnectionPool}
 * recycles them so that, like the NIO baseline's one buffer per loop, the server's own objects cost no allocation
 * per connection and the B/op column shows the runtime.
 */
final class WskConnection {
    private static final int BUFFER_SIZE = 4096;

    // direct, as the NIO baseline's: a heap buffer would cost the JDK a copy into its temporary direct buffer
    final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    final WskBuf data = WskBuf.of(buffer);
    WskSocket socket;
}
