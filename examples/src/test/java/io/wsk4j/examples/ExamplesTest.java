package io.wsk4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import io.wsk4j.examples.GracefulVsAbortive.Ending;
import io.wsk4j.examples.echo.EchoDemo;
import io.wsk4j.examples.peer.Peer.End;
import io.wsk4j.examples.peer.Peer.Observation;
import io.wsk4j.examples.report.Report;
import io.wsk4j.examples.seed.DisconnectSocketDemo;
import io.wsk4j.examples.seed.DisconnectSocketDemo.Way;
import io.wsk4j.examples.tour.Tour;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs every example against a plain peer on loopback and checks what the peer observed, so no example can rot. */
@Timeout(60)
class ExamplesTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Report report = new Report(new PrintStream(printed, true, StandardCharsets.UTF_8));
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private WskProvider provider;

    @BeforeEach
    void open() {
        provider = WskProvider.builder()
                .ioThreads(2)
                .closeTimeout(Duration.ofSeconds(2))
                .errorHandler((message, error) -> {
                    java.io.StringWriter trace = new java.io.StringWriter();
                    error.printStackTrace(new java.io.PrintWriter(trace));
                    errors.add(message + ": " + trace);
                })
                .build();
    }

    @AfterEach
    void close() {
        provider.close();
        assertEquals(List.of(), errors, "the provider reported nothing (no socket left open, no routine failed)");
        assertEquals(List.of(), report.failures(), printed.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    @DisplayName("D3 D4 C3 the seed's DisconnectSocket: the peer reads the data then EOF; the final close is quiet")
    void disconnectSocket(Way way) throws Exception {
        DisconnectSocketDemo.Outcome outcome = DisconnectSocketDemo.run(provider, way, report);
        assertEquals(NtStatus.SUCCESS, outcome.disconnect());
        assertEquals(End.EOF, outcome.peer().end());
        assertTrue(outcome.peer().data().startsWith("hello from the seed"), outcome.peer().data());
        assertEquals(NtStatus.SUCCESS, outcome.close());
    }

    @Test
    @DisplayName("D3 graceful with a final buffer: the peer reads it, then EOF")
    void graceful() throws Exception {
        assertEquals(new Observation("final buffer", End.EOF),
                GracefulVsAbortive.run(provider, Ending.GRACEFUL_WITH_FINAL_BUFFER, report));
    }

    @Test
    @DisplayName("D7 abortive: the peer sees Connection reset")
    void abortive() throws Exception {
        assertEquals(End.RESET, GracefulVsAbortive.run(provider, Ending.ABORTIVE, report).end());
    }

    @Test
    @DisplayName("C3 close without disconnect: the peer sees Connection reset")
    void closeWithoutDisconnect() throws Exception {
        assertEquals(End.RESET, GracefulVsAbortive.run(provider, Ending.CLOSE_WITHOUT_DISCONNECT, report).end());
    }

    @Test
    @DisplayName("A6 the echo server and client: every message comes back, both sides disconnect gracefully and close")
    void echo() throws Exception {
        List<String> messages = List.of("one", "two", "three");
        EchoDemo.Outcome outcome = EchoDemo.run(provider, messages, report);
        assertEquals(messages, outcome.client().echoes());
        assertEquals(NtStatus.SUCCESS, outcome.client().disconnect());
        assertEquals(NtStatus.SUCCESS, outcome.client().close());
        assertNotNull(outcome.server());
        assertEquals(NtStatus.SUCCESS, outcome.server().disconnect());
        assertEquals(NtStatus.SUCCESS, outcome.server().close());
        assertEquals(11, outcome.server().echoed());
    }

    @Test
    @DisplayName("D3 C3 the README's first program: the peer reads hello then EOF; every step succeeds")
    void firstProgram() throws Exception {
        assertEquals(List.of("peer read: hello, then EOF", "disconnect: " + NtStatus.SUCCESS,
                        "receive: 0 bytes (the peer's FIN)", "close: " + NtStatus.SUCCESS),
                io.wsk4j.examples.first.FirstProgram.run());
    }

    @Test
    @DisplayName("the tour runs every demo and succeeds")
    void tour() {
        PrintStream original = System.out;
        ByteArrayOutputStream tourOutput = new ByteArrayOutputStream();
        boolean ok;
        try {
            System.setOut(new PrintStream(tourOutput, true, StandardCharsets.UTF_8));
            ok = Tour.run();
        } finally {
            System.setOut(original);
        }
        String text = tourOutput.toString(StandardCharsets.UTF_8);
        assertTrue(ok, text);
        assertTrue(text.contains("Connection reset (RST)") && text.contains("end-of-stream (FIN)"), text);
    }
}
