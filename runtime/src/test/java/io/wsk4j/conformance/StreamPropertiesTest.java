package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.conformance.Network.Connection;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Properties of the byte stream, on both transports: whatever the sizes of the sends, however each is split into a
 * buffer chain, with or without a final buffer, the peer reads exactly those bytes in order, then EOF (SPEC X1, D3,
 * A4), and every IRP completes once with the bytes it carried (SPEC I1, I7). Real sockets share one network across
 * the tries; the simulation takes a fresh world per try, its seed one more generated value (so a shrunk failure names
 * the seed that replays it).
 */
class StreamPropertiesTest {
    private static Network loopback;

    @BeforeContainer
    static void open() throws Exception {
        loopback = Transport.NIO.open();
    }

    @AfterContainer
    static void close() throws Exception {
        loopback.close();
    }

    /** One send: its bytes and where its buffer chain is cut. */
    record Send(byte[] bytes, List<Integer> cuts) {}

    @Provide
    Arbitrary<List<Send>> sends() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(70_000);
        return bytes.flatMap(data -> Arbitraries.integers().between(0, data.length).list().ofMaxSize(3)
                        .map(cuts -> new Send(data, cuts.stream().sorted().toList())))
                .list().ofMinSize(0).ofMaxSize(8);
    }

    @Provide
    Arbitrary<byte[]> finalBuffers() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(4096);
    }

    @Property(tries = 40)
    @Label("X1 D3 I7 every send arrives in order, then the final buffer, then EOF [NIO]")
    void onRealSockets(@ForAll("sends") List<Send> sends, @ForAll("finalBuffers") byte[] finalBuffer)
            throws Exception {
        everySendArrivesInOrderThenEof(loopback, sends, finalBuffer);
    }

    @Property(tries = 40)
    @Label("X1 D3 I7 every send arrives in order, then the final buffer, then EOF [SIM]")
    void inASimulation(@ForAll("sends") List<Send> sends, @ForAll("finalBuffers") byte[] finalBuffer,
            @ForAll long seed) throws Exception {
        try (Network simulated = new SimulatedNetwork(seed)) {
            everySendArrivesInOrderThenEof(simulated, sends, finalBuffer);
            assertEquals(List.of(), simulated.errors());
        }
    }

    private static void everySendArrivesInOrderThenEof(Network net, List<Send> sends, byte[] finalBuffer)
            throws Exception {
        Connection c = net.connect();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < sends.size(); i++) {
            Send send = sends.get(i);
            expected.write(send.bytes());
            c.dispatch().send(c.socket(), WskBuf.of(chain(send)), SendFlags.NONE, net.completions.irp(name(c, i)));
        }
        WskBuf last = finalBuffer.length == 0 ? null : WskBuf.of(ByteBuffer.wrap(finalBuffer));
        expected.write(finalBuffer);
        c.dispatch().disconnect(c.socket(), last, DisconnectMode.GRACEFUL, net.completions.irp(name(c, -1)));

        assertArrayEquals(expected.toByteArray(), c.peer().readToEnd(), "all bytes in order, then EOF");
        for (int i = 0; i < sends.size(); i++) {
            Completions.Done done = net.completions.await(name(c, i));
            assertEquals(NtStatus.SUCCESS, done.status());
            assertEquals(sends.get(i).bytes().length, done.information(), "I7: the bytes this send carried");
        }
        assertEquals(NtStatus.SUCCESS, net.completions.await(name(c, -1)).status());
        c.peer().close();
        net.closeSocket(c.socket());
        net.completions.assertEachCompletedOnce();
    }

    private static ByteBuffer[] chain(Send send) {
        List<ByteBuffer> parts = new ArrayList<>();
        int from = 0;
        for (int cut : send.cuts()) {
            parts.add(ByteBuffer.wrap(send.bytes(), from, cut - from).slice());
            from = cut;
        }
        parts.add(ByteBuffer.wrap(send.bytes(), from, send.bytes().length - from).slice());
        return parts.toArray(ByteBuffer[]::new);
    }

    private static String name(Connection c, int send) {
        return c.socket() + (send < 0 ? "-disconnect" : "-send" + send);
    }
}
