package io.wsk4j;

import static io.wsk4j.Loopback.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SPEC B3: an Error thrown by user code, a VirtualMachineError included, is reported and the I/O thread goes on. */
@Timeout(60)
class FatalErrorTest {
    @Test
    @DisplayName("B3 I1 a StackOverflowError in a routine and an InternalError in an event are reported; the loop serves on")
    void virtualMachineErrorsFromUserCodeDoNotKillTheLoop() throws Exception {
        try (Loopback lb = new Loopback(1)) {
            Connection c = lb.connect();
            Irp overflowing = Irp.allocate();
            overflowing.setCompletionRoutine((irp, depth) -> NtStatus.of(recurse(depth)), 0, true, true, true);
            c.dispatch().send(c.socket(), WskBuf.of(bytes("a")), SendFlags.NONE, overflowing);

            CountDownLatch eventRan = new CountDownLatch(1);
            WskClientConnectionDispatch<String> failing = new WskClientConnectionDispatch<>() {
                @Override
                public long onReceive(String context, WskBuf data) {
                    eventRan.countDown();
                    throw new InternalError("deliberate, in a receive event");
                }
            };
            Connection e = lb.connect("e", failing);
            e.dispatch().controlSocket(e.socket(), WskEvent.RECEIVE, true, lb.completions.irp("enable"));
            lb.completions.await("enable");
            e.peer().getOutputStream().write(1);
            assertTrue(eventRan.await(Completions.WAIT_SECONDS, TimeUnit.SECONDS), "the receive event ran");

            // the same, only I/O thread still serves both sockets
            c.dispatch().send(c.socket(), WskBuf.of(bytes("b")), SendFlags.NONE, lb.completions.irp("after"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("after").status(), "the loop survived");
            assertEquals("ab", new String(c.peer().getInputStream().readNBytes(2), StandardCharsets.US_ASCII));
            ByteBuffer in = ByteBuffer.allocate(4);
            e.dispatch().receive(e.socket(), WskBuf.of(in), ReceiveFlags.NONE, lb.completions.irp("receive"));
            assertEquals(NtStatus.CONNECTION_ABORTED, lb.completions.await("receive").status(),
                    "SPEC E6: the connection whose event failed was reset");
            assertTrue(lb.errors.stream().anyMatch(m -> m.contains("StackOverflowError")), lb.errors.toString());
            assertTrue(lb.errors.stream().anyMatch(m -> m.contains("deliberate, in a receive event")),
                    lb.errors.toString());
            lb.closeSocket(c.socket());
            lb.closeSocket(e.socket());
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
