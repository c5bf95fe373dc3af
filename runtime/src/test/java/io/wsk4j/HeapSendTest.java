package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A send from a heap buffer to a peer that does not read: the JDK copies whatever one write call hands it into a
 * temporary direct buffer, so the provider must hand it bounded slices, not the whole remainder.
 */
@Timeout(60)
class HeapSendTest {
    private static final int SIZE = 32 * 1024 * 1024;
    private static final long MIB = 1024 * 1024;

    @Test
    @DisplayName("X1 R1 a 32 MiB heap send that cannot finish pins a bounded amount of direct memory, then arrives whole")
    void heapSendsAreWrittenInSlices() throws Exception {
        try (Loopback lb = Loopback.withSmallPeerBuffer()) {
            Connection c = lb.connect();
            long before = directMemoryUsed();
            ByteBuffer data = Loopback.pattern(SIZE, 11);
            byte[] expected = data.array().clone();
            c.dispatch().send(c.socket(), WskBuf.of(data), SendFlags.NONE, lb.completions.irp("send"));
            GracefulDisconnectTest.barrier(lb, c); // the first writes have happened; the peer has read nothing
            long pinned = directMemoryUsed() - before;
            assertTrue(pinned < 4 * MIB, "a heap send pinned " + pinned / MIB + " MiB of direct memory");

            assertArrayEquals(expected, c.peer().getInputStream().readNBytes(SIZE));
            assertEquals(SIZE, lb.completions.await("send").information());
            lb.closeSocket(c.socket());
        }
    }

    private static long directMemoryUsed() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                return pool.getMemoryUsed();
            }
        }
        throw new IllegalStateException("no direct buffer pool bean");
    }
}
