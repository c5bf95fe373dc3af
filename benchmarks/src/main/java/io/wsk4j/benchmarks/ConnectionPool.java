package io.wsk4j.benchmarks;

import io.wsk4j.WskSocket;
import java.util.ArrayDeque;

/**
 * Recycles {@link WskConnection}s. A socket's accept event and its close completion run on the socket's I/O thread,
 * so a free list per thread needs no synchronization and, once warm, allocates nothing.
 */
final class ConnectionPool {
    private static final int KEEP_PER_THREAD = 1024;

    private final ThreadLocal<ArrayDeque<WskConnection>> idle =
            ThreadLocal.withInitial(() -> new ArrayDeque<>(KEEP_PER_THREAD));

    WskConnection take(WskSocket socket) {
        WskConnection connection = idle.get().pollFirst();
        if (connection == null) {
            connection = new WskConnection();
        }
        connection.socket = socket;
        connection.buffer.clear();
        return connection;
    }

    /** Only once the socket's close has completed: no routine of it runs afterwards (SPEC C1). */
    void recycle(WskConnection connection) {
        connection.socket = null;
        ArrayDeque<WskConnection> free = idle.get();
        if (free.size() < KEEP_PER_THREAD) {
            free.addFirst(connection);
        }
    }
}
