package io.wsk4j.benchmarks;

import java.io.DataInputStream;
import java.io.OutputStream;
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
 * Round trips of 64 bytes between one plain blocking client and the echo server under test, on loopback. The client
 * is the same for every server, so the differences are the servers'.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PingPongBenchmark {
    @Param({"nio", "wsk4j", "netty"})
    public String server;

    private EchoServer echo;
    private Socket client;
    private OutputStream out;
    private DataInputStream in;
    private final byte[] message = new byte[64];
    private final byte[] reply = new byte[64];

    @Setup(Level.Trial)
    public void start() throws Exception {
        echo = EchoServer.start(server);
        client = new Socket();
        client.setTcpNoDelay(true);
        client.setSoTimeout(10_000);
        client.connect(echo.address(), 10_000);
        out = client.getOutputStream();
        in = new DataInputStream(client.getInputStream());
    }

    @Benchmark
    public byte roundTrip() throws Exception {
        out.write(message);
        in.readFully(reply);
        return reply[0];
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        client.shutdownOutput();
        in.readAllBytes();
        client.close();
        echo.close();
    }
}
