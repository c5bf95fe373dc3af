package io.wsk4j;

import static io.wsk4j.Loopback.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wsk4j.Loopback.Connection;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC B1–B4, every public entry of the runtime against every kind of bad argument: each throws the exception B1
 * names (with a message that says what to do) before anything is queued, or completes with the status B2 names;
 * nothing hangs, no IRP completes twice, and the socket still works afterwards.
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

    @Test
    @DisplayName("B1 B3 I3 I5 C5 null, foreign, freed, unready, pending IRPs and null, foreign, closed sockets throw, for every entry")
    void everyEntryRefusesBadIrpsAndSockets() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            WskBuf buffer = WskBuf.of(ByteBuffer.allocate(16));
            Irp pending = lb.completions.irp("pending"); // a receive that waits: its IRP belongs to the provider
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE, pending);
            Irp freed = Irp.allocate();
            freed.free();
            Irp noRoutine = Irp.allocate();
            Irp foreignIrp = (Irp) java.lang.reflect.Proxy.newProxyInstance(Irp.class.getClassLoader(),
                    new Class<?>[] {Irp.class}, (proxy, method, args) -> null);
            WskSocket foreignSocket = () -> c.dispatch();
            lb.provider.socket(null, null, lb.completions.irp("to-close"));
            WskSocket closed = lb.completions.await("to-close").socket();
            lb.closeSocket(closed);

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
                        thrown(name + " on a null socket", entry.getValue(), null, lb.completions.irp(name + "-n"),
                                messages));
                assertEquals(IllegalArgumentException.class, thrown(name + " on a foreign socket", entry.getValue(),
                        foreignSocket, lb.completions.irp(name + "-f"), messages));
                assertEquals(IllegalStateException.class, thrown(name + " on a closed socket", entry.getValue(),
                        closed, lb.completions.irp(name + "-c"), messages));
            }
            assertTrue(messages.stream().noneMatch(m -> m.contains("internal error")), String.join("\n", messages));
            assertFalse(freed.cancel());
            noRoutine.free(); // never queued: still the caller's

            c.dispatch().send(c.socket(), WskBuf.of(bytes("still fine")), SendFlags.NONE, lb.completions.irp("ok"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("ok").status(), "the socket still works");
            lb.closeSocket(c.socket());
            assertEquals(NtStatus.CANCELLED, lb.completions.await("pending").status());
            lb.completions.assertEachCompletedOnce();
            assertEquals(List.of(), lb.errors);
        }
    }

    @Test
    @DisplayName("B2 X4 B4 null, empty, read-only and foreign buffers: the status SPEC names, or IllegalArgumentException")
    void badBuffers() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            WskProviderConnectionDispatch d = c.dispatch();
            assertEquals(NtStatus.INVALID_PARAMETER, d.send(c.socket(), null, SendFlags.NONE, lb.completions.irp("1")));
            assertEquals(NtStatus.INVALID_PARAMETER,
                    d.send(c.socket(), WskBuf.of(bytes("x")), null, lb.completions.irp("2")));
            assertEquals(NtStatus.INVALID_PARAMETER,
                    d.receive(c.socket(), null, ReceiveFlags.NONE, lb.completions.irp("3")));
            assertEquals(NtStatus.INVALID_PARAMETER, d.receive(c.socket(), WskBuf.of(ByteBuffer.allocate(0)),
                    ReceiveFlags.NONE, lb.completions.irp("4")));
            assertEquals(NtStatus.INVALID_PARAMETER, d.receive(c.socket(),
                    WskBuf.of(ByteBuffer.allocate(8).asReadOnlyBuffer()), ReceiveFlags.NONE, lb.completions.irp("5")));
            assertEquals(NtStatus.INVALID_PARAMETER, d.disconnect(c.socket(), WskBuf.of(bytes("x")),
                    DisconnectMode.ABORTIVE, lb.completions.irp("6")));
            assertEquals(NtStatus.INVALID_PARAMETER,
                    d.disconnect(c.socket(), null, null, lb.completions.irp("7")));
            assertEquals(NtStatus.INVALID_PARAMETER, d.bind(c.socket(), null, lb.completions.irp("8")));
            assertEquals(NtStatus.INVALID_PARAMETER, d.controlSocket(c.socket(), null, true, lb.completions.irp("9")));
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
            Irp irp = lb.completions.irp("foreign-buffer");
            try {
                d.send(c.socket(), foreign, SendFlags.NONE, irp);
                fail("a foreign WskBuf was accepted");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("WskBuf.of"), e.getMessage());
            }
            assertFalse(irp.cancel(), "never queued");
            irp.free();
            assertEquals(NtStatus.INVALID_PARAMETER, lb.provider.socketConnect(null, null, null,
                    lb.completions.irp("10")));
            assertEquals(NtStatus.INVALID_PARAMETER, lb.provider.socketListen(null, null,
                    (context, socket, local, remote) -> WskAccept.reject(), lb.completions.irp("11")));
            d.send(c.socket(), WskBuf.of(bytes("ok")), SendFlags.NONE, lb.completions.irp("ok"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("ok").status());
            lb.closeSocket(c.socket());
            lb.completions.assertEachCompletedOnce();
            assertEquals(List.of(), lb.errors);
        }
    }
}
