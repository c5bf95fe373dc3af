package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskSocket;
import io.wsk4j.conformance.Network.Connection;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/** SPEC E5: a socket that always has data cannot hold its I/O thread; on both transports. */
@Timeout(60)
class FairnessTest {
    private static final int BUDGET = 16;
    private static final long STREAM_BYTES = 64L * 1024 * 1024;
    private static final int GOING = 200;

    /**
     * The busy socket's completions and bytes so far, and how many of each there were when the quiet socket's receive
     * completed.
     */
    private static final class Counts {
        private long busy;
        private long busyBytes;
        private long atQuiet = -1;
        private long bytesAtQuiet = -1;

        synchronized void busyCompleted(long bytes) {
            busy++;
            busyBytes += bytes;
            notifyAll();
        }

        synchronized void quietCompleted() {
            atQuiet = busy;
            bytesAtQuiet = busyBytes;
            notifyAll();
        }

        synchronized long bytesAtQuiet() {
            return bytesAtQuiet;
        }

        synchronized long busy() {
            return busy;
        }

        synchronized long atQuiet() {
            return atQuiet;
        }
    }

    @OnBothTransports
    @DisplayName("E5 one I/O thread: a streaming socket whose routine re-issues receives delays another's byte by at most a budget or two")
    void aBusySocketYields(Transport transport) throws Exception {
        try (Network net = transport.openOneIoThread()) {
            Connection busy = net.connect();
            Connection quiet = net.connect();
            Counts counts = new Counts();
            boolean[] streaming = {true}; // read and written on the I/O thread, and by the test before it starts
            WskBuf busyBuffer = WskBuf.of(ByteBuffer.allocateDirect(64 * 1024));
            Irp busyIrp = Irp.allocate();
            CompletionRoutine<WskSocket> again = new CompletionRoutine<>() {
                @Override
                public NtStatus onComplete(Irp irp, WskSocket socket) {
                    counts.busyCompleted(irp.information());
                    boolean succeeded = irp.status().isSuccess();
                    irp.reuse(NtStatus.SUCCESS);
                    synchronized (streaming) {
                        if (streaming[0] && succeeded) {
                            busyBuffer.buffer(0).clear();
                            irp.setCompletionRoutine(this, socket, true, true, true);
                            socket.dispatch().receive(socket, busyBuffer, ReceiveFlags.NONE, irp);
                            return NtStatus.MORE_PROCESSING_REQUIRED;
                        }
                    }
                    irp.free();
                    return NtStatus.MORE_PROCESSING_REQUIRED;
                }
            };
            busyIrp.setCompletionRoutine(again, busy.socket(), true, true, true);
            busy.dispatch().receive(busy.socket(), busyBuffer, ReceiveFlags.NONE, busyIrp);
            busy.peer().stream(STREAM_BYTES);
            net.await(counts, () -> counts.busy() >= GOING, "the stream to get going");

            Irp quietIrp = Irp.allocate();
            quietIrp.setCompletionRoutine((irp, c) -> {
                c.quietCompleted();
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, counts, true, true, true);
            quiet.dispatch().receive(quiet.socket(), WskBuf.of(ByteBuffer.allocate(8)), ReceiveFlags.NONE, quietIrp);
            // the receive is queued before the byte is sent; not Network.barrier, whose settling would drain the stream
            quiet.dispatch().getLocalAddress(quiet.socket(), net.completions.irp("queued"));
            net.completions.await("queued");
            long beforeByte = counts.busy();
            quiet.peer().write(new byte[] {1});
            net.await(counts, () -> counts.atQuiet() >= 0, "the quiet socket's receive");
            synchronized (streaming) {
                streaming[0] = false;
            }
            long delay = counts.atQuiet() - beforeByte;
            assertTrue(counts.bytesAtQuiet() < STREAM_BYTES, "the busy socket was still streaming when the quiet byte"
                    + " was read, so it competed with it");
            assertTrue(delay <= 3 * BUDGET, "the quiet socket's byte waited behind " + delay
                    + " completions of the busy socket; E5 allows about one budget of " + BUDGET);
            net.closeSocket(busy.socket());
            net.closeSocket(quiet.socket());
            assertEquals(List.of(), net.errors());
        }
    }
}
