package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SPEC C1 for a listening socket: once its close completes, the port is closed; nobody can still connect. */
@Timeout(60)
class ListenerCloseTest {
    @Test
    @DisplayName("C1 a listener's close completes once its port is closed: a connect from the close routine is refused")
    void closedListenerRefusesAtOnce() throws Exception {
        try (Loopback lb = new Loopback()) {
            WskClientListenDispatch<Void> rejectAll = (context, socket, local, remote) -> WskAccept.reject();
            Loopback.Listening listening = lb.listen(null, rejectAll);
            CompletableFuture<String> seen = new CompletableFuture<>();
            Irp close = Irp.allocate();
            // the routine runs on the I/O thread right as the close completes, before the loop can do anything else
            close.setCompletionRoutine((irp, result) -> {
                result.complete(connectOnce(listening));
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, seen, true, true, true);
            listening.socket().dispatch().closeSocket(listening.socket(), close);
            assertEquals("refused", seen.get(Completions.WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    private static String connectOnce(Loopback.Listening listening) {
        try (Socket late = new Socket()) {
            late.connect(listening.address(), 5_000);
            return "connected: the port still listened after its close completed";
        } catch (ConnectException refused) {
            return "refused";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
