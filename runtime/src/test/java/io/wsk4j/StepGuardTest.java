package io.wsk4j;

import static io.wsk4j.GracefulDisconnectTest.barrier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC C2 and E4: a close issued from a completion routine while the provider is completing the socket's other IRPs
 * (an abort, a peer reset) waits for that step: the other IRPs keep their statuses and the close IRP completes last.
 */
@Timeout(60)
class StepGuardTest {
    private static final int STUCK = 8 * 1024 * 1024; // more than the peer's 4 KiB buffer and our send buffer hold

    /** Records "name:STATUS" in completion order; the first of the "closers" to complete closes the socket. */
    private static final class Recorder {
        final List<String> order = new CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);
        private final AtomicBoolean closeIssued = new AtomicBoolean();
        private final WskSocket socket;

        Recorder(WskSocket socket) {
            this.socket = socket;
        }

        Irp irp(String name, boolean closesTheSocket) {
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((done, label) -> {
                order.add(label + ":" + done.status());
                done.free();
                if (label.equals("close")) {
                    closed.countDown();
                } else if (closesTheSocket && closeIssued.compareAndSet(false, true)) {
                    socket.dispatch().closeSocket(socket, irp("close", false)); // the ordinary "on error, close"
                }
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, name, true, true, true);
            return irp;
        }

        /** A send that cannot finish (its routine closes) and a receive, both pending when this returns. */
        void pendSendAndReceive(Loopback lb, Connection c, boolean receiveCloses) throws InterruptedException {
            c.dispatch().send(c.socket(), WskBuf.of(ByteBuffer.allocate(STUCK)), SendFlags.NONE, irp("send", true));
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(64)), ReceiveFlags.NONE,
                    irp("receive", receiveCloses));
            barrier(lb, c);
        }

        void awaitClose(Loopback lb) throws InterruptedException {
            assertTrue(closed.await(Completions.WAIT_SECONDS, TimeUnit.SECONDS), "close completed: " + order
                    + "; reported: " + lb.errors);
        }
    }

    @Test
    @DisplayName("C2 D7 a close from a routine during an abortive disconnect completes last; the rest keep D7's statuses")
    void closeFromARoutineDuringAnAbort() throws Exception {
        try (Loopback lb = Loopback.withSmallPeerBuffer()) {
            Connection c = lb.connect();
            Recorder recorder = new Recorder(c.socket());
            recorder.pendSendAndReceive(lb, c, false);

            // the routine's close may come while this thread is still inside disconnect(): the close then waits for it
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, recorder.irp("abort", false));

            recorder.awaitClose(lb);
            assertEquals(List.of("send:" + NtStatus.CANCELLED, "receive:" + NtStatus.CONNECTION_ABORTED,
                    "abort:" + NtStatus.SUCCESS, "close:" + NtStatus.SUCCESS), recorder.order);
            assertTrue(lb.errors.isEmpty(), lb.errors.toString());
        }
    }

    @Test
    @DisplayName("C2 D9 a close from a routine during a peer reset completes last; the rest keep CONNECTION_RESET")
    void closeFromARoutineDuringAPeerReset() throws Exception {
        try (Loopback lb = Loopback.withSmallPeerBuffer()) {
            Connection c = lb.connect();
            Recorder recorder = new Recorder(c.socket());
            recorder.pendSendAndReceive(lb, c, true);

            c.peer().setSoLinger(true, 0);
            c.peer().close(); // RST

            recorder.awaitClose(lb);
            List<String> order = recorder.order;
            assertEquals(3, order.size(), order.toString());
            assertEquals("close:" + NtStatus.SUCCESS, order.get(2), "the close IRP completes last: " + order);
            assertTrue(order.containsAll(List.of("send:" + NtStatus.CONNECTION_RESET,
                    "receive:" + NtStatus.CONNECTION_RESET)), order.toString());
            assertTrue(lb.errors.isEmpty(), lb.errors.toString());
        }
    }
}
