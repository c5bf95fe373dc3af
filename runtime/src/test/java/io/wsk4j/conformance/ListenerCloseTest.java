package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskAccept;
import io.wsk4j.WskClientListenDispatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/** SPEC C1 for a listening socket: once its close completes, the port is closed; nobody can still connect. */
@Timeout(60)
class ListenerCloseTest {
    @OnBothTransports
    @DisplayName("C1 a listener's close completes once its port is closed: a connect from the close routine is refused")
    void closedListenerRefusesAtOnce(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            WskClientListenDispatch<Void> rejectAll = (context, socket, local, remote) -> WskAccept.reject();
            Network.Listening listening = net.listen(null, rejectAll);
            Network.PeerConnect[] late = new Network.PeerConnect[1];
            Irp close = Irp.allocate();
            // the routine runs on the I/O thread right as the close completes, before the loop can do anything else
            close.setCompletionRoutine((irp, box) -> {
                synchronized (box) {
                    box[0] = net.startPeerConnect(listening.address());
                    box.notifyAll();
                }
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, late, true, true, true);
            listening.socket().dispatch().closeSocket(listening.socket(), close);
            net.await(late, () -> {
                synchronized (late) {
                    return late[0] != null;
                }
            }, "the listener's close");
            Network.PeerConnect connect;
            synchronized (late) {
                connect = late[0];
            }
            assertEquals("refused", connect.outcome());
        }
    }
}
