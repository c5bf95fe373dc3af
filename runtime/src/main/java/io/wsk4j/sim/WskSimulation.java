package io.wsk4j.sim;

import io.wsk4j.WskProvider;
import io.wsk4j.WskVerifierListener;
import io.wsk4j.engine.Engine;
import io.wsk4j.spi.VerifierSettings;
import io.wsk4j.transport.sim.PeerDatagram;
import io.wsk4j.transport.sim.PeerEnd;
import io.wsk4j.transport.sim.PeerPort;
import io.wsk4j.transport.sim.SimNetwork;
import io.wsk4j.transport.sim.SimTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A simulated network in memory with a virtual clock, deterministic from one seed (SPEC S1–S3): a {@link
 * #provider()} whose sockets live there, and peers that behave on the wire as plain sockets do. It runs only when the
 * thread that made it drives it ({@link #runUntilIdle()}, {@link #runFor}, {@link #runUntil}), and every call on it,
 * its provider and its peers comes from that thread. The same seed and the same program give the same {@link
 * #trace()}, byte for byte, on every run and JDK.
 *
 * <pre>{@code
 * WskSimulation sim = WskSimulation.seeded(42);
 * SimPeerListener server = sim.listen();
 * provider = sim.provider();
 * provider.socketConnect(server.address(), context, null, irp); // completes as the simulation runs
 * sim.runUntilIdle();
 * SimPeer peer = server.accepted().get(0);
 * }</pre>
 */
public final class WskSimulation implements AutoCloseable {
    /** The provider's close timeout, in virtual time, as the real provider's default. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final long MAX_STEPS = 50_000_000L;
    private static final Duration VERIFIER_BLOCKING_THRESHOLD = Duration.ofSeconds(5);

    private final SimNetwork network;
    private final FaultPlan faults;
    private final WskProvider provider;
    private final List<String> errors = new ArrayList<>();

    private WskSimulation(long seed, FaultPlan faults, WskVerifierListener verifier, boolean failsOnReport) {
        this.faults = Objects.requireNonNull(faults, "faults is null: pass FaultPlan.none() for none");
        this.network = new SimNetwork(seed, faults.toFaults());
        // V5 measures wall time, which a simulation does not model: only a callback that really blocks is reported
        VerifierSettings verifying = verifier == null ? null
                : new VerifierSettings(verifier, failsOnReport, VERIFIER_BLOCKING_THRESHOLD);
        this.provider = Engine.openProvider(new SimTransport(network), 1, CLOSE_TIMEOUT, (message, error) -> {
            errors.add(message + ": " + error);
            network.note("provider", "error: " + message + ": " + error);
        }, verifying, (operation, socket, status, information) -> network.note(socket.isEmpty() ? "provider" : socket,
                operation + " completed " + status + (information == 0 ? "" : " " + information)));
    }

    /**
     * A world whose every choice comes from one seed, with no fault.
     *
     * @param seed the seed
     * @return a new simulation, driven by the calling thread
     */
    public static WskSimulation seeded(long seed) {
        return new WskSimulation(seed, FaultPlan.none(), null, false);
    }

    /**
     * A world whose every choice, the faults of a plan included, comes from one seed.
     *
     * @param seed the seed
     * @param faults the faults to inject
     * @return a new simulation, driven by the calling thread
     */
    public static WskSimulation seeded(long seed, FaultPlan faults) {
        return new WskSimulation(seed, faults, null, false);
    }

    /**
     * A world whose every choice, the faults of a plan included, comes from one seed, with the provider's verifier on
     * (SPEC V): its reports go to {@code verifier}.
     *
     * @param seed the seed
     * @param faults the faults to inject
     * @param verifier where the verifier's reports go
     * @return a new simulation, driven by the calling thread
     */
    public static WskSimulation seeded(long seed, FaultPlan faults, WskVerifierListener verifier) {
        return seeded(seed, faults, verifier, false);
    }

    /**
     * A world with the provider's verifier on, as {@link #seeded(long, FaultPlan, WskVerifierListener)}, whose
     * {@link #close()} throws {@code WskVerifierException} if anything was reported, as {@code
     * WskProvider.builder().verifierFailsOnReport(true)} does.
     *
     * @param seed the seed
     * @param faults the faults to inject
     * @param verifier where the verifier's reports go
     * @param failsOnReport whether {@link #close()} throws if anything was reported
     * @return a new simulation, driven by the calling thread
     */
    public static WskSimulation seeded(long seed, FaultPlan faults, WskVerifierListener verifier,
            boolean failsOnReport) {
        return new WskSimulation(seed, faults, Objects.requireNonNull(verifier, "verifier is null: pass a listener"),
                failsOnReport);
    }

    /** {@return the seed} */
    public long seed() {
        return network.seed();
    }

    /** {@return the fault plan} */
    public FaultPlan faults() {
        return faults;
    }

    /** {@return the provider whose sockets live in this world; one I/O "thread": the driving thread} */
    public WskProvider provider() {
        return provider;
    }

    /**
     * Adds a name to the world's resolver (SPEC N1), or replaces its addresses: {@code provider().getAddressInfo}
     * then finds it, after a virtual delay the seed draws. Nothing in a simulation asks DNS; "localhost" is there from
     * the start, as 127.0.0.1 and ::1. Names are found without regard to case, and with or without a final dot.
     *
     * @param name the host name
     * @param addresses its addresses, in the order the resolver returns them; at least one
     * @return this simulation
     */
    public WskSimulation addName(String name, InetAddress... addresses) {
        Objects.requireNonNull(name, "name is null: pass the host name to add");
        if (name.isEmpty() || addresses == null || addresses.length == 0) {
            throw new IllegalArgumentException("addName(\"" + name + "\", ...) needs a name and at least one address");
        }
        for (InetAddress address : addresses) {
            Objects.requireNonNull(address, "addName(\"" + name + "\", ...): an address is null");
        }
        network.addName(name, List.of(addresses));
        return this;
    }

    /** {@return a listening peer on 127.0.0.1 at a port of the world's choosing} */
    public SimPeerListener listen() {
        return listen(0);
    }

    /**
     * A listening peer on 127.0.0.1 at a given port.
     *
     * @param port the port, or 0 for one of the world's choosing
     * @return the listening peer
     */
    public SimPeerListener listen(int port) {
        return listen(port, 128);
    }

    /**
     * A listening peer on 127.0.0.1 with a backlog of a given size (it matters once the peer {@link
     * SimPeerListener#stopAccepting() stops accepting}).
     *
     * @param port the port, or 0 for one of the world's choosing
     * @param backlog how many connections wait to be accepted, at most
     * @return the listening peer
     */
    public SimPeerListener listen(int port, int backlog) {
        return listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
    }

    /**
     * A listening peer at a given address, such as {@code [::1]:0}: the world speaks IPv4 and IPv6. A peer bound to
     * one address takes connections of its own family only; one bound to the wildcard takes both (dual-stack).
     *
     * @param local the address and port (0 for one of the world's choosing)
     * @param backlog how many connections wait to be accepted, at most
     * @return the listening peer
     */
    public SimPeerListener listen(InetSocketAddress local, int backlog) {
        Objects.requireNonNull(local, "local is null: pass the address to listen at, such as [::1]:0");
        try {
            return new SimPeerListener(PeerPort.listen(network, local, backlog));
        } catch (IOException e) {
            throw new UncheckedIOException("port " + local.getPort() + " is taken in this simulation", e);
        }
    }

    /**
     * A peer that connects; it is connected once the simulation ran the handshake.
     *
     * @param remote where it connects to
     * @return the connecting peer
     */
    public SimPeer connect(SocketAddress remote) {
        try {
            return new SimPeer(PeerEnd.connect(network, remote));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return a datagram peer bound to 127.0.0.1 at a port of the world's choosing (SPEC G)} */
    public SimDatagramPeer datagramPeer() {
        try {
            return new SimDatagramPeer(PeerDatagram.bind(network, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs until nothing more happens without a timer (every loop's work, every delivery); timers (deadlines, a
     * lingering close's time-out) wait for {@link #runFor}. Throws if the world is still busy after 50 million steps.
     */
    public void runUntilIdle() {
        network.runUntilIdle(MAX_STEPS);
    }

    /**
     * Runs everything, timers included, for a stretch of virtual time.
     *
     * @param duration how much virtual time passes
     */
    public void runFor(Duration duration) {
        network.runFor(duration.toNanos(), MAX_STEPS);
    }

    /**
     * Runs everything, timers included, until a condition holds, for at most a bound of virtual time.
     *
     * @param condition checked before each step
     * @param bound the most virtual time it runs
     * @return whether the condition holds
     */
    public boolean runUntil(BooleanSupplier condition, Duration bound) {
        return network.runUntil(condition, bound.toNanos(), MAX_STEPS);
    }

    /** {@return the virtual time since the world began} */
    public Duration now() {
        return Duration.ofNanos(network.nanoTime());
    }

    /**
     * {@return what happened, a line each, stamped with virtual time: every IRP completion (operation, status,
     * information, socket), what each peer saw, FINs, resets and injected faults} Two runs with the same seed and
     * program give the same text.
     */
    public String trace() {
        return String.join("\n", network.trace());
    }

    /** The world itself, for the runtime's own tests (its counters). */
    SimNetwork network() {
        return network;
    }

    /** {@return what the provider reported to its error handler, in order} */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** {@return the seed and fault plan, as a failing test prints them so that the run can be replayed} */
    public String replay() {
        return "seed " + seed() + " (replay: -Dwsk4j.sim.seed=" + seed() + "), faults " + faults;
    }

    /** Closes the provider, in virtual time: sockets left open are closed as WskProvider.close() does (SPEC C6). */
    @Override
    public void close() {
        provider.close();
    }

    @Override
    public String toString() {
        return "WskSimulation[" + replay() + ", at " + now() + "]";
    }
}
