package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.conformance.Network.Connection;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/** Defects a review of the provider core found, each reproduced before it was fixed; on both transports. */
@Timeout(60)
class ReviewFindingsTest {
    @OnBothTransports
    @DisplayName("D6 I6 a graceful disconnect cancelled from the routine of the send before it leaves the socket usable")
    void aGracefulCancelledAtTheHeadLeavesTheSocketSendable(Transport transport) throws Exception {
        try (Network net = transport.open(GracefulDisconnectTest.SMALL_PEER_BUFFER)) {
            Connection c = net.connect();
            Log order = new Log(net);
            Irp graceful = Irp.allocate();
            graceful.setCompletionRoutine((irp, log) -> {
                log.add("graceful:" + irp.status());
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, order, true, true, true);
            int size = GracefulDisconnectTest.STUCK_BYTES;
            Irp send = Irp.allocate();
            send.setCompletionRoutine((irp, g) -> {
                order.add("send:" + irp.status());
                irp.free();
                g.cancel(); // the graceful is now at the head of the queue
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, graceful, true, true, true);
            c.dispatch().send(c.socket(), WskBuf.of(ByteBuffer.allocate(size)), SendFlags.NONE, send);
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, graceful);
            Peer.Reading peer = c.peer().readToEndInBackground(false);

            order.awaitSize(2);
            assertEquals(List.of("send:" + NtStatus.SUCCESS, "graceful:" + NtStatus.CANCELLED), order.all());
            c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("after")), SendFlags.NONE,
                    net.completions.irp("after"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("after").status(), "sendable again (D6)");
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, net.completions.irp("again"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("again").status(), "a new graceful disconnect");
            assertEquals(size + 5, peer.await().length, "everything, then EOF");
            net.closeSocket(c.socket());
        }
    }
}
