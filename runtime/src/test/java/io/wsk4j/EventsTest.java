package io.wsk4j;

import static io.wsk4j.GracefulDisconnectTest.barrier;
import static io.wsk4j.Loopback.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What only real threads show of SPEC E and C2: the I/O thread held inside an accept event while the test thread
 * fills the backlog (a simulation has one thread, so connections cannot wait while an event runs). The behaviour every
 * transport shares is in {@code io.wsk4j.conformance.EventsTest}; {@link Recorder} serves other NIO tests.
 */
@Timeout(60)
class EventsTest {
    /** Records each event as text ("receive:abc", "disconnect:GRACEFUL") with the thread it ran on. */
    static final class Recorder implements WskClientConnectionDispatch<String> {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final List<String> threads = new ArrayList<>();
        volatile long take = Long.MAX_VALUE;

        @Override
        public long onReceive(String context, WskBuf data) {
            threads.add(Thread.currentThread().getName());
            ByteBuffer view = data.buffer(0).duplicate();
            int n = (int) Math.min(take, view.remaining());
            byte[] taken = new byte[n];
            view.get(taken);
            events.add(context + ":receive:" + new String(taken, StandardCharsets.US_ASCII));
            return n;
        }

        @Override
        public void onDisconnect(String context, DisconnectMode how) {
            threads.add(Thread.currentThread().getName());
            events.add(context + ":disconnect:" + how);
        }

        String next() throws InterruptedException {
            String event = events.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(event, "no event within " + Completions.WAIT_SECONDS + " s");
            return event;
        }
    }

    private static void enable(Loopback lb, WskSocket socket, WskEvent event) throws InterruptedException {
        String name = "enable-" + event + "-" + System.nanoTime();
        socket.dispatch().controlSocket(socket, event, true, lb.completions.irp(name));
        assertEquals(NtStatus.SUCCESS, lb.completions.await(name).status());
    }

    @Test
    @DisplayName("C2 an accept event that closes its listener gets no further accept event, even for connections waiting")
    void acceptEventClosesItsListener() throws Exception {
        try (Loopback lb = new Loopback(1)) {
            java.util.concurrent.atomic.AtomicInteger events = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CountDownLatch othersWaiting = new java.util.concurrent.CountDownLatch(1);
            WskSocket[] self = new WskSocket[1];
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
