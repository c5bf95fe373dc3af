package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Loopback.Connection;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SPEC B4: a receive event's buffer is valid only during the event; passing it on is refused at the call. */
@Timeout(60)
class AliasingTest {
    @Test
    @DisplayName("B4 a receive event passing its own data (or a buffer of it) to send or disconnect gets IllegalArgumentException")
    void receiveEventDataCannotBeSent() throws Exception {
        try (Loopback lb = new Loopback()) {
            BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();
            Irp unused = Irp.allocate();
            unused.setCompletionRoutine((irp, ignored) -> {
                outcomes.add("completed " + irp.status());
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, null, true, true, true);
            WskClientConnectionDispatch<WskSocket[]> echo = new WskClientConnectionDispatch<>() {
                @Override
                public long onReceive(WskSocket[] self, WskBuf data) {
                    WskSocket socket = self[0];
                    attempt(outcomes, "send", () -> socket.dispatch().send(socket, data, SendFlags.NONE, unused));
                    attempt(outcomes, "send-buffer", () -> socket.dispatch().send(socket,
                            WskBuf.of(data.buffer(0)), SendFlags.NONE, unused));
                    attempt(outcomes, "disconnect", () -> socket.dispatch().disconnect(socket, data,
                            DisconnectMode.GRACEFUL, unused));
                    return data.length();
                }
            };
            WskSocket[] self = new WskSocket[1];
            Connection c = lb.connect(self, echo);
            self[0] = c.socket();
            c.dispatch().controlSocket(c.socket(), WskEvent.RECEIVE, true, lb.completions.irp("enable"));
            assertEquals(NtStatus.SUCCESS, lb.completions.await("enable").status());
            c.peer().getOutputStream().write("echo me".getBytes(StandardCharsets.US_ASCII));

            for (String call : new String[] {"send", "send-buffer", "disconnect"}) {
                String outcome = outcomes.poll(Completions.WAIT_SECONDS, TimeUnit.SECONDS);
                assertNotNull(outcome, call);
                assertTrue(outcome.startsWith(call + " threw IllegalArgumentException")
                        && outcome.contains("copy the bytes you keep or send"), outcome);
            }
            unused.free(); // never queued: still the caller's
            lb.closeSocket(c.socket());
            assertTrue(outcomes.isEmpty(), "nothing was queued: " + outcomes);
        }
    }

    private interface Call {
        NtStatus run();
    }

    private static void attempt(BlockingQueue<String> outcomes, String name, Call call) {
        try {
            outcomes.add(name + " returned " + call.run());
        } catch (RuntimeException e) {
            outcomes.add(name + " threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

}
