package io.wsk4j;

import static io.wsk4j.GracefulDisconnectTest.barrier;
import static io.wsk4j.Loopback.bytes;
import static io.wsk4j.Loopback.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SendReceiveTest {
    @Test
    @DisplayName("X1 I7 many pending sends go out in issue order, each completing with its whole length")
    void sendsInOrder() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            int count = 200;
            for (int i = 0; i < count; i++) {
                ByteBuffer chunk = pattern(1000 + i, i);
                expected.write(chunk.array());
                // a chain of two buffers per send, as WSK_BUF over an MDL chain
                ByteBuffer head = chunk.duplicate().limit(100);
                ByteBuffer tail = chunk.duplicate().position(100);
                c.dispatch().send(c.socket(), WskBuf.of(head, tail), SendFlags.NONE, lb.completions.irp("send" + i));
            }
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, lb.completions.irp("fin"));
            assertArrayEquals(expected.toByteArray(), Loopback.readToEnd(c.peer()));
            for (int i = 0; i < count; i++) {
                Completions.Done send = lb.completions.await("send" + i);
                assertEquals(NtStatus.SUCCESS, send.status());
                assertEquals(1000 + i, send.information());
            }
            lb.closeSocket(c.socket());
            lb.completions.assertEachCompletedOnce();
        }
    }

    @Test
    @DisplayName("A4 the caller's position and limit stay until completion, then advance by the bytes transferred")
    void buffersAdvanceAtCompletion() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            ByteBuffer in = ByteBuffer.allocate(32);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.NONE, lb.completions.irp("receive"));
            barrier(lb, c);
            assertEquals(0, in.position(), "untouched while pending");
            c.peer().getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
            assertEquals(3, lb.completions.await("receive").information());
            assertEquals(3, in.position(), "advanced by the bytes received");
            assertEquals("abc", new String(in.array(), 0, 3, StandardCharsets.US_ASCII));

            ByteBuffer out = bytes("xyz");
            c.dispatch().send(c.socket(), WskBuf.of(out), SendFlags.NONE, lb.completions.irp("send"));
            lb.completions.await("send");
            assertEquals(3, out.position(), "a sent buffer is consumed, as SocketChannel.write does");
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("X2 a receive completes with what is available; at the peer's FIN with 0 bytes, and again 0 later")
    void receiveThenFin() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            ByteBuffer in = ByteBuffer.allocate(1024);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.NONE, lb.completions.irp("r1"));
            OutputStream out = c.peer().getOutputStream();
            out.write("ping".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Completions.Done r1 = lb.completions.await("r1");
            assertEquals(NtStatus.SUCCESS, r1.status());
            assertEquals(4, r1.information());

            c.peer().shutdownOutput();
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                    lb.completions.irp("r2"));
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                    lb.completions.irp("r3"));
            assertEquals(0, lb.completions.await("r2").information());
            assertEquals(NtStatus.SUCCESS, lb.completions.await("r3").status());
            assertEquals(0, lb.completions.await("r3").information());
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("X2 WAITALL completes only when the buffer is full")
    void waitAll() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            ByteBuffer in = ByteBuffer.allocate(10);
            c.dispatch().receive(c.socket(), WskBuf.of(in), ReceiveFlags.WAITALL, lb.completions.irp("waitall"));
            OutputStream out = c.peer().getOutputStream();
            out.write("01234".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the five bytes have arrived when a plain receive queued behind would see them; WAITALL still waits
            barrier(lb, c);
            lb.completions.assertNotCompleted("waitall");
            out.write("56789".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Completions.Done done = lb.completions.await("waitall");
            assertEquals(10, done.information());
            assertEquals("0123456789", new String(in.array(), StandardCharsets.US_ASCII));

            ByteBuffer partial = ByteBuffer.allocate(10);
            c.dispatch().receive(c.socket(), WskBuf.of(partial), ReceiveFlags.WAITALL, lb.completions.irp("partial"));
            out.write("abc".getBytes(StandardCharsets.US_ASCII));
            c.peer().shutdownOutput();
            Completions.Done atFin = lb.completions.await("partial");
            assertEquals(NtStatus.SUCCESS, atFin.status());
            assertEquals(3, atFin.information(), "WAITALL completes at FIN with what it has");
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("X2 a peer reset completes pending receives with CONNECTION_RESET")
    void receiveReset() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            c.dispatch().receive(c.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE,
                    lb.completions.irp("r"));
            barrier(lb, c);
            c.peer().setSoLinger(true, 0);
            c.peer().close();
            assertEquals(NtStatus.CONNECTION_RESET, lb.completions.await("r").status());
            c.dispatch().send(c.socket(), WskBuf.of(bytes("x")), SendFlags.NONE, lb.completions.irp("s"));
            assertEquals(NtStatus.CONNECTION_RESET, lb.completions.await("s").status());
            lb.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("X4 B2 unsupported flags complete NOT_SUPPORTED; a missing buffer completes INVALID_PARAMETER")
    void badArguments() throws Exception {
        try (Loopback lb = new Loopback()) {
            Connection c = lb.connect();
            WskProviderConnectionDispatch d = c.dispatch();
            assertEquals(NtStatus.NOT_SUPPORTED, d.receive(c.socket(), WskBuf.of(ByteBuffer.allocate(4)),
                    ReceiveFlags.DRAIN, lb.completions.irp("drain")));
            assertEquals(NtStatus.INVALID_PARAMETER,
                    d.send(c.socket(), null, SendFlags.NONE, lb.completions.irp("send-null")));
            assertEquals(NtStatus.INVALID_PARAMETER,
                    d.receive(c.socket(), null, ReceiveFlags.NONE, lb.completions.irp("receive-null")));
            assertEquals(NtStatus.INVALID_PARAMETER, d.receive(c.socket(), WskBuf.of(ByteBuffer.allocate(0)),
                    ReceiveFlags.NONE, lb.completions.irp("receive-empty")));
            assertEquals(NtStatus.INVALID_PARAMETER,
                    d.connect(c.socket(), null, lb.completions.irp("connect-null")));
            for (String name : new String[] {"drain", "send-null", "receive-null", "receive-empty"}) {
                assertEquals(false, lb.completions.await(name).pendingReturned(), name + " completed synchronously");
            }
            // still usable
            d.send(c.socket(), WskBuf.of(bytes("ok")), SendFlags.NODELAY, lb.completions.irp("send"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("send").status());
            byte[] two = c.peer().getInputStream().readNBytes(2);
            assertEquals("ok", new String(two, StandardCharsets.US_ASCII));
            lb.closeSocket(c.socket());
            lb.completions.assertEachCompletedOnce();
        }
    }

    @Test
    @DisplayName("X3 a connect to a closed port completes CONNECTION_REFUSED, with no socket and no exception")
    void connectRefused() throws Exception {
        try (Loopback lb = new Loopback()) {
            int closedPort;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = probe.getLocalPort();
            }
            InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort);
            lb.provider.socketConnect(nobody, null, null, lb.completions.irp("socket-connect"));
            Completions.Done done = lb.completions.await("socket-connect");
            assertEquals(NtStatus.CONNECTION_REFUSED, done.status());
            assertEquals(null, done.socket());

            lb.provider.socket(null, null, lb.completions.irp("socket"));
            WskSocket socket = lb.completions.await("socket").socket();
            socket.dispatch().connect(socket, nobody, lb.completions.irp("connect"));
            assertEquals(NtStatus.CONNECTION_REFUSED, lb.completions.await("connect").status());
            socket.dispatch().send(socket, WskBuf.of(bytes("x")), SendFlags.NONE, lb.completions.irp("send"));
            assertEquals(NtStatus.INVALID_CONNECTION, lb.completions.await("send").status());
            lb.closeSocket(socket);
            assertEquals(0, lb.provider.openSocketCount(), "the failed socketConnect closed its own socket");
            assertTrue(lb.errors.isEmpty(), lb.errors.toString());
        }
    }

    @Test
    @DisplayName("A5 bind then connect a socket made by WskSocket; local and remote addresses")
    void bindConnectAddresses() throws Exception {
        try (Loopback lb = new Loopback()) {
            lb.provider.socket(null, null, lb.completions.irp("socket"));
            WskSocket socket = lb.completions.await("socket").socket();
            WskProviderConnectionDispatch d = socket.dispatch();
            d.bind(socket, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), lb.completions.irp("bind"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("bind").status());
            d.connect(socket, lb.address(), lb.completions.irp("connect"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("connect").status());
            java.net.Socket peer = lb.server.accept();
            d.connect(socket, lb.address(), lb.completions.irp("connect-again"));
            assertEquals(NtStatus.CONNECTION_ACTIVE, lb.completions.await("connect-again").status());

            Irp local = Irp.allocate();
            Irp remote = Irp.allocate();
            java.util.concurrent.BlockingQueue<java.net.SocketAddress> addresses =
                    new java.util.concurrent.LinkedBlockingQueue<>();
            CompletionRoutine<java.util.concurrent.BlockingQueue<java.net.SocketAddress>> keep = (irp, queue) -> {
                queue.add(irp.address());
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            };
            local.setCompletionRoutine(keep, addresses, true, true, true);
            remote.setCompletionRoutine(keep, addresses, true, true, true);
            d.getLocalAddress(socket, local);
            assertEquals(peer.getRemoteSocketAddress(),
                    addresses.poll(Completions.WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS));
            d.getRemoteAddress(socket, remote);
            assertEquals(peer.getLocalSocketAddress(),
                    addresses.poll(Completions.WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS));
            lb.closeSocket(socket);
            peer.close();
        }
    }
}
