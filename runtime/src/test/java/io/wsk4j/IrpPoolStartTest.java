package io.wsk4j;

import static io.wsk4j.Loopback.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The start methods of {@link IrpPool} that generated dispatch classes call (SPEC P3, P5): the IRP carries a routine
 * that calls the handler once the IRP is back in the pool, and a call the provider refuses (SPEC B1) leaves the pool
 * full.
 */
@Timeout(60)
class IrpPoolStartTest {
    /** A handler class as the processor sees one: its methods are the simple handlers. */
    static final class Recorder {
        final IrpPool pool;
        final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
        final BlockingQueue<WskSocket> sockets = new LinkedBlockingQueue<>();
        final BlockingQueue<WskListenSocket> listeners = new LinkedBlockingQueue<>();
        final BlockingQueue<java.net.SocketAddress> addresses = new LinkedBlockingQueue<>();

        Recorder(IrpPool pool) {
            this.pool = pool;
        }

        <T> void optioned(NtStatus status, WskOption<T> option, T value, String context) {
            calls.add(context + " " + status.name() + " " + option + " " + value + " outstanding "
                    + pool.outstanding());
        }

        void done(NtStatus status, String context) {
            calls.add(context + " " + status.name() + " outstanding " + pool.outstanding());
        }

        void counted(NtStatus status, long bytes, String context) {
            calls.add(context + " " + status.name() + " " + bytes + " outstanding " + pool.outstanding());
        }

        void connected(NtStatus status, WskSocket socket, String context) {
            if (socket != null) {
                sockets.add(socket);
            }
            // not the pool's count: the IRPs that enabled the socket's events may still be on their way back
            calls.add(context + " " + status.name());
        }

        void listened(NtStatus status, WskListenSocket listener, String context) {
            if (listener != null) {
                listeners.add(listener);
            }
            calls.add(context + " " + status.name());
        }

        void moded(NtStatus status, DisconnectMode mode, String context) {
            calls.add(context + " " + status.name() + " " + mode + " outstanding " + pool.outstanding());
        }

        void addressed(NtStatus status, java.net.SocketAddress address, String context) {
            if (address != null) {
                addresses.add(address);
            }
            calls.add(context + " " + status.name() + (address == null ? " no address" : "") + " outstanding "
                    + pool.outstanding());
        }

        String next() throws InterruptedException {
            String call = calls.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(call, "a handler call");
            return call;
        }
    }

    @Test
    @DisplayName("P3 I4 a pooled start method calls its handler with the result once the IRP is back in the pool")
    void handlersRunWithTheIrpBack() throws Exception {
        try (Loopback lb = new Loopback()) {
            IrpPool pool = new IrpPool(4);
            Recorder recorder = new Recorder(pool);
            Connection c = lb.connect();
            pool.send(c.socket(), WskBuf.of(bytes("hello")), SendFlags.NONE, recorder, Recorder::counted, "send");
            assertEquals("send SUCCESS 5 outstanding 0", recorder.next());
            pool.send(c.socket(), WskBuf.of(bytes("hi")), SendFlags.NONE, recorder, Recorder::done, "status");
            assertEquals("status SUCCESS outstanding 0", recorder.next());
            c.peer().getOutputStream().write(new byte[] {1, 2, 3});
            pool.receive(c.socket(), WskBuf.of(ByteBuffer.allocate(3)), ReceiveFlags.WAITALL, recorder,
                    Recorder::counted, "receive");
            assertEquals("receive SUCCESS 3 outstanding 0", recorder.next());
            pool.disconnect(c.socket(), null, DisconnectMode.ABORTIVE, recorder, Recorder::done, "abort");
            assertEquals("abort SUCCESS outstanding 0", recorder.next());
            pool.closeSocket(c.socket(), recorder, Recorder::done, "close");
            assertEquals("close SUCCESS outstanding 0", recorder.next());
            assertEquals(0, pool.outstanding());
            assertTrue(lb.errors.isEmpty(), lb.errors.toString());
        }
    }

    @Test
    @DisplayName("P3 K4 an option call the provider refuses (a null option, a value of another type through raw types)"
            + " still calls the option handler, with INVALID_PARAMETER and no value")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void refusedOptionsReachTheHandler() throws Exception {
        try (Loopback lb = new Loopback()) {
            IrpPool pool = new IrpPool(4);
            Recorder recorder = new Recorder(pool);
            Connection c = lb.connect();
            pool.getOption(c.socket(), null, recorder, Recorder::optioned, "get null");
            assertEquals("get null INVALID_PARAMETER null null outstanding 0", recorder.next());
            pool.setOption(c.socket(), null, Boolean.TRUE, recorder, Recorder::optioned, "set null");
            assertEquals("set null INVALID_PARAMETER null null outstanding 0", recorder.next());
            WskOption raw = WskOption.SO_RCVBUF; // what a caller without generics can pass: a Boolean for an Integer
            pool.setOption(c.socket(), raw, Boolean.TRUE, recorder, Recorder::optioned, "set mistyped");
            assertEquals("set mistyped INVALID_PARAMETER SO_RCVBUF null outstanding 0", recorder.next());
            pool.getOption(c.socket(), WskOption.SO_KEEPALIVE, recorder, Recorder::optioned, "get");
            assertEquals("get SUCCESS SO_KEEPALIVE false outstanding 0", recorder.next());
            assertTrue(lb.errors.isEmpty(), lb.errors.toString());
            pool.closeSocket(c.socket(), recorder, Recorder::done, "close");
            assertEquals("close SUCCESS outstanding 0", recorder.next());
        }
    }

    @Test
    @DisplayName("P5 N2 a timeout overload refuses a null or zero timeout as cancelAfter does, and its IRP goes back")
    void timeoutsAreCheckedAsCancelAfterChecksThem() throws Exception {
        try (Loopback lb = new Loopback()) {
            IrpPool pool = new IrpPool(4);
            Recorder recorder = new Recorder(pool);
            Connection c = lb.connect();
            for (java.time.Duration bad : new java.time.Duration[] {null, java.time.Duration.ZERO}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.receive(
                        c.socket(), WskBuf.of(ByteBuffer.allocate(1)), ReceiveFlags.NONE, recorder, Recorder::counted,
                        "receive", bad));
                assertTrue(e.getMessage().contains("cancelAfter(" + bad + ")"), e.getMessage());
                assertEquals(0, pool.outstanding(), "the refused call gave its IRP back");
            }
            pool.closeSocket(c.socket(), recorder, Recorder::done, "close");
            assertEquals("close SUCCESS outstanding 0", recorder.next());
            assertTrue(lb.errors.isEmpty(), lb.errors.toString());
        }
    }

    @Test
    @DisplayName("P3 P5 the pool's address queries hand the address to the handler; a disconnect handler that takes"
            + " the mode gets the one its start used; a refused query gives its IRP back")
    void addressesAndModes() throws Exception {
        try (Loopback lb = new Loopback()) {
            IrpPool pool = new IrpPool(4);
            Recorder recorder = new Recorder(pool);
            Connection graceful = lb.connect();
            pool.localAddress(graceful.socket(), recorder, Recorder::addressed, "local");
            assertEquals("local SUCCESS outstanding 0", recorder.next());
            assertEquals(graceful.peer().getRemoteSocketAddress(), recorder.addresses.poll());
            pool.remoteAddress(graceful.socket(), recorder, Recorder::addressed, "remote");
            assertEquals("remote SUCCESS outstanding 0", recorder.next());
            assertEquals(graceful.peer().getLocalSocketAddress(), recorder.addresses.poll());
            pool.disconnect(graceful.socket(), null, DisconnectMode.GRACEFUL, recorder, Recorder::moded, "end");
            assertEquals("end SUCCESS GRACEFUL outstanding 0", recorder.next());
            Connection abortive = lb.connect();
            pool.disconnect(abortive.socket(), null, DisconnectMode.ABORTIVE, recorder, Recorder::moded, "end");
            assertEquals("end SUCCESS ABORTIVE outstanding 0", recorder.next());
            for (Connection c : List.of(graceful, abortive)) {
                pool.closeSocket(c.socket(), recorder, Recorder::done, "close");
                assertEquals("close SUCCESS outstanding 0", recorder.next());
            }
            assertThrows(IllegalStateException.class,
                    () -> pool.localAddress(graceful.socket(), recorder, Recorder::addressed, "closed"));
            assertThrows(IllegalStateException.class,
                    () -> pool.remoteAddress(graceful.socket(), recorder, Recorder::addressed, "closed"));
            assertEquals(0, pool.outstanding(), "the refused queries gave their IRPs back");
            assertTrue(recorder.calls.isEmpty(), "no handler ran for a refused call: " + recorder.calls);
            assertTrue(lb.errors.isEmpty(), lb.errors.toString());
        }
    }

    @Test
    @DisplayName("B1 B3 a start method whose call the provider refuses gives the IRP back before the exception")
    void refusedCallLeavesThePoolFull() throws Exception {
        try (Loopback lb = new Loopback()) {
            IrpPool pool = new IrpPool(4);
            Recorder recorder = new Recorder(pool);
            Connection c = lb.connect();
            // a WskBuf that a pending receive holds cannot be passed to another operation (SPEC B4)
            WskBuf held = WskBuf.of(ByteBuffer.allocate(8));
            pool.receive(c.socket(), held, ReceiveFlags.NONE, recorder, Recorder::done, "pending");
            assertEquals(1, pool.outstanding(), "the pending receive holds one IRP");
            assertThrows(IllegalStateException.class,
                    () -> pool.send(c.socket(), held, SendFlags.NONE, recorder, Recorder::done, "refused"));
            assertEquals(1, pool.outstanding(), "the refused send gave its IRP back");
            assertThrows(NullPointerException.class,
                    () -> pool.closeSocket(null, recorder, Recorder::done, "no socket"));
            IrpPool.StatusHandler<Recorder, String> noHandler = null;
            assertThrows(NullPointerException.class, () -> pool.send(c.socket(), WskBuf.of(bytes("x")),
                    SendFlags.NONE, recorder, noHandler, "no handler"));
            assertEquals(1, pool.outstanding(), "nothing else is out");
            c.peer().getOutputStream().write(new byte[8]);
            assertEquals("pending SUCCESS outstanding 0", recorder.next());
            pool.closeSocket(c.socket(), recorder, Recorder::done, "close");
            assertEquals("close SUCCESS outstanding 0", recorder.next());
            assertTrue(recorder.calls.isEmpty(), "no handler ran for a refused call: " + recorder.calls);
        }
    }

    @Test
    @DisplayName("P5 E1 a pooled connect enables the socket's events before its handler runs; listen gets its socket")
    void connectEnablesEventsAndListenGetsItsSocket() throws Exception {
        try (Loopback lb = new Loopback()) {
            IrpPool pool = new IrpPool(4);
            Recorder recorder = new Recorder(pool);
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            WskClientConnectionDispatch<String> events = new WskClientConnectionDispatch<>() {
                @Override
                public long onReceive(String context, WskBuf data) {
                    received.add(context + " " + data.length());
                    return data.length();
                }
            };
            pool.socketConnect(lb.provider, lb.address(), events, Set.of(WskEvent.RECEIVE), recorder,
                    Recorder::connected, "connect");
            java.net.Socket peer = lb.server.accept();
            assertEquals("connect SUCCESS", recorder.next());
            peer.getOutputStream().write(new byte[] {7, 7});
            assertEquals("connect 2", received.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS),
                    "the receive event was on before the handler ran");
            WskSocket connected = recorder.sockets.poll();
            pool.closeSocket(connected, recorder, Recorder::done, "close");
            assertEquals("close SUCCESS outstanding 0", recorder.next());
            peer.close();

            pool.socketListen(lb.provider, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    (context, socket, local, remote) -> WskAccept.reject(), recorder, Recorder::listened, "listen");
            assertEquals("listen SUCCESS", recorder.next());
            WskListenSocket listener = recorder.listeners.poll();
            assertNotNull(listener);
            pool.localAddress(listener, recorder, Recorder::addressed, "listening at");
            assertEquals("listening at SUCCESS outstanding 0", recorder.next());
            assertNotEquals(0, ((InetSocketAddress) recorder.addresses.poll()).getPort(), "the port chosen for 0");
            // a listening socket has no peer: pool.remoteAddress(listener, ...) does not compile (SPEC K1)
            pool.closeSocket(listener, recorder, Recorder::done, "close listener");
            assertEquals("close listener SUCCESS outstanding 0", recorder.next());
            assertEquals(0, pool.outstanding());
        }
    }
}
