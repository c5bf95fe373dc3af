package io.wsk4j.conformance;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * The transports every conformance test runs on, each over IPv4 (127.0.0.1) and IPv6 (::1). A machine without a
 * usable ::1 skips the NIO runs over IPv6 with the reason (so does {@code -Dwsk4j.conformance.ipv6=false}); the
 * simulated network always speaks both.
 */
enum Transport {
    NIO(Family.IPV4),
    SIM(Family.IPV4),
    NIO_IPV6(Family.IPV6),
    SIM_IPV6(Family.IPV6);

    /** The address family a network's peers and listeners use. */
    enum Family {
        IPV4,
        IPV6;

        InetAddress loopback() {
            try {
                return this == IPV4 ? InetAddress.getByName("127.0.0.1") : InetAddress.getByName("::1");
            } catch (java.net.UnknownHostException impossible) { // literals are never looked up
                throw new IllegalStateException(impossible);
            }
        }
    }

    final Family family;

    Transport(Family family) {
        this.family = family;
    }

    /** {@return whether this is the real network (NIO), over either family} */
    boolean isNio() {
        return this == NIO || this == NIO_IPV6;
    }

    /** {@return the loopback address of this run's family: 127.0.0.1 or ::1} */
    InetAddress loopback() {
        return family.loopback();
    }

    /**
     * {@return a fresh network; {@code peerReceiveBuffer} bytes for the peers' receive buffers (0 for the default; a
     * simulation takes its sizes from the seed), {@code ioThreads} I/O threads (a simulation has one loop)}
     */
    Network open(int peerReceiveBuffer, int ioThreads) throws Exception {
        if (isNio()) {
            assumeUsable();
            return new NioNetwork(peerReceiveBuffer, ioThreads, builder -> builder, loopback());
        }
        return new SimulatedNetwork(io.wsk4j.sim.WskSimulation.seeded(seed()), loopback()); // one loop, whatever is asked
    }

    /**
     * {@return a network whose provider runs the verifier (SPEC V) with one I/O thread, reporting to {@code listener}}
     */
    Network openVerified(io.wsk4j.WskVerifierListener listener, boolean failsOnReport) throws Exception {
        if (isNio()) {
            assumeUsable();
            return new NioNetwork(0, 1, builder -> builder.verifier(true).verifierListener(listener)
                    .verifierFailsOnReport(failsOnReport).verifierBlockingThreshold(java.time.Duration.ofSeconds(30))
                    .closeTimeout(java.time.Duration.ofMillis(100)), loopback()); // V3 closes with a socket open
        }
        return new SimulatedNetwork(io.wsk4j.sim.WskSimulation.seeded(seed(), io.wsk4j.sim.FaultPlan.none(),
                listener, failsOnReport), loopback());
    }

    private static long seed() {
        return Long.getLong("wsk4j.sim.seed", 1L);
    }

    Network open(int peerReceiveBuffer) throws Exception {
        return open(peerReceiveBuffer, 2);
    }

    Network open() throws Exception {
        return open(0, 2);
    }

    /** {@return a network whose provider has one I/O thread, so that every socket shares it} */
    Network openOneIoThread() throws Exception {
        return open(0, 1);
    }

    /** A NIO run over IPv6 on a machine where ::1 does not work is skipped, with the reason. */
    private void assumeUsable() {
        if (family == Family.IPV6) {
            Assumptions.assumeTrue(Ipv6.UNUSABLE == null, () -> "skipped: " + Ipv6.UNUSABLE);
        }
    }

    @Override
    public String toString() {
        return family == Family.IPV4 ? name() + " 127.0.0.1" : name().substring(0, 3) + " ::1";
    }

    /** Whether this machine can listen and connect on ::1, found once. */
    private static final class Ipv6 {
        static final String UNUSABLE = probe();

        private static String probe() {
            if ("false".equals(System.getProperty("wsk4j.conformance.ipv6"))) {
                return "the NIO runs over ::1 are switched off by -Dwsk4j.conformance.ipv6=false";
            }
            try (ServerSocket server = new ServerSocket()) {
                InetAddress loopback = Family.IPV6.loopback();
                if (!(loopback instanceof Inet6Address)) {
                    return "::1 is not an IPv6 address here (java.net.preferIPv4Stack?)";
                }
                server.bind(new InetSocketAddress(loopback, 0));
                try (Socket client = new Socket()) {
                    client.connect(server.getLocalSocketAddress(), 2_000);
                    server.accept().close();
                }
                return null;
            } catch (java.io.IOException | RuntimeException e) {
                return "this machine cannot listen and connect on ::1 (" + e + ")";
            }
        }
    }
}
