package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Flight Recorder events of disconnects and closes, read back from a recording stream with their fields. */
class FlightEventsTest {
    @Test
    @DisplayName("io.wsk4j.Disconnect and io.wsk4j.Close carry addresses, mode, sizes, status, flushed IRPs, abortive")
    void disconnectAndCloseEvents() throws Exception {
        LinkedBlockingQueue<RecordedEvent> recorded = new LinkedBlockingQueue<>();
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable("io.wsk4j.Disconnect");
            stream.enable("io.wsk4j.Close");
            stream.onEvent("io.wsk4j.Disconnect", recorded::add);
            stream.onEvent("io.wsk4j.Close", recorded::add);
            stream.startAsync();
            int serverPort;
            try (Loopback loopback = new Loopback(1)) {
                serverPort = loopback.server.getLocalPort();
                // a graceful disconnect with a final buffer, then a close after both FINs: quiet, nothing flushed
                Loopback.Connection graceful = loopback.connect();
                WskSocket socket = graceful.socket();
                socket.dispatch().disconnect(socket, WskBuf.of(Loopback.bytes("bye")), DisconnectMode.GRACEFUL,
                        loopback.completions.irp("disconnect"));
                assertEquals(NtStatus.SUCCESS, loopback.completions.await("disconnect").status());
                assertEquals(3, Loopback.readToEnd(graceful.peer()).length);
                graceful.peer().shutdownOutput();
                socket.dispatch().receive(socket, WskBuf.of(java.nio.ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                        loopback.completions.irp("fin"));
                assertEquals(0, loopback.completions.await("fin").information());
                loopback.closeSocket(socket);
                // a close with a receive pending: it resets the peer and flushes the receive
                Loopback.Connection abortive = loopback.connect();
                WskSocket other = abortive.socket();
                other.dispatch().receive(other, WskBuf.of(java.nio.ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                        loopback.completions.irp("pending"));
                loopback.closeSocket(other);
                assertEquals(NtStatus.CANCELLED, loopback.completions.await("pending").status());
                graceful.peer().close();
                abortive.peer().close();
            }
            List<RecordedEvent> events = awaitEvents(recorded, 3);
            RecordedEvent disconnect = only(events, "io.wsk4j.Disconnect");
            assertEquals("GRACEFUL", disconnect.getString("mode"));
            assertEquals(3, disconnect.getLong("finalBufferSize"));
            assertEquals("SUCCESS", disconnect.getString("status"));
            assertTrue(disconnect.getString("localAddress").contains("127.0.0.1"), disconnect.toString());
            assertTrue(disconnect.getString("remoteAddress").endsWith(":" + serverPort), disconnect.toString());
            assertFalse(disconnect.getDuration().isNegative());
            List<RecordedEvent> closes = all(events, "io.wsk4j.Close");
            assertEquals(2, closes.size(), events.toString());
            RecordedEvent quiet = closes.get(0);
            assertFalse(quiet.getBoolean("abortive"), quiet.toString());
            assertEquals(0, quiet.getInt("pendingIrpsFlushed"));
            RecordedEvent reset = closes.get(1);
            assertTrue(reset.getBoolean("abortive"), reset.toString());
            assertEquals(1, reset.getInt("pendingIrpsFlushed"));
            assertEquals("SUCCESS", reset.getString("status"));
            assertTrue(reset.getString("remoteAddress").endsWith(":" + serverPort), reset.toString());
        }
    }

    @Test
    @DisplayName("R3 io.wsk4j.Close after an abort, a peer reset and a forced close: addresses kept, abortive true")
    void closeEventsAfterAbortiveEndings() throws Exception {
        LinkedBlockingQueue<RecordedEvent> recorded = new LinkedBlockingQueue<>();
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable("io.wsk4j.Close");
            stream.onEvent("io.wsk4j.Close", recorded::add);
            stream.startAsync();
            int serverPort;
            try (Loopback loopback = new Loopback(1)) {
                serverPort = loopback.server.getLocalPort();
                // our abort, then the close
                Loopback.Connection aborted = loopback.connect();
                WskSocket first = aborted.socket();
                first.dispatch().disconnect(first, null, DisconnectMode.ABORTIVE, loopback.completions.irp("abort"));
                assertEquals(NtStatus.SUCCESS, loopback.completions.await("abort").status());
                loopback.closeSocket(first);
                // the peer's reset, seen by a receive, then the close
                Loopback.Connection reset = loopback.connect();
                WskSocket second = reset.socket();
                second.dispatch().receive(second, WskBuf.of(java.nio.ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                        loopback.completions.irp("reset-seen"));
                reset.peer().setSoLinger(true, 0);
                reset.peer().close();
                assertEquals(NtStatus.CONNECTION_RESET, loopback.completions.await("reset-seen").status());
                loopback.closeSocket(second);
                // a socket left open: WskProvider.close() closes it
                loopback.connect();
                aborted.peer().close();
            }
            List<RecordedEvent> closes = awaitEvents(recorded, 3);
            assertEquals(3, closes.size(), closes.toString());
            for (RecordedEvent close : closes) {
                assertTrue(close.getString("localAddress").contains("127.0.0.1"), close.toString());
                assertTrue(close.getString("remoteAddress").endsWith(":" + serverPort), close.toString());
                assertTrue(close.getBoolean("abortive"), "the connection ended with a reset: " + close);
            }
        }
    }

    /** Committed after the operations: once it is read back, every event committed before it has been too. */
    @jdk.jfr.Name("io.wsk4j.test.Marker")
    static final class Marker extends jdk.jfr.Event {}

    @Test
    @DisplayName("R3 the events are disabled by default: a recording that does not enable them gets none")
    void disabledByDefault() throws Exception {
        List<RecordedEvent> wsk4j = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch marker = new java.util.concurrent.CountDownLatch(1);
        try (RecordingStream stream = new RecordingStream()) { // no settings: each event's own default
            stream.onEvent("io.wsk4j.Disconnect", wsk4j::add);
            stream.onEvent("io.wsk4j.Close", wsk4j::add);
            stream.onEvent("io.wsk4j.test.Marker", e -> marker.countDown());
            stream.startAsync();
            try (Loopback loopback = new Loopback(1)) {
                Loopback.Connection connection = loopback.connect();
                WskSocket socket = connection.socket();
                socket.dispatch().disconnect(socket, null, DisconnectMode.ABORTIVE, loopback.completions.irp("reset"));
                assertEquals(NtStatus.SUCCESS, loopback.completions.await("reset").status());
                loopback.closeSocket(socket);
                connection.peer().close();
            }
            new Marker().commit();
            assertTrue(marker.await(Completions.WAIT_SECONDS, TimeUnit.SECONDS), "the marker event never came");
        }
        assertEquals(List.of(), wsk4j, "a disconnect and a close, but no event enabled");
    }

    /** The stream flushes about once a second: wait, bounded, for {@code count} events. */
    private static List<RecordedEvent> awaitEvents(LinkedBlockingQueue<RecordedEvent> recorded, int count)
            throws InterruptedException {
        List<RecordedEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Completions.WAIT_SECONDS);
        while (events.size() < count) {
            RecordedEvent event = recorded.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(event, "only " + events.size() + " of " + count + " events: " + events);
            events.add(event);
        }
        events.sort((a, b) -> a.getEndTime().compareTo(b.getEndTime()));
        return events;
    }

    private static List<RecordedEvent> all(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name) {
        List<RecordedEvent> found = all(events, name);
        assertEquals(1, found.size(), events.toString());
        return found.get(0);
    }
}
