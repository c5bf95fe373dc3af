package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProviderConnectionDispatch;
import io.wsk4j.WskSocket;
import io.wsk4j.conformance.Network.Connection;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/** SPEC X (send, receive, connect) with A4 and A5, on both transports. */
@Timeout(60)
class SendReceiveTest {
    @OnBothTransports
    @DisplayName("X1 I7 many pending sends go out in issue order, each completing with its whole length")
    void sendsInOrder(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            int count = 200;
            for (int i = 0; i < count; i++) {
                ByteBuffer chunk = Bytes.pattern(1000 + i, i);
                expected.write(chunk.array());
                // a chain of two buffers per send, as WSK_BUF over an MDL chain
                ByteBuffer head = chunk.duplicate().limit(100);
                ByteBuffer tail = chunk.duplicate().position(100);
                c.dispatch().send(c.socket(), WskBuf.of(head, tail), SendFlags.NONE, net.completions.irp("send" + i));
            }
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, net.completions.irp("fin"));
            assertArrayEquals(expected.toByteArray(), c.peer().readToEnd());
            for (int i = 0; i < count; i++) {
                Completions.Done send = net.completions.await("send" + i);
                assertEquals(NtStatus.SUCCESS, send.status());
                assertEquals(1000 + i, send.information());
            }
            net.closeSocket(c.socket());
            net.completions.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("A4 the caller's position and limit stay until completion, then advance by the bytes transferred")
    void buffersAdvanceAtCompletion(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            ByteBuffer in = ByteBuffer.allocate(32);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.NONE, net.completions.irp("receive"));
            net.barrier(c);
            assertEquals(0, in.position(), "untouched while pending");
            c.peer().write("abc");
            assertEquals(3, net.completions.await("receive").information());
            assertEquals(3, in.position(), "advanced by the bytes received");
            assertEquals("abc", new String(in.array(), 0, 3, StandardCharsets.US_ASCII));

            ByteBuffer out = Bytes.ascii("xyz");
            c.dispatch().send(c.socket(), WskBuf.of(out), SendFlags.NONE, net.completions.irp("send"));
            net.completions.await("send");
            assertEquals(3, out.position(), "a sent buffer is consumed, as SocketChannel.write does");
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("X2 a receive completes with what is available; at the peer's FIN with 0 bytes, and again 0 later")
    void receiveThenFin(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            ByteBuffer in = ByteBuffer.allocate(1024);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.NONE, net.completions.irp("r1"));
            c.peer().write("ping");
            Completions.Done r1 = net.completions.await("r1");
            assertEquals(NtStatus.SUCCESS, r1.status());
            assertEquals(4, r1.information());

            c.peer().shutdownOutput();
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                    net.completions.irp("r2"));
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                    net.completions.irp("r3"));
            assertEquals(0, net.completions.await("r2").information());
            assertEquals(NtStatus.SUCCESS, net.completions.await("r3").status());
            assertEquals(0, net.completions.await("r3").information());
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("X2 WAITALL completes only when the buffer is full, or at the peer's FIN with what it has")
    void waitAll(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            ByteBuffer in = ByteBuffer.allocate(10);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.WAITALL, net.completions.irp("waitall"));
            c.peer().write("01234");
            // the five bytes have arrived when a plain receive queued behind would see them; WAITALL still waits
            ByteBuffer probe = ByteBuffer.allocate(1);
            c.dispatch().receive(c.socket(), WskBuf.of(probe), ReceiveFlags.NONE, net.completions.irp("behind"));
            net.barrier(c);
            net.completions.assertNotCompleted("waitall");
            net.completions.assertNotCompleted("behind");
            c.peer().write("56789");
            Completions.Done done = net.completions.await("waitall");
            assertEquals(10, done.information());
            assertEquals("0123456789", new String(in.array(), StandardCharsets.US_ASCII));

            c.peer().write("a");
            assertEquals(1, net.completions.await("behind").information(), "receives complete in issue order");
            ByteBuffer partial = ByteBuffer.allocate(10);
            c.dispatch().receive(c.socket(), WskBuf.of(partial), ReceiveFlags.WAITALL, net.completions.irp("partial"));
            c.peer().write("abc");
            c.peer().shutdownOutput();
            Completions.Done atFin = net.completions.await("partial");
            assertEquals(NtStatus.SUCCESS, atFin.status());
            assertEquals(3, atFin.information(), "WAITALL completes at FIN with what it has");
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("X2 a peer reset completes pending receives with CONNECTION_RESET, and later sends too")
    void receiveReset(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                    net.completions.irp("r"));
            net.barrier(c);
            c.peer().reset();
            assertEquals(NtStatus.CONNECTION_RESET, net.completions.await("r").status());
            c.dispatch().send(c.socket(), WskBuf.of(Bytes.ascii("x")), SendFlags.NONE, net.completions.irp("s"));
            assertEquals(NtStatus.CONNECTION_RESET, net.completions.await("s").status());
            net.closeSocket(c.socket());
        }
    }

    @OnBothTransports
    @DisplayName("X4 B2 unsupported flags complete NOT_SUPPORTED; a missing buffer completes INVALID_PARAMETER")
    void badArguments(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Connection c = net.connect();
            WskProviderConnectionDispatch d = c.dispatch();
            assertEquals(NtStatus.NOT_SUPPORTED, d.receive(c.socket(), WskBuf.of(ByteBuffer.allocate(4)),
                    ReceiveFlags.DRAIN, net.completions.irp("drain")));
            assertEquals(NtStatus.INVALID_PARAMETER,
                    d.send(c.socket(), null, SendFlags.NONE, net.completions.irp("send-null")));
            assertEquals(NtStatus.INVALID_PARAMETER,
                    d.receive(c.socket(), null, ReceiveFlags.NONE, net.completions.irp("receive-null")));
            assertEquals(NtStatus.INVALID_PARAMETER, d.receive(c.socket(), WskBuf.of(ByteBuffer.allocate(0)),
                    ReceiveFlags.NONE, net.completions.irp("receive-empty")));
            assertEquals(NtStatus.INVALID_PARAMETER,
                    d.connect(c.socket(), null, net.completions.irp("connect-null")));
            for (String name : new String[] {"drain", "send-null", "receive-null", "receive-empty"}) {
                assertFalse(net.completions.await(name).pendingReturned(), name + " completed synchronously");
            }
            d.send(c.socket(), WskBuf.of(Bytes.ascii("ok")), SendFlags.NODELAY, net.completions.irp("send"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("send").status(), "still usable");
            assertEquals("ok", new String(c.peer().readExactly(2), StandardCharsets.US_ASCII));
            net.closeSocket(c.socket());
            net.completions.assertEachCompletedOnce();
        }
    }

    @OnBothTransports
    @DisplayName("X3 a connect to a closed port completes CONNECTION_REFUSED, with no socket and no exception")
    void connectRefused(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            SocketAddress nobody = net.closedAddress();
            net.provider().socketConnect(nobody, null, null, net.completions.irp("socket-connect"));
            Completions.Done done = net.completions.await("socket-connect");
            assertEquals(NtStatus.CONNECTION_REFUSED, done.status());
            assertNull(done.socket());

            WskSocket socket = net.socket(null, null);
            socket.dispatch().connect(socket, nobody, net.completions.irp("connect"));
            assertEquals(NtStatus.CONNECTION_REFUSED, net.completions.await("connect").status());
            socket.dispatch().send(socket, WskBuf.of(Bytes.ascii("x")), SendFlags.NONE, net.completions.irp("send"));
            assertEquals(NtStatus.INVALID_CONNECTION, net.completions.await("send").status());
            net.closeSocket(socket);
            assertEquals(0, net.provider().openSocketCount(), "the failed socketConnect closed its own socket");
            assertEquals(List.of(), net.errors());
        }
    }

    @OnBothTransports
    @DisplayName("A5 X3 bind then connect a socket made by WskSocket; a second connect is CONNECTION_ACTIVE; addresses")
    void bindConnectAddresses(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            WskSocket socket = net.socket(null, null);
            WskProviderConnectionDispatch d = socket.dispatch();
            d.bind(socket, new InetSocketAddress(net.loopback(), 0), net.completions.irp("bind"));
            assertEquals(NtStatus.SUCCESS, net.completions.await("bind").status());
            d.connect(socket, net.peerAddress(), net.completions.irp("connect"));
            Peer peer = net.acceptPeer();
            assertEquals(NtStatus.SUCCESS, net.completions.await("connect").status());
            d.connect(socket, net.peerAddress(), net.completions.irp("connect-again"));
            assertEquals(NtStatus.CONNECTION_ACTIVE, net.completions.await("connect-again").status());

            assertEquals(peer.remoteAddress(), net.address(socket, true));
            assertEquals(peer.localAddress(), net.address(socket, false));
            net.closeSocket(socket);
            peer.close();
        }
    }
}
