package io.wsk4j.benchmarks;

import java.io.DataInputStream;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole connections against the echo server under test: connect, 64 bytes there and back, the client's FIN, the
 * server's FIN, close. Loopback reuses TIME_WAIT ports for new connections (tcp_tw_reuse), so the port range lasts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChurnBenchmark {
    @Param({"nio", "wsk4j", "netty"})
    public String server;

    private EchoServer echo;
    private final byte[] message = new byte[64];
    private final byte[] reply = new byte[64];

    @Setup(Level.Trial)
    public void start() throws Exception {
        echo = EchoServer.start(server);
    }

    @Benchmark
    public int connection() throws Exception {
        try (Socket client = new Socket()) {
            client.setTcpNoDelay(true);
            client.setSoTimeout(10_000);
            client.connect(echo.address(), 10_000);
            client.getOutputStream().write(message);
            DataInputStream in = new DataInputStream(client.getInputStream());
            in.readFully(reply);
            client.shutdownOutput();
            return in.read(); // -1: the server's FIN
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        echo.close();
    }
}
