package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import io.wsk4j.conformance.Network.Connection;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC C2 and E4: a close issued from a completion routine while the provider is completing the socket's other IRPs
 * (an abort, a peer reset) waits for that step: the other IRPs keep their statuses and the close IRP completes last.
 * On both transports.
 */
@Timeout(60)
class StepGuardTest {
    /** Logs "name:STATUS" in completion order; the first of the "closers" to complete closes the socket. */
    private static final class Recorder {
        final Log order;
        private final WskSocket socket;
        private boolean closeIssued; // read and written on the socket's I/O thread only

        Recorder(Network net, WskSocket socket) {
            this.order = new Log(net);
            this.socket = socket;
        }

        Irp irp(String name, boolean closesTheSocket) {
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((done, label) -> {
                order.add(label + ":" + done.status());
                done.free();
                if (closesTheSocket && !closeIssued) {
                    closeIssued = true;
                    socket.dispatch().closeSocket(socket, irp("close", false)); // the ordinary "on error, close"
                }
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, name, true, true, true);
            return irp;
        }

        /** A send that cannot finish (its routine closes) and a receive, both pending when this returns. */
        void pendSendAndReceive(Network net, Connection c, boolean receiveCloses) throws InterruptedException {
            c.dispatch().send(c.socket(), WskBuf.of(ByteBuffer.allocate(GracefulDisconnectTest.STUCK_BYTES)),
                    SendFlags.NONE, irp("send", true));
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(64)), ReceiveFlags.NONE,
                    irp("receive", receiveCloses));
            net.barrier(c);
        }

        /** Waits (bounded) until the close completed; {@return every completion, in order} */
        List<String> awaitClose() throws InterruptedException {
            while (!order.next().startsWith("close:")) {
                // the completions before the close's
            }
            return order.all();
        }
    }

    @OnBothTransports
    @DisplayName("C2 D7 a close from a routine during an abortive disconnect completes last; the rest keep D7's statuses")
    void closeFromARoutineDuringAnAbort(Transport transport) throws Exception {
        try (Network net = transport.open(GracefulDisconnectTest.SMALL_PEER_BUFFER)) {
            Connection c = net.connect();
            Recorder recorder = new Recorder(net, c.socket());
            recorder.pendSendAndReceive(net, c, false);

            // the routine's close may come while this thread is still inside disconnect(): the close then waits for it
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, recorder.irp("abort", false));

            assertEquals(List.of("send:" + NtStatus.CANCELLED, "receive:" + NtStatus.CONNECTION_ABORTED,
                    "abort:" + NtStatus.SUCCESS, "close:" + NtStatus.SUCCESS), recorder.awaitClose());
            assertEquals(List.of(), net.errors());
        }
    }

    @OnBothTransports
    @DisplayName("C2 D9 a close from a routine during a peer reset completes last; the rest keep CONNECTION_RESET")
    void closeFromARoutineDuringAPeerReset(Transport transport) throws Exception {
        try (Network net = transport.open(GracefulDisconnectTest.SMALL_PEER_BUFFER)) {
            Connection c = net.connect();
            Recorder recorder = new Recorder(net, c.socket());
            recorder.pendSendAndReceive(net, c, true);

            c.peer().reset();

            List<String> order = recorder.awaitClose();
            assertEquals(3, order.size(), order.toString());
            assertEquals("close:" + NtStatus.SUCCESS, order.get(2), "the close IRP completes last: " + order);
            assertTrue(order.containsAll(List.of("send:" + NtStatus.CONNECTION_RESET,
                    "receive:" + NtStatus.CONNECTION_RESET)), order.toString());
            assertEquals(List.of(), net.errors());
        }
    }
}
