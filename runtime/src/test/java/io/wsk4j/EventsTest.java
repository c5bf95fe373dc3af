package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What only real threads show of SPEC E and C2: the I/O thread held inside an accept event while the test thread
 * fills the backlog (a simulation has one thread, so connections cannot wait while an event runs). The behaviour every
 * transport shares is in {@code io.wsk4j.conformance.EventsTest}.
 */
@Timeout(60)
class EventsTest {
    @Test
    @DisplayName("C2 an accept event that closes its listener gets no further accept event, even for connections waiting")
    void acceptEventClosesItsListener() throws Exception {
        try (Loopback lb = new Loopback(1)) {
            java.util.concurrent.atomic.AtomicInteger events = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CountDownLatch othersWaiting = new java.util.concurrent.CountDownLatch(1);
            WskListenSocket[] self = new WskListenSocket[1];
            BlockingQueue<WskSocket> accepted = new LinkedBlockingQueue<>();
            WskClientListenDispatch<String> listener = (context, socket, local, remote) -> {
                if (events.incrementAndGet() == 1) {
                    try {
                        othersWaiting.await(Completions.WAIT_SECONDS, TimeUnit.SECONDS); // both in the backlog now
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    self[0].dispatch().closeSocket(self[0], lb.completions.irp("close-listener"));
                }
                accepted.add(socket);
                return WskAccept.accept(context, null);
            };
            Loopback.Listening listening = lb.listen("server", listener);
            self[0] = listening.socket();
            try (Socket first = new Socket(); Socket second = new Socket(); Socket third = new Socket()) {
                first.connect(listening.address(), Loopback.PEER_TIMEOUT_MILLIS);
                second.connect(listening.address(), Loopback.PEER_TIMEOUT_MILLIS);
                third.connect(listening.address(), Loopback.PEER_TIMEOUT_MILLIS);
                othersWaiting.countDown();
                assertEquals(NtStatus.SUCCESS, lb.completions.await("close-listener").status());
                WskSocket socket = accepted.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
                assertNotNull(socket);
                assertEquals(1, events.get(), "no accept event once the listener's close began");
                lb.closeSocket(socket);
            }
            assertEquals(0, lb.provider.openSocketCount());
        }
    }

}
