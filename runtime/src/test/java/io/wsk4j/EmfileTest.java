package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SPEC X5: out of file descriptors, a listener reports once per pause instead of spinning, and resumes by itself. */
@Timeout(60)
class EmfileTest {
    @Test
    @DisplayName("X5 with no file descriptor left, accept() failures pause the listener; it accepts again by itself")
    void acceptPausesWhenOutOfDescriptors() throws Exception {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        String classPath = classes + java.io.File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a JVM of its own, so that running out of descriptors cannot disturb this one
        Process probe = new ProcessBuilder("sh", "-c", "ulimit -n 256 && exec \"$0\" -cp \"$1\" io.wsk4j.EmfileProbe \"$2\"",
                java, classPath, classes.toString()).redirectErrorStream(true).start();
        String output;
        try {
            assertTrue(probe.waitFor(40, TimeUnit.SECONDS), "the probe finished");
            output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            probe.destroyForcibly();
        }
        System.out.println("X5: " + output.strip());
        Map<String, String> seen = fields(output);
        assertEquals("false", seen.get("acceptedWhileOut"), output);
        long reports = Long.parseLong(seen.getOrDefault("reportsWhileOut", "-1"));
        assertTrue(reports >= 1 && reports <= 3, "one report per 1 s pause, not a spin: " + output);
        assertEquals("true", seen.get("acceptedAfter"), "accepting resumed by itself: " + output);
    }

    private static Map<String, String> fields(String output) throws IOException {
        Map<String, String> fields = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("hogged=")) {
                for (String pair : line.trim().split(" ")) {
                    String[] kv = pair.split("=", 2);
                    fields.put(kv[0], kv[1]);
                }
            }
        }
        return fields;
    }
}
