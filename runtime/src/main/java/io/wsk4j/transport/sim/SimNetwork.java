package io.wsk4j.transport.sim;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * The simulated world: its clock, its seed, its ports, its trace, and the one thread that drives it. Every loop of
 * every engine on it is turned here; nothing runs unless the driving thread asks.
 */
public final class SimNetwork {
    /** Linux gives up on an unanswered SYN after about 127 s (tcp_syn_retries 6). */
    static final long CONNECT_TIMEOUT_NANOS = 127_000_000_000L;
    private static final int FIRST_EPHEMERAL_PORT = 49152;
    private static final int[] RECEIVE_BUFFERS = {8 * 1024, 32 * 1024, 64 * 1024, 128 * 1024, 256 * 1024};
    private static final int LISTEN_BACKLOG_DEFAULT = 128;
    /** Linux's tcp_syn_retries. */
    private static final int SYN_RETRIES = 6;

    final SimClock clock = new SimClock();
    final Random random;
    final long seed;
    final Faults faults;
    /**
     * Where a peer's read lands before it is appended to what the peer received: one for the world, since it runs on
     * one thread and each read is copied out at once, rather than 64 KiB zeroed for every peer.
     */
    final ByteBuffer peerReadBuffer = ByteBuffer.allocate(64 * 1024);
    private final Thread owner;
    private final Map<Integer, SimListen> listeners = new HashMap<>(); // looked up only, never iterated
    private final List<SimPoller> pollers = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    /** The world's names (SPEC N1), lower case; "localhost" is there from the start. */
    private final Map<String, List<InetAddress>> names = new HashMap<>();
    private int nextPort = FIRST_EPHEMERAL_PORT;
    /** UDP ports, a namespace of their own as in a kernel; looked up only, never iterated. */
    private final Map<Integer, DatagramPort> datagramPorts = new HashMap<>();
    private int nextDatagramPort = FIRST_EPHEMERAL_PORT;
    /** Reads by engine sockets that found nothing: on a real network, each is a read() answered EAGAIN. */
    long emptyReads;
    private boolean driving;

    public SimNetwork(long seed, Faults faults) {
        this.seed = seed;
        // java.util.Random's first draws barely differ between nearby seeds (seeds 1 to 20 all draw 0.73 first), and a
        // run over seeds takes consecutive ones: scramble the seed so that each one starts somewhere else
        this.random = new Random(scramble(seed));
        this.faults = faults;
        this.owner = Thread.currentThread();
        try {
            names.put("localhost", List.of(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}),
                    InetAddress.getByAddress("localhost", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})));
        } catch (java.net.UnknownHostException impossible) { // only for a byte array of a wrong length
            throw new IllegalStateException(impossible);
        }
    }

    // ---- names ----------------------------------------------------------------------------------------------

    /** Adds {@code name} to the world's table, or replaces its addresses; looked up without regard to case. */
    public void addName(String name, List<InetAddress> addresses) {
        checkThread("addName()");
        String key = key(name);
        List<InetAddress> named = new ArrayList<>();
        for (InetAddress address : addresses) {
            try {
                named.add(InetAddress.getByAddress(name, address.getAddress())); // carries the name, as a lookup's do
            } catch (java.net.UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        names.put(key, List.copyOf(named));
        note("resolver", "name " + name + " added: " + addresses.size() + " address(es)");
    }

    /** {@return the addresses of {@code name}, or null if the world has no such name} */
    List<InetAddress> lookUp(String name) {
        return names.get(key(name));
    }

    private static String key(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower; // "host." is "host"
    }

    /** SplitMix64's finalizer: nearby seeds give unrelated values, and distinct seeds stay distinct. */
    static long scramble(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long seed() {
        return seed;
    }

    /** {@return the virtual time in nanoseconds since the world began} */
    public long nanoTime() {
        return clock.now();
    }

    /** {@return how many reads by the engine's sockets found nothing to read} */
    public long emptyReads() {
        return emptyReads;
    }

    public Thread owner() {
        return owner;
    }

    // ---- threads --------------------------------------------------------------------------------------------

    /** Every use of the world comes from its driving thread: anything else would make a run depend on timing. */
    public void checkThread(String what) {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException(what + " was called on thread " + Thread.currentThread().getName()
                    + ", but this simulation belongs to thread " + owner.getName() + ", which made it: a simulated"
                    + " network runs on the one thread that drives it, so that a seed replays the same run; make every"
                    + " call from that thread (no executor, no CompletableFuture.async, no second thread)");
        }
    }

    private void beginDriving(String what) {
        checkThread(what);
        if (driving) {
            throw new IllegalStateException(what + " was called while the simulation was already running, from inside"
                    + " a completion routine, an event callback or a peer's callback: return from the callback and"
                    + " drive the simulation from the test's own code");
        }
        driving = true;
    }

    // ---- driving --------------------------------------------------------------------------------------------

    /**
     * Runs until nothing more happens without a timer: every loop's work, every delivery. Timers (a deadline, a
     * lingering close, an accept pause) wait for {@link #runFor}.
     *
     * @return the steps taken
     */
    public long runUntilIdle(long maxSteps) {
        beginDriving("runUntilIdle()");
        try {
            long steps = 0;
            while (step(Long.MAX_VALUE, false)) {
                if (++steps >= maxSteps) {
                    throw new IllegalStateException("The simulation was still busy after " + maxSteps + " steps (virtual"
                            + " time " + text(clock.now()) + "): something keeps it working, such as an exchange that"
                            + " never ends; use runFor(duration) or runUntil(condition, bound) to run a bounded part");
                }
            }
            return steps;
        } finally {
            driving = false;
        }
    }

    /** Runs everything, timers included, until the virtual clock has moved {@code nanos} on. */
    public void runFor(long nanos, long maxSteps) {
        beginDriving("runFor()");
        try {
            long until = clock.now() + nanos;
            long steps = 0;
            while (step(until, true)) {
                if (++steps >= maxSteps) {
                    throw new IllegalStateException("The simulation took more than " + maxSteps + " steps within "
                            + text(nanos) + " of virtual time; run a shorter part");
                }
            }
            clock.advanceTo(until);
        } finally {
            driving = false;
        }
    }

    /**
     * Runs everything, timers included, until {@code condition} holds or {@code nanos} of virtual time passed.
     *
     * @return whether the condition holds
     */
    public boolean runUntil(BooleanSupplier condition, long nanos, long maxSteps) {
        beginDriving("runUntil()");
        try {
            long until = clock.now() + nanos;
            long steps = 0;
            while (!condition.getAsBoolean()) {
                if (!step(until, true)) {
                    clock.advanceTo(until);
                    return condition.getAsBoolean();
                }
                if (++steps >= maxSteps) {
                    throw new IllegalStateException("The simulation took more than " + maxSteps + " steps without the"
                            + " condition holding (virtual time " + text(clock.now()) + ")");
                }
            }
            return true;
        } finally {
            driving = false;
        }
    }

    /** For the engine's waits (WskProvider.close()): the same as {@link #runUntil}, re-entrancy checked. */
    boolean await(BooleanSupplier done, long nanos) {
        return runUntil(done, nanos, Long.MAX_VALUE);
    }

    /**
     * One thing: a happening due now, else a loop's turn, else the clock moves to the next happening or timer, if it
     * is not after {@code limit}. Returns false if nothing is left to do before {@code limit}.
     */
    private boolean step(long limit, boolean timers) {
        if (!clock.isEmpty() && clock.next() <= clock.now()) {
            clock.runNext();
            return true;
        }
        for (int i = 0; i < pollers.size(); i++) {
            SimPoller poller = pollers.get(i);
            if (poller.host.hasWork() || poller.hasReady()) {
                poller.host.runTurn();
                return true;
            }
        }
        long next = clock.isEmpty() ? Long.MAX_VALUE : clock.next();
        SimPoller timed = null;
        boolean networkTimer = false;
        if (timers && clock.nextTimer() < next) {
            next = clock.nextTimer();
            networkTimer = true;
        }
        if (timers) {
            for (int i = 0; i < pollers.size(); i++) {
                SimPoller poller = pollers.get(i);
                long deadline = poller.host.nextDeadline(Long.MAX_VALUE);
                if (deadline < next) {
                    next = deadline;
                    timed = poller;
                    networkTimer = false;
                }
            }
        }
        if (next == Long.MAX_VALUE || next > limit) {
            return false;
        }
        if (timed != null) {
            clock.advanceTo(next);
            timed.host.runTurn(); // the turn expires the timers that are due
            return true;
        }
        if (networkTimer) {
            clock.runNextTimer();
            return true;
        }
        clock.runNext();
        return true;
    }

    // ---- ports and connections -------------------------------------------------------------------------------

    void add(SimPoller poller) {
        pollers.add(poller);
    }

    int receiveBuffer() {
        return RECEIVE_BUFFERS[random.nextInt(RECEIVE_BUFFERS.length)];
    }

    Wire newWire() {
        return new Wire(this, receiveBuffer());
    }

    InetSocketAddress bind(Wire wire, SocketAddress requested) throws IOException {
        InetSocketAddress address = resolve(requested);
        if (address.getPort() != 0 && listeners.containsKey(address.getPort())) {
            throw new java.net.BindException("Address already in use");
        }
        wire.boundWildcard = ((InetSocketAddress) requested).getAddress().isAnyLocalAddress();
        return address.getPort() != 0 ? address : new InetSocketAddress(address.getAddress(), ephemeralPort());
    }

    void listen(SimListen listener, InetSocketAddress address) throws IOException {
        if (listeners.containsKey(address.getPort())) {
            throw new java.net.BindException("Address already in use");
        }
        listeners.put(address.getPort(), listener);
        note(address, "listening");
    }

    void unlisten(InetSocketAddress address) {
        listeners.remove(address.getPort());
        note(address, "listener closed");
    }

    /**
     * Breaks the listening port at {@code port} for good, as a stack failing under it: its accepts fail from now on
     * and its owner is told (SPEC K6). What a test uses to show a dead listener, which a real loopback cannot.
     *
     * @throws IllegalArgumentException if nothing listens there
     */
    public void breakListener(int port) {
        checkThread("breakListener");
        SimListen listener = listeners.get(port);
        if (listener == null) {
            throw new IllegalArgumentException("Nothing listens at port " + port);
        }
        note(listener.address, "listening socket broke (test)");
        listener.breakForGood();
    }

    InetSocketAddress listenAddress(SocketAddress requested) throws IOException {
        InetSocketAddress address = resolve(requested);
        return address.getPort() != 0 ? address : new InetSocketAddress(address.getAddress(), ephemeralPort());
    }

    /**
     * Starts a connect from {@code client} to {@code remote}; {@code outcome} runs once it is decided: with null when
     * connected, else with the failure. The accepted end waits in the listener's backlog.
     */
    void connect(Wire client, SocketAddress remote, java.util.function.Consumer<IOException> outcome)
            throws IOException {
        InetSocketAddress target = resolve(remote);
        if (target.getPort() == 0) {
            throw new IllegalArgumentException("port 0 is not a destination");
        }
        if (client.local == null) {
            client.local = new InetSocketAddress(loopback(target.getAddress()), ephemeralPort());
        }
        if (client.local != null && client.boundWildcard) {
            client.local = new InetSocketAddress(loopback(target.getAddress()), client.local.getPort()); // dual-stack
        } else if (client.local != null && !sameFamily(client.local.getAddress(), target.getAddress())) {
            // what Linux answers for a socket bound to an address of the other family
            throw new java.net.SocketException("Address family not supported by protocol");
        }
        client.remote = target;
        long handshake = faults.delay(random) * 3; // drawn first, as before SYN retries existed: seeds replay
        if (Faults.happens(random, faults.timeOutRate)) {
            note(client, "connect to " + text(target) + " unanswered (fault)");
            clock.timer(clock.now() + CONNECT_TIMEOUT_NANOS,
                    () -> outcome.accept(new ConnectException("Connection timed out")));
            return;
        }
        syn(client, target, outcome, 0, clock.now() + CONNECT_TIMEOUT_NANOS, handshake);
    }

    /**
     * One SYN of a connect. A closed port answers RST (refused); a listener whose backlog is full drops it, as Linux
     * does, and the client sends it again 1, 2, 4, 8, 16 and 32 s later, then gives up at {@code giveUpAt} (127 s).
     */
    private void syn(Wire client, InetSocketAddress target, java.util.function.Consumer<IOException> outcome,
            int retries, long giveUpAt, long handshake) {
        SimListen listener = listeners.get(target.getPort());
        if (listener == null || !listener.accepts(target.getAddress())) {
            note(client, "connect to " + text(target) + " refused");
            clock.at(clock.now() + handshake, () -> outcome.accept(new ConnectException("Connection refused")));
            return;
        }
        if (listener.backlogFull()) {
            long resend = clock.now() + (1_000_000_000L << retries);
            if (retries >= SYN_RETRIES || resend >= giveUpAt) {
                note(client, "SYN to " + text(target) + " dropped (backlog full); the connect times out");
                clock.timer(giveUpAt, () -> outcome.accept(new ConnectException("Connection timed out")));
            } else {
                note(client, "SYN to " + text(target) + " dropped (backlog full); sent again later");
                clock.timer(resend, () -> syn(client, target, outcome, retries + 1, giveUpAt,
                        faults.delay(random) * 3));
            }
            return;
        }
        if (Faults.happens(random, faults.refuseRate)) {
            note(client, "connect to " + text(target) + " refused (fault)");
            clock.at(clock.now() + handshake, () -> outcome.accept(new ConnectException("Connection refused")));
            return;
        }
        Wire server = newWire();
        server.local = target;
        server.remote = client.local;
        listener.reserve();
        clock.at(clock.now() + handshake, () -> {
            if (!listener.open()) {
                listener.unreserve();
                note(client, "connect to " + text(target) + " refused (listener closed)");
                outcome.accept(new ConnectException("Connection refused"));
                return;
            }
            Wire.pair(client, server);
            note(client, "connected");
            listener.arrived(server);
            outcome.accept(null);
        });
    }

    private int ephemeralPort() {
        while (listeners.containsKey(nextPort)) {
            nextPort++;
        }
        int port = nextPort++;
        if (nextPort > 65535) {
            nextPort = FIRST_EPHEMERAL_PORT;
        }
        return port;
    }

    static InetSocketAddress resolve(SocketAddress address) throws IOException {
        if (!(address instanceof InetSocketAddress)) {
            throw new IllegalArgumentException("not an InetSocketAddress: " + address);
        }
        InetSocketAddress inet = (InetSocketAddress) address;
        if (inet.isUnresolved()) {
            throw new java.nio.channels.UnresolvedAddressException();
        }
        if (inet.getAddress().isAnyLocalAddress()) {
            return new InetSocketAddress(loopback(inet.getAddress()), inet.getPort());
        }
        return inet;
    }

    // ---- datagrams (SPEC G) ----------------------------------------------------------------------------------

    InetSocketAddress bindDatagram(DatagramPort port, SocketAddress requested) throws IOException {
        InetSocketAddress address = resolve(requested);
        if (address.getPort() == 0) {
            while (datagramPorts.containsKey(nextDatagramPort)) {
                nextDatagramPort = nextDatagramPort >= 65535 ? FIRST_EPHEMERAL_PORT : nextDatagramPort + 1;
            }
            address = new InetSocketAddress(address.getAddress(), nextDatagramPort);
            nextDatagramPort = nextDatagramPort >= 65535 ? FIRST_EPHEMERAL_PORT : nextDatagramPort + 1;
        } else if (datagramPorts.containsKey(address.getPort())) {
            throw new java.net.BindException("Address already in use");
        }
        datagramPorts.put(address.getPort(), port);
        note(address, "datagram socket bound");
        return address;
    }

    void unbindDatagram(DatagramPort port) {
        if (port.local != null && datagramPorts.get(port.local.getPort()) == port) {
            datagramPorts.remove(port.local.getPort());
            note(port.local, "datagram socket closed");
        }
    }

    /**
     * Sends one datagram from {@code from}: it arrives after the seeded delay, after every earlier datagram of the same
     * sender (loopback keeps their order). Where no socket has the port, Linux answers with an ICMP port unreachable,
     * which reaches the sender only if it is connected to that address; to any other sender the datagram is lost.
     */
    void sendDatagram(DatagramPort from, byte[] data, InetSocketAddress to) {
        long arrival = Math.max(clock.now() + faults.delay(random), from.lastArrival);
        from.lastArrival = arrival;
        InetSocketAddress source = from.local;
        clock.at(arrival, () -> {
            DatagramPort target = datagramPorts.get(to.getPort());
            if (target != null && target.open) {
                target.arrive(data, source);
                return;
            }
            if (from.open && to.equals(from.remote)) {
                note(source, "datagram to " + text(to) + ": port unreachable (ICMP)");
                from.portUnreachable = true;
                from.changed();
            } else {
                note(source, "datagram to " + text(to) + " lost: no socket there");
            }
        });
    }

    private static final InetAddress IPV6_LOOPBACK;

    static {
        try {
            IPV6_LOOPBACK = InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        } catch (java.net.UnknownHostException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    /** {@return the loopback address of {@code address}'s family: ::1 for IPv6, else 127.0.0.1} */
    static InetAddress loopback(InetAddress address) {
        return address instanceof java.net.Inet6Address ? IPV6_LOOPBACK : InetAddress.getLoopbackAddress();
    }

    static boolean sameFamily(InetAddress a, InetAddress b) {
        return (a instanceof java.net.Inet6Address) == (b instanceof java.net.Inet6Address);
    }

    // ---- trace ----------------------------------------------------------------------------------------------

    /** Adds a line to the trace, stamped with the virtual time. */
    public void note(Object who, String what) {
        trace.add(text(clock.now()) + " " + (who instanceof InetSocketAddress ? text((InetSocketAddress) who) : who)
                + ": " + what);
    }

    public List<String> trace() {
        return trace;
    }

    static String text(long nanos) {
        long micros = nanos / 1000;
        long fraction = micros % 1000; // padded by hand: String.format would follow the default locale's digits
        return micros / 1000 + "." + (fraction < 100 ? fraction < 10 ? "00" : "0" : "") + fraction + "ms";
    }

    static String text(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
