package io.wsk4j.examples.tour;

import io.wsk4j.WskProvider;
import io.wsk4j.examples.GracefulVsAbortive;
import io.wsk4j.examples.echo.EchoDemo;
import io.wsk4j.examples.report.Report;
import io.wsk4j.examples.seed.DisconnectSocketDemo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The first-run demo: the seed's DisconnectSocket three ways, the same connection ended gracefully, abortively and
 * by a bare close, and an echo server with its client, all on loopback, each step with what completed and what the
 * peer saw. Exits 1 with the reason if anything is not as WSK says.
 */
public final class Tour {
    private Tour() {}

    public static void main(String[] args) {
        System.exit(run() ? 0 : 1);
    }

    /** Runs the tour; true if every check held. */
    public static boolean run() {
        // the error handler runs on the provider's I/O threads, several at once, while this thread reads the list
        List<String> providerErrors = new CopyOnWriteArrayList<>();
        Report report = new Report(System.out);
        System.out.println("wsk4j tour: the Winsock Kernel model on Java NIO, on 127.0.0.1 (ephemeral ports)");
        WskProvider provider = WskProvider.builder()
                .ioThreads(2)
                .closeTimeout(Duration.ofSeconds(2))
                .errorHandler((message, error) -> providerErrors.add(message + ": " + error))
                .build();
        try {
            DisconnectSocketDemo.runAll(provider, report);
            GracefulVsAbortive.runAll(provider, report);
            EchoDemo.runAll(provider, report);
        } catch (Exception e) {
            System.out.println();
            System.out.println("FAILED: " + e);
            provider.close();
            return false;
        }
        provider.close();
        List<String> failures = new ArrayList<>(report.failures());
        failures.addAll(providerErrors);
        System.out.println();
        if (failures.isEmpty()) {
            System.out.println("Every step behaved as WSK specifies: FIN after the data for graceful, RST for abortive"
                    + " and for a close without disconnect.");
            return true;
        }
        System.out.println("FAILED: " + failures.size() + " problem(s):");
        failures.forEach(f -> System.out.println("  - " + f));
        return false;
    }
}
