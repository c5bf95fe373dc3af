package io.wsk4j.engine;

/**
 * What one socket may still do in this turn of its loop (SPEC E5): 16 reads and 16 writes, as Netty's loops allow,
 * then it yields to the other ready sockets and to queued tasks. Readiness is level-triggered, so a socket that
 * stopped for its budget is reported again by the next select.
 */
final class Budget {
    static final int READS_PER_TURN = 16;
    static final int WRITES_PER_TURN = 16;

    private final EventLoop loop;
    private long turn = -1;
    private int reads;
    private int writes;

    Budget(EventLoop loop) {
        this.loop = loop;
    }

    boolean takeRead() {
        refresh();
        if (reads == 0) {
            return false;
        }
        reads--;
        return true;
    }

    boolean takeWrite() {
        refresh();
        if (writes == 0) {
            return false;
        }
        writes--;
        return true;
    }

    private void refresh() {
        long now = loop.turn();
        if (turn != now) {
            turn = now;
            reads = READS_PER_TURN;
            writes = WRITES_PER_TURN;
        }
    }
}
