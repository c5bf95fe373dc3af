package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskAccept;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskClientListenDispatch;
import io.wsk4j.WskEvent;
import io.wsk4j.WskSocket;
import io.wsk4j.conformance.Network.Connection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/** SPEC E: event callbacks (E1–E4), and the accept event of A6, on both transports. */
@Timeout(60)
class EventsTest {
    /** Logs each event as text ("c:receive:abc", "c:disconnect:GRACEFUL"), and whether it ran on an I/O thread. */
    static final class Recorder implements WskClientConnectionDispatch<String> {
        final Log events;
        final Log threads;
        private final Network net;
        volatile long take = Long.MAX_VALUE;

        Recorder(Network net) {
            this.net = net;
            this.events = new Log(net);
            this.threads = new Log(net);
        }

        @Override
        public long onReceive(String context, WskBuf data) {
            threads.add(net.onIoThread() ? "I/O thread" : Thread.currentThread().getName());
            ByteBuffer view = data.buffer(0).duplicate();
            int n = (int) Math.min(take, view.remaining());
            byte[] taken = new byte[n];
            view.get(taken);
            events.add(context + ":receive:" + new String(taken, StandardCharsets.US_ASCII));
            return n;
        }

        @Override
        public void onDisconnect(String context, DisconnectMode how) {
            threads.add(net.onIoThread() ? "I/O thread" : Thread.currentThread().getName());
            events.add(context + ":disconnect:" + how);
        }
    }

    @OnBothTransports
    @DisplayName("E1 events start disabled and need a connected socket; enabled, they deliver what arrived before")
    void eventsStartDisabled(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Recorder recorder = new Recorder(net);
            WskSocket unconnected = net.socket("s", recorder);
            unconnected.dispatch().controlSocket(unconnected, WskEvent.RECEIVE, true, net.completions.irp("early"));
            assertEquals(NtStatus.INVALID_CONNECTION, net.completions.await("early").status());
            net.closeSocket(unconnected);

            Connection c = net.connect("c", recorder);
            c.peer().write("abc");
            c.peer().shutdownOutput();
            net.barrier(c);
            recorder.events.assertNoMore(); // no event before enabling

            net.enable(c.socket(), WskEvent.RECEIVE);
            net.enable(c.socket(), WskEvent.DISCONNECT);
            assertEquals("c:receive:abc", recorder.events.next());
            assertEquals("c:disconnect:GRACEFUL", recorder.events.next());
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("E2 the graceful disconnect event waits until the data before the FIN was delivered, and fires once")
    void disconnectEventAfterData(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Recorder recorder = new Recorder(net);
            Connection c = net.connect("c", recorder);
            net.enable(c.socket(), WskEvent.DISCONNECT);
            c.peer().write("data");
            c.peer().shutdownOutput();
            net.barrier(c);
            recorder.events.assertNoMore(); // the data is not delivered yet

            ByteBuffer in = ByteBuffer.allocate(16);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.NONE, net.completions.irp("receive"));
            assertEquals(4, net.completions.await("receive").information());
            assertEquals("c:disconnect:GRACEFUL", recorder.events.next());
            c.dispatch().receive(c.socket(), WskBuf.of(in.clear()), ReceiveFlags.NONE, net.completions.irp("again"));
            assertEquals(0, net.completions.await("again").information());
            net.barrier(c);
            recorder.events.assertNoMore(); // at most once
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("E2 a peer reset raises the disconnect event with ABORTIVE")
    void disconnectEventOnReset(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Recorder recorder = new Recorder(net);
            Connection c = net.connect("c", recorder);
            net.enable(c.socket(), WskEvent.DISCONNECT);
            c.peer().reset();
            assertEquals("c:disconnect:ABORTIVE", recorder.events.next());
            net.closeSocket(c.socket());
            recorder.events.assertNoMore();
        }
    }

    @OnBothTransports
    @DisplayName("E2 no disconnect event for a local disconnect or after closeSocket")
    void noEventForLocalDisconnect(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Recorder recorder = new Recorder(net);
            Connection aborted = net.connect("a", recorder);
            net.enable(aborted.socket(), WskEvent.DISCONNECT);
            aborted.dispatch().disconnect(aborted.socket(), null, DisconnectMode.ABORTIVE,
                    net.completions.irp("abort"));
            net.completions.await("abort");
            net.closeSocket(aborted.socket());

            Connection closed = net.connect("b", recorder);
            net.enable(closed.socket(), WskEvent.DISCONNECT);
            net.closeSocket(closed.socket());
            closed.peer().close();
            Connection witness = net.connect("w", recorder);
            net.barrier(witness);
            recorder.events.assertNoMore();
            net.closeSocket(witness.socket());
        }
    }

    @OnBothTransports
    @DisplayName("E3 a queued receive IRP takes precedence; data the event does not take stays for the next receive")
    void receiveEventPrecedenceAndPartialTake(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Recorder recorder = new Recorder(net);
            Connection c = net.connect("c", recorder);
            net.enable(c.socket(), WskEvent.RECEIVE);
            ByteBuffer in = ByteBuffer.allocate(16);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.NONE, net.completions.irp("irp"));
            net.barrier(c); // the receive is queued on the loop before the data arrives
            c.peer().write("first");
            assertEquals(5, net.completions.await("irp").information());
            recorder.events.assertNoMore(); // the IRP got it, not the event

            recorder.take = 2;
            c.peer().write("12345");
            assertEquals("c:receive:12", recorder.events.next());
            ByteBuffer rest = ByteBuffer.allocate(16);
            c.dispatch().receive(c.socket(), WskBuf.of(rest), ReceiveFlags.NONE, net.completions.irp("rest"));
            assertEquals(3, net.completions.await("rest").information());
            assertEquals("345", new String(rest.array(), 0, 3, StandardCharsets.US_ASCII));
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("E4 callbacks run on the socket's I/O thread and may start operations (an echo)")
    void callbacksOnLoopMayDispatch(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            IrpPool pool = new IrpPool(8);
            CompletionRoutine<Object> recycle = (irp, ignored) -> {
                pool.recycle(irp);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            };
            Log threads = new Log(net);
            WskSocket[] self = new WskSocket[1];
            WskClientConnectionDispatch<String> echo = new WskClientConnectionDispatch<>() {
                @Override
                public long onReceive(String context, WskBuf data) {
                    threads.add(net.onIoThread() ? "I/O thread" : Thread.currentThread().getName());
                    ByteBuffer copy = ByteBuffer.allocate((int) data.length()).put(data.buffer(0).duplicate()).flip();
                    Irp irp = pool.take();
                    irp.setCompletionRoutine(recycle, null, true, true, true);
                    self[0].dispatch().send(self[0], WskBuf.of(copy), SendFlags.NONE, irp);
                    return copy.limit();
                }
            };
            Connection c = net.connect("c", echo);
            self[0] = c.socket();
            net.enable(c.socket(), WskEvent.RECEIVE);
            c.peer().write("echo me");
            assertEquals("echo me", new String(c.peer().readExactly(7), StandardCharsets.US_ASCII));
            assertTrue(threads.all().stream().allMatch("I/O thread"::equals), threads.all().toString());
            net.closeSocket(c.socket());
            assertEquals(0, pool.outstanding());
        }
    }

    @OnBothTransports
    @DisplayName("A6 a listening socket hands accepted sockets to the accept event, with events enabled as asked")
    void acceptEvent(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Recorder recorder = new Recorder(net);
            WskSocket[] accepted = new WskSocket[1];
            WskClientListenDispatch<String> listener = (context, socket, local, remote) -> {
                accepted[0] = socket;
                return WskAccept.accept(context + "-conn", recorder, EnumSet.of(WskEvent.RECEIVE, WskEvent.DISCONNECT));
            };
            Network.Listening listening = net.listen("server", listener);

            Peer client = net.connectPeer(listening.address());
            client.write("hi");
            client.shutdownOutput();
            assertEquals("server-conn:receive:hi", recorder.events.next());
            assertEquals("server-conn:disconnect:GRACEFUL", recorder.events.next());
            WskSocket socket = accepted[0];
            socket.dispatch().disconnect(socket, WskBuf.of(Bytes.ascii("bye")), DisconnectMode.GRACEFUL,
                    net.completions.irp("bye"));
            assertEquals("bye", new String(client.readToEnd(), StandardCharsets.US_ASCII));
            net.completions.await("bye");
            net.closeSocket(socket);
            client.close();
            net.closeSocket(listening.socket());
            assertEquals(0, net.provider().openSocketCount());
        }
    }

    @OnBothTransports
    @DisplayName("A6 an accept event that rejects resets the client")
    void acceptReject(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            WskClientListenDispatch<Object> rejectAll = (context, socket, local, remote) -> WskAccept.reject();
            Network.Listening listening = net.listen(null, rejectAll);
            assertEquals("RESET", net.connectPeerAndEnd(listening.address()));
            net.closeSocket(listening.socket());
            // The rejected connection may live on another I/O thread than the listener, where its teardown ends just
            // after the poll that sent the RST the peer saw: stats() runs a task on every loop, after that poll.
            net.provider().stats();
            assertEquals(0, net.provider().openSocketCount());
        }
    }

    @OnBothTransports
    @DisplayName("E1 enabling the send-backlog event reports the send buffer size once, on the I/O thread")
    void sendBacklogEvent(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Log backlog = new Log(net);
            WskClientConnectionDispatch<String> events = new WskClientConnectionDispatch<>() {
                @Override
                public void onSendBacklog(String context, long idealBacklogSize) {
                    backlog.add(context + ":" + (idealBacklogSize > 0) + ":" + net.onIoThread());
                }
            };
            Connection c = net.connect("c", events);
            net.enable(c.socket(), WskEvent.SEND_BACKLOG);
            assertEquals("c:true:true", backlog.next());
            net.barrier(c);
            backlog.assertNoMore(); // once
            net.closeSocket(c.socket());
        }
    }
}
