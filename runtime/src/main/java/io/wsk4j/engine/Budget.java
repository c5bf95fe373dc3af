package io.wsk4j.engine;

/**
 * What one socket may still do in this turn of its loop (SPEC E5): 16 reads and 16 writes, as Netty's loops allow,
 * then it yields to the other ready sockets and to queued tasks. Readiness is level-triggered, so a socket that
 * stopped for its budget is reported again by the next select.
 *
 * <p>The counts are three fields of the socket ({@link EngineSocket#budgetTurn} and the two beside it), kept by these
 * static methods, so that a socket holds no budget object of its own.
 */
final class Budget {
    static final int READS_PER_TURN = 16;
    static final int WRITES_PER_TURN = 16;

    private Budget() {}

    /** {@return whether {@code socket} may read once more in this turn; if so, that read is counted} */
    static boolean takeRead(EngineSocket socket) {
        refresh(socket);
        if (socket.readsLeft == 0) {
            return false;
        }
        socket.readsLeft--;
        return true;
    }

    /** {@return whether {@code socket} may write once more in this turn; if so, that write is counted} */
    static boolean takeWrite(EngineSocket socket) {
        refresh(socket);
        if (socket.writesLeft == 0) {
            return false;
        }
        socket.writesLeft--;
        return true;
    }

    private static void refresh(EngineSocket socket) {
        // the low bits of the turn number suffice: a socket seen again exactly 2^32 turns later keeps its old budget
        // for that one turn, which only delays it, since readiness is level-triggered
        int now = (int) socket.loop.turn();
        if (socket.budgetTurn != now) {
            socket.budgetTurn = now;
            socket.readsLeft = READS_PER_TURN;
            socket.writesLeft = WRITES_PER_TURN;
        }
    }
}
