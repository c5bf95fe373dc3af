package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskEvent;
import io.wsk4j.WskSocket;
import io.wsk4j.conformance.Network.Connection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC B4: a receive event's buffer is valid only during the event; passing it on is refused at the call. On both
 * transports.
 */
@Timeout(60)
class AliasingTest {
    @OnBothTransports
    @DisplayName("B4 a receive event passing its own data (or a buffer of it) to send or disconnect gets IllegalArgumentException")
    void receiveEventDataCannotBeSent(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Log outcomes = new Log(net);
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
            Connection c = net.connect(self, echo);
            self[0] = c.socket();
            net.enable(c.socket(), WskEvent.RECEIVE);
            c.peer().write("echo me");

            for (String call : new String[] {"send", "send-buffer", "disconnect"}) {
                String outcome = outcomes.next();
                assertTrue(outcome.startsWith(call + " threw IllegalArgumentException")
                        && outcome.contains("copy the bytes you keep or send"), outcome);
            }
            unused.free(); // never queued: still the caller's
            net.closeSocket(c.socket());
            outcomes.assertNoMore(); // nothing was queued
        }
    }

    private interface Call {
        NtStatus run();
    }

    private static void attempt(Log outcomes, String name, Call call) {
        try {
            outcomes.add(name + " returned " + call.run());
        } catch (RuntimeException e) {
            outcomes.add(name + " threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

}
