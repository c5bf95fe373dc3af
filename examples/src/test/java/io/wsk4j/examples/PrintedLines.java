package io.wsk4j.examples;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A PrintStream for an example's {@code main}-like method: it hands each printed line to a queue, so that a test can
 * wait for the next one with a time-out instead of reading a console.
 */
public final class PrintedLines extends PrintStream {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    public PrintedLines() {
        super(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }

    @Override
    public void println(String line) {
        lines.add(line);
    }

    /** {@return the next line printed, waiting at most 10 s for it} */
    public String next() throws InterruptedException {
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertNotNull(line, "a line within 10 s");
        return line;
    }
}
