package io.wsk4j.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs each case in a fresh network namespace with only loopback up ({@code unshare -n}, needs root or user
 * namespaces), when that works: no TIME_WAIT left over from the case before, no other traffic on the loopback
 * device, and the namespace's default TCP settings.
 */
final class Netns {
    private static final String UP_THEN_EXEC = "ip link set lo up && exec \"$@\"";

    private Netns() {}

    /** Whether {@code unshare -n} with loopback up works here; tried once, bounded. */
    static boolean available() {
        try {
            Process probe = new ProcessBuilder("unshare", "-n", "sh", "-c", "ip link set lo up")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code command} run inside a fresh namespace with loopback up. */
    static List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-n", "sh", "-c", UP_THEN_EXEC, "sh"));
        wrapped.addAll(command);
        return wrapped;
    }
}
