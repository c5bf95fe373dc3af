package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskAccept;
import io.wsk4j.WskBuf;
import io.wsk4j.WskEvent;
import io.wsk4j.WskProviderConnectionDispatch;
import io.wsk4j.WskSocket;
import io.wsk4j.conformance.Network.Connection;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC B1–B4, every public entry of the runtime against every kind of bad argument: each throws the exception B1
 * names (with a message that says what to do) before anything is queued, or completes with the status B2 names;
 * nothing hangs, no IRP completes twice, and the socket still works afterwards; on both transports.
 */
@Timeout(60)
class BadInputSweepTest {
    /** One dispatch entry, called with the IRP and socket given. */
    private interface Entry {
        NtStatus call(WskSocket socket, Irp irp);
    }

    private static Map<String, Entry> entries(WskBuf buffer) {
        SocketAddress somewhere = new InetSocketAddress("127.0.0.1", 9);
        Map<String, Entry> entries = new LinkedHashMap<>();
        entries.put("bind", (s, irp) -> s.dispatch().bind(s, somewhere, irp));
        entries.put("connect", (s, irp) -> s.dispatch().connect(s, somewhere, irp));
        entries.put("send", (s, irp) -> s.dispatch().send(s, buffer, SendFlags.NONE, irp));
        entries.put("receive", (s, irp) -> s.dispatch().receive(s, buffer, ReceiveFlags.NONE, irp));
        entries.put("disconnect", (s, irp) -> s.dispatch().disconnect(s, null, DisconnectMode.GRACEFUL, irp));
        entries.put("abort", (s, irp) -> s.dispatch().disconnect(s, null, DisconnectMode.ABORTIVE, irp));
        entries.put("getLocalAddress", (s, irp) -> s.dispatch().getLocalAddress(s, irp));
        entries.put("getRemoteAddress", (s, irp) -> s.dispatch().getRemoteAddress(s, irp));
        entries.put("controlSocket", (s, irp) -> s.dispatch().controlSocket(s, WskEvent.RECEIVE, true, irp));
        entries.put("closeSocket", (s, irp) -> s.dispatch().closeSocket(s, irp));
        return entries;
    }

    /** Calls {@code entry}; returns the exception's class, or fails if it returned. */
    private static Class<?> thrown(String what, Entry entry, WskSocket socket, Irp irp, List<String> messages) {
        try {
            NtStatus status = entry.call(socket, irp);
            fail(what + " returned " + status + " instead of throwing");
            return null;
        } catch (RuntimeException e) {
            assertNotNull(e.getMessage(), what);
            assertTrue(e.getMessage().length() > 30, what + ": a message that says what to do: " + e.getMessage());
            messages.add(what + ": " + e.getMessage());
            return e.getClass();
        }
    }

    @OnBothTransports
    @DisplayName("B1 B3 I3 I5 C5 null, foreign, freed, unready, pending IRPs and null, foreign, closed sockets throw, for every entry")
    void everyEntryRefusesBadIrpsAndSockets(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            WskBuf buffer = WskBuf.of(ByteBuffer.allocate(16));
            Irp pending = net.completions.irp("pending"); // a receive that waits: its IRP belongs to the provider
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE, pending);
            Irp freed = Irp.allocate();
            freed.free();
            Irp noRoutine = Irp.allocate();
            Irp foreignIrp = (Irp) java.lang.reflect.Proxy.newProxyInstance(Irp.class.getClassLoader(),
                    new Class<?>[] {Irp.class}, (proxy, method, args) -> null);
            WskSocket foreignSocket = () -> c.dispatch();
            WskSocket closed = net.socket(null, null);
            net.closeSocket(closed);

            Map<String, Function<String, Irp>> badIrps = new LinkedHashMap<>();
            badIrps.put("null IRP", name -> null);
            badIrps.put("foreign IRP", name -> foreignIrp);
            badIrps.put("freed IRP", name -> freed);
            badIrps.put("IRP without a routine", name -> noRoutine);
            badIrps.put("pending IRP", name -> pending);
            List<String> messages = new ArrayList<>();
            for (Map.Entry<String, Entry> entry : entries(buffer).entrySet()) {
                String name = entry.getKey();
                for (Map.Entry<String, Function<String, Irp>> bad : badIrps.entrySet()) {
                    Class<?> type = thrown(name + " with a " + bad.getKey(), entry.getValue(), c.socket(),
                            bad.getValue().apply(name), messages);
                    Class<?> expected = bad.getKey().equals("null IRP") ? NullPointerException.class
                            : bad.getKey().equals("foreign IRP") ? IllegalArgumentException.class
                            : IllegalStateException.class;
                    assertEquals(expected, type, name + " with a " + bad.getKey());
                }
                assertEquals(NullPointerException.class,
                        thrown(name + " on a null socket", entry.getValue(), null, net.completions.irp(name + "-n"),
                                messages));
                assertEquals(IllegalArgumentException.class, thrown(name + " on a foreign socket", entry.getValue(),
                        foreignSocket, net.completions.irp(name + "-f"), messages));
                assertEquals(IllegalStateException.class, thrown(name + " on a closed socket", entry.getValue(),
                        closed, net.completions.irp(name + "-c"), messages));
            }
            assertTrue(messages.stream().noneMatch(m -> m.contains("internal error")), String.join("\n", messages));
            assertFalse(freed.cancel());
            noRoutine.free(); // never queued: still the caller's

            c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("still fine")), SendFlags.NONE,
                    net.completions.irp("ok"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("ok").status(), "the socket still works");
            net.closeSocket(c.socket());
            assertEquals(NtStatus.CANCELLED, net.completions.await("pending").status());
            net.completions.assertEachCompletedOnce();
            assertEquals(List.of(), net.errors());
        }
    }

    @OnBothTransports
    @DisplayName("B2 X4 B4 null, empty, read-only and foreign buffers: the status SPEC names, or IllegalArgumentException")
    void badBuffers(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            WskProviderConnectionDispatch d = c.dispatch();
            assertEquals(NtStatus.INVALID_PARAMETER,
                    d.send(c.socket(), null, SendFlags.NONE, net.completions.irp("1")));
            assertEquals(NtStatus.INVALID_PARAMETER,
                    d.send(c.socket(), WskBuf.of(Bytes.ascii("x")), null, net.completions.irp("2")));
            assertEquals(NtStatus.INVALID_PARAMETER,
                    d.receive(c.socket(), null, ReceiveFlags.NONE, net.completions.irp("3")));
            assertEquals(NtStatus.INVALID_PARAMETER, d.receive(c.socket(), WskBuf.of(ByteBuffer.allocate(0)),
                    ReceiveFlags.NONE, net.completions.irp("4")));
            assertEquals(NtStatus.INVALID_PARAMETER, d.receive(c.socket(),
                    WskBuf.of(ByteBuffer.allocate(8).asReadOnlyBuffer()), ReceiveFlags.NONE, net.completions.irp("5")));
            assertEquals(NtStatus.INVALID_PARAMETER, d.disconnect(c.socket(), WskBuf.of(Bytes.ascii("x")),
                    DisconnectMode.ABORTIVE, net.completions.irp("6")));
            assertEquals(NtStatus.INVALID_PARAMETER,
                    d.disconnect(c.socket(), null, null, net.completions.irp("7")));
            assertEquals(NtStatus.INVALID_PARAMETER, d.bind(c.socket(), null, net.completions.irp("8")));
            assertEquals(NtStatus.INVALID_PARAMETER, d.controlSocket(c.socket(), null, true, net.completions.irp("9")));
            WskBuf foreign = new WskBuf() {
                @Override
                public long length() {
                    return 1;
                }

                @Override
                public int bufferCount() {
                    return 1;
                }

                @Override
                public ByteBuffer buffer(int index) {
                    return ByteBuffer.allocate(1);
                }
            };
            Irp irp = net.completions.irp("foreign-buffer");
            try {
                d.send(c.socket(), foreign, SendFlags.NONE, irp);
                fail("a foreign WskBuf was accepted");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("WskBuf.of"), e.getMessage());
            }
            assertFalse(irp.cancel(), "never queued");
            irp.free();
            assertEquals(NtStatus.INVALID_PARAMETER, net.provider().socketConnect(null, null, null,
                    net.completions.irp("10")));
            assertEquals(NtStatus.INVALID_PARAMETER, net.provider().socketListen(null, null,
                    (context, socket, local, remote) -> WskAccept.reject(), net.completions.irp("11")));
            d.send(c.socket(), WskBuf.of(Bytes.ascii("ok")), SendFlags.NONE, net.completions.irp("ok"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("ok").status());
            net.closeSocket(c.socket());
            net.completions.assertEachCompletedOnce();
            assertEquals(List.of(), net.errors());
        }
    }
}
