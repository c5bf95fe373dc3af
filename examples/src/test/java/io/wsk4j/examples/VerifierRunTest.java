package io.wsk4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import io.wsk4j.WskVerifierException;
import io.wsk4j.WskVerifierReport;
import io.wsk4j.examples.GracefulVsAbortive.Ending;
import io.wsk4j.examples.echo.EchoDemo;
import io.wsk4j.examples.report.Report;
import io.wsk4j.examples.seed.DisconnectSocketDemo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC V in this module's test run: the surefire configuration turns the verifier on for every provider, failing on
 * any report. The first test proves that switch works; the second runs the examples, and the provider's close looks
 * for leaked IRPs before it decides (VerifierTest.leakedIrpFailsClose shows that a leak fails it).
 */
@Timeout(60)
class VerifierRunTest {
    @Test
    @DisplayName("V3 the system properties turn the verifier on here: a forgotten socket fails WskProvider.close()")
    void verifierIsOn() throws Exception {
        assertTrue(Boolean.getBoolean("wsk4j.verifier"), "run by surefire with -Dwsk4j.verifier=true");
        List<WskVerifierReport> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        WskProvider provider = WskProvider.builder().closeTimeout(Duration.ofMillis(100)).errorHandler((m, e) -> { })
                .verifierListener(heard::add).build(); // the report is asserted below, not logged

        CompletableFuture<NtStatus> made = new CompletableFuture<>();
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((i, future) -> {
            future.complete(i.status());
            i.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, made, true, true, true);
        provider.socket(null, null, irp); // never closed, on purpose
        assertEquals(NtStatus.SUCCESS, made.get(10, TimeUnit.SECONDS));
        WskVerifierException failure = assertThrows(WskVerifierException.class, provider::close);
        assertEquals(List.of(WskVerifierReport.Kind.SOCKET_NOT_CLOSED),
                failure.reports().stream().map(WskVerifierReport::kind).toList());
        assertEquals(failure.reports(), heard);
    }

    @Test
    @DisplayName("V1-V7 the examples make no report, leaked IRPs included (collected before the provider closes)")
    void examplesAreClean() throws Exception {
        Report report = new Report(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (WskProvider provider = WskProvider.builder().ioThreads(2).closeTimeout(Duration.ofSeconds(2)).build()) {
            for (DisconnectSocketDemo.Way way : DisconnectSocketDemo.Way.values()) {
                DisconnectSocketDemo.run(provider, way, report);
            }
            for (Ending ending : Ending.values()) {
                GracefulVsAbortive.run(provider, ending, report);
            }
            EchoDemo.run(provider, List.of("one", "two", "three"), report);
            assertEquals(List.of(), report.failures());
        } // WskProvider.close() throws WskVerifierException if anything was reported while it was open; failing on
          // reports, it first runs collections and reports the IRPs they find dropped (V1), so a leak fails it too
    }
}
