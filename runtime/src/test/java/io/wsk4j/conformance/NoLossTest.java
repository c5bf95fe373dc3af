package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.conformance.Network.Connection;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC D4 and C3: the seed's own pattern (send, disconnect gracefully, close in the disconnect's completion routine)
 * delivers every byte that was reported sent, then EOF; and WskProvider.close() right after it still lets the peer
 * read everything. On both transports; on real sockets the peer's receive buffer is small (64 KiB), so that it reads
 * slowly, while the simulation takes its buffer sizes from the seed.
 */
@Timeout(120)
class NoLossTest {
    private static final int SIZE = 8 * 1024 * 1024;
    private static final int SLOW_PEER_BUFFER = 64 * 1024;

    @OnBothTransports
    @DisplayName("D4 C3 send 8 MiB, disconnect, close in the disconnect's routine: the peer reads all 8 MiB, then EOF")
    void closeInTheDisconnectRoutineLosesNothing(Transport transport) throws Exception {
        try (Network net = transport.open(SLOW_PEER_BUFFER)) {
            Connection c = net.connect();
            ByteBuffer data = Bytes.pattern(SIZE, 7);
            byte[] expected = data.array().clone();
            Peer.Reading peerRead = c.peer().readToEndInBackground(false);

            c.dispatch().send(c.socket(), WskBuf.of(data), SendFlags.NONE, net.completions.irp("send"));
            Log disconnected = new Log(net);
            Irp disconnect = Irp.allocate();
            disconnect.setCompletionRoutine((irp, socket) -> {
                disconnected.add(irp.status().toString());
                irp.free();
                // the seed: "perform the next operation on the socket" — here, close it
                socket.dispatch().closeSocket(socket, net.completions.irp("close"));
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, c.socket(), true, true, true);
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.GRACEFUL, disconnect);

            assertEquals(NtStatus.SUCCESS, net.completions.await("send").status());
            assertEquals(SIZE, net.completions.await("send").information());
            assertEquals(NtStatus.SUCCESS.toString(), disconnected.next(), "the graceful disconnect");
            assertEquals(NtStatus.SUCCESS, net.completions.await("close").status());
            byte[] received = peerRead.await();
            assertEquals(SIZE, received.length, "every byte reported sent reached the peer, then EOF");
            assertArrayEquals(expected, received);
            c.peer().close();
            net.completions.assertEachCompletedOnce();
            assertEquals(List.of(), net.errors());
        }
    }

    @OnBothTransports
    @DisplayName("D4 C3 the peer may go on sending after our close: the provider discards it, the peer still reads all")
    void thePeerSendingAfterOurCloseLosesNothing(Transport transport) throws Exception {
        try (Network net = transport.open(SLOW_PEER_BUFFER)) {
            Connection c = net.connect();
            ByteBuffer data = Bytes.pattern(SIZE, 3);
            byte[] expected = data.array().clone();
            Peer.Reading peerRead = c.peer().readToEndInBackground(false);
            c.dispatch().send(c.socket(), WskBuf.of(data), SendFlags.NONE, net.completions.irp("send"));
            net.disconnectThenClose(c.socket(), "close");
            assertEquals(NtStatus.SUCCESS, net.completions.await("close").status());

            // a socket closed by the application with bytes arriving would make Linux reset the connection
            byte[] chunk = new byte[4096];
            for (int i = 0; i < 256; i++) {
                c.peer().write(chunk);
            }
            assertArrayEquals(expected, peerRead.await(), "all 8 MiB, then EOF, never a reset");
            c.peer().close();
            assertEquals(List.of(), net.errors());
        }
    }

    @OnBothTransports
    @DisplayName("C3 D4 WskProvider.close() right after the seed's close still lets the peer read everything, then EOF")
    void providerCloseWaitsForLingeringConnections(Transport transport) throws Exception {
        int size = 4 * 1024 * 1024;
        try (Network net = transport.open(SLOW_PEER_BUFFER)) {
            Connection c = net.connect();
            ByteBuffer data = Bytes.pattern(size, 5);
            byte[] expected = data.array().clone();
            Peer.Reading read = c.peer().readToEndInBackground(true);
            // the peer sends too, and nobody reads it here: bytes unread at our close, which Linux answers with RST
            c.peer().write(new byte[64 * 1024]);
            c.dispatch().send(c.socket(), WskBuf.of(data), SendFlags.NONE, net.completions.irp("send"));
            net.disconnectThenClose(c.socket(), "close");
            assertEquals(NtStatus.SUCCESS, net.completions.await("close").status());

            net.provider().close(); // while the peer is still reading: the lingering close goes on

            assertArrayEquals(expected, read.await(), "all 4 MiB, then EOF");
            assertEquals(List.of(), net.errors());
        }
    }
}
