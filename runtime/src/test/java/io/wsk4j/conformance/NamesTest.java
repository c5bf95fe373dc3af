package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.sim.WskSimulation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC N1: {@code getAddressInfo} on both transports. On real sockets it asks only for "localhost", literals and a name
 * under {@code .invalid}, which RFC 6761 reserves never to resolve, so no test depends on the network.
 */
@Timeout(60)
class NamesTest {
    /** A name that never resolves (RFC 6761, section 6.4). */
    private static final String NOWHERE = "no-such-host.wsk4j.invalid";

    /** One name request's completion as its routine saw it. */
    static final class Answer {
        private final Network net;
        private boolean done;
        private int completions;
        private NtStatus status;
        private List<InetSocketAddress> addresses;
        private boolean pendingReturned;
        private boolean onIoThread;
        private long at;

        Answer(Network net) {
            this.net = net;
        }

        Irp irp() {
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((done, answer) -> {
                answer.record(done);
                done.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, this, true, true, true);
            return irp;
        }

        synchronized void record(Irp irp) {
            completions++;
            status = irp.status();
            addresses = irp.addresses();
            pendingReturned = irp.pendingReturned();
            onIoThread = net.onIoThread();
            at = net.nanoTime();
            done = true;
            notifyAll();
        }

        synchronized boolean isDone() {
            return done;
        }

        Answer await(String what) throws InterruptedException {
            net.await(this, this::isDone, what);
            synchronized (this) {
                assertEquals(1, completions, "SPEC I1: completed once");
            }
            return this;
        }
    }

    private static Answer resolve(Network net, String node, String service) throws InterruptedException {
        Answer answer = new Answer(net);
        net.provider().getAddressInfo(node, service, answer.irp());
        return answer.await("the name request for " + node);
    }

    @OnBothTransports
    @DisplayName("N1 localhost resolves to loopback addresses with the service's port, an unmodifiable list, completed"
            + " on a provider thread")
    void localhost(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Answer answer = new Answer(net);
            NtStatus returned = net.provider().getAddressInfo("localhost", "8080", answer.irp());
            assertEquals(NtStatus.PENDING, returned, "a name is resolved off the dispatch call");
            answer.await("localhost");
            assertEquals(NtStatus.SUCCESS, answer.status);
            assertTrue(answer.pendingReturned);
            assertTrue(answer.onIoThread, "the routine runs on an I/O thread of the provider, as any pending one");
            assertFalse(answer.addresses.isEmpty());
            for (InetSocketAddress address : answer.addresses) {
                assertTrue(address.getAddress().isLoopbackAddress(), address.toString());
                assertEquals(8080, address.getPort());
            }
            assertThrows(UnsupportedOperationException.class, () -> answer.addresses.add(answer.addresses.get(0)));
            if (net instanceof SimulatedNetwork) {
                assertEquals(List.of(new InetSocketAddress("127.0.0.1", 8080), new InetSocketAddress("::1", 8080)),
                        answer.addresses, "the simulation's preset localhost, in its order");
            }
        }
    }

    @OnBothTransports
    @DisplayName("N1 address literals resolve without a resolver, inside the dispatch call")
    void literals(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            for (String literal : new String[] {"127.0.0.1", "::1", "[::1]", "10.1.2.3"}) {
                Answer answer = new Answer(net);
                NtStatus returned = net.provider().getAddressInfo(literal, null, answer.irp());
                assertEquals(NtStatus.SUCCESS, returned, literal);
                assertTrue(answer.isDone(), literal);
                assertFalse(answer.pendingReturned, literal);
                assertEquals(List.of(new InetSocketAddress(InetAddress.getByName(literal), 0)), answer.addresses);
            }
        }
    }

    @OnBothTransports
    @DisplayName("N1 a name that does not resolve completes NOT_FOUND, never an exception")
    void notFound(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Answer answer = resolve(net, NOWHERE, "80");
            assertEquals(NtStatus.NOT_FOUND, answer.status);
            assertEquals(List.of(), answer.addresses);
            assertEquals(NtStatus.NOT_FOUND, resolve(net, "1::2::3", null).status, "not an IPv6 literal, nor a name");
        }
    }

    @OnBothTransports
    @DisplayName("N1 a null or empty node, a service that is not a port number 0 to 65535 complete INVALID_PARAMETER")
    void invalidParameters(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            String[][] cases = {{null, "80"}, {"", "80"}, {"localhost", "http"}, {"localhost", "65536"},
                {"localhost", "-1"}, {"localhost", ""}, {"localhost", " 80"}, {"localhost", "123456"}};
            for (String[] bad : cases) {
                Answer answer = new Answer(net);
                assertEquals(NtStatus.INVALID_PARAMETER, net.provider().getAddressInfo(bad[0], bad[1], answer.irp()),
                        bad[0] + " / " + bad[1]);
                assertTrue(answer.isDone());
            }
            assertEquals(65535, resolve(net, "127.0.0.1", "65535").addresses.get(0).getPort());
        }
    }

    @OnBothTransports
    @DisplayName("N1 I6 a pending name request can be cancelled: it then completes CANCELLED with no addresses")
    void cancel(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Answer answer = new Answer(net);
            Irp irp = answer.irp();
            assertEquals(NtStatus.PENDING, net.provider().getAddressInfo(NOWHERE, null, irp));
            boolean cancelled = irp.cancel();
            answer.await("the cancelled name request");
            if (net instanceof SimulatedNetwork) {
                assertTrue(cancelled, "the simulated resolver answers only after its virtual delay");
            }
            // on real sockets the resolver may have answered first: then the cancel did not take effect (SPEC I6)
            assertEquals(cancelled ? NtStatus.CANCELLED : NtStatus.NOT_FOUND, answer.status);
            assertEquals(List.of(), answer.addresses);
        }
    }

    @OnBothTransports
    @DisplayName("N1 resolution never runs on an I/O thread: asked from a completion routine it still returns PENDING")
    void fromRoutine(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            Answer inner = new Answer(net);
            NtStatus[] returned = new NtStatus[1];
            Irp outer = Irp.allocate();
            outer.setCompletionRoutine((done, provider) -> {
                synchronized (inner) {
                    returned[0] = provider.getAddressInfo("localhost", null, inner.irp());
                }
                done.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, net.provider(), true, true, true);
            Network.Connection c = net.connect();
            c.dispatch().getLocalAddress(c.socket(), outer); // its routine runs on the I/O thread
            inner.await("the name request made on the I/O thread");
            synchronized (inner) {
                assertEquals(NtStatus.PENDING, returned[0]);
            }
            assertEquals(NtStatus.SUCCESS, inner.status);
            net.closeSocket(c.socket());
        }
    }

    @Test
    @DisplayName("N1 S2 simulated names come from the world's table after a seeded virtual delay, the same on every run")
    void simulatedTable() throws Exception {
        List<String> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (SimulatedNetwork net = new SimulatedNetwork(WskSimulation.seeded(7))) {
                net.sim.addName("Server.Example", InetAddress.getByName("192.0.2.7"), InetAddress.getByName("2001:db8::7"));
                long t0 = net.nanoTime();
                Answer answer = resolve(net, "server.example.", "443");
                assertEquals(NtStatus.SUCCESS, answer.status);
                assertEquals(List.of(new InetSocketAddress("192.0.2.7", 443), new InetSocketAddress("2001:db8::7", 443)),
                        answer.addresses);
                long delay = answer.at - t0;
                assertTrue(delay >= TimeUnit.MILLISECONDS.toNanos(1) && delay <= TimeUnit.MILLISECONDS.toNanos(20),
                        "virtual delay " + delay);
                assertEquals(NtStatus.NOT_FOUND, resolve(net, "example.com", null).status, "no DNS in a simulation");
                runs.add(delay + "\n" + net.sim.trace());
            }
        }
        assertEquals(runs.get(0), runs.get(1));
    }

    @Test
    @DisplayName("N1 N2 a name request's deadline cancels it on the home loop's timer, in virtual time")
    void simulatedDeadline() throws Exception {
        try (SimulatedNetwork net = (SimulatedNetwork) Transport.SIM.open()) {
            Answer answer = new Answer(net);
            Irp irp = answer.irp();
            irp.cancelAfter(Duration.ofNanos(500_000)); // before the resolver's least delay, 1 ms
            long t0 = net.nanoTime();
            net.provider().getAddressInfo("localhost", null, irp);
            answer.await("the name request's deadline");
            assertEquals(NtStatus.CANCELLED, answer.status);
            assertEquals(500_000, answer.at - t0);
        }
    }

    @Test
    @DisplayName("N1 I1 closing the provider completes a pending name request CANCELLED")
    void closeCancels() throws Exception {
        SimulatedNetwork net = (SimulatedNetwork) Transport.SIM.open();
        Answer answer = new Answer(net);
        net.provider().getAddressInfo("localhost", null, answer.irp());
        net.close();
        assertTrue(answer.isDone());
        assertEquals(NtStatus.CANCELLED, answer.status);
    }

    @Test
    @DisplayName("N1 the NIO provider's resolver threads end with it")
    void resolverThreadsEnd() throws Exception {
        List<Thread> resolvers = new ArrayList<>();
        try (Network net = Transport.NIO.open()) {
            assertEquals(NtStatus.SUCCESS, resolve(net, "localhost", null).status);
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().startsWith("wsk4j-resolver-")) {
                    resolvers.add(thread);
                    assertTrue(thread.isDaemon());
                }
            }
            assertFalse(resolvers.isEmpty(), "the name was resolved on a resolver thread");
        }
        for (Thread thread : resolvers) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(thread.isAlive(), thread.getName() + " outlived its provider");
        }
    }
}
