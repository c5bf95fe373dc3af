package io.wsk4j.sim;

import static io.wsk4j.NtStatus.MORE_PROCESSING_REQUIRED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskAccept;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each fault class of SPEC S3, shown by two handlers: a deliberately wrong one, written as a newcomer would, that
 * passes on a fault-free network and fails under the fault, and a correct one that passes under it. Every scenario
 * runs over {@link #SEEDS} seeds on plain {@link WskSimulation}s, so the test sees the wrong handler's failures as
 * data (bytes missing, a socket left open, an IRP left pending, an error a completion routine threw) instead of
 * failing itself.
 */
class FaultPlanTest {
    private static final int SEEDS = 20;
    private static final Duration SETTLE = Duration.ofSeconds(30);

    /** One handler on one simulated network; it adds what went wrong to {@code problems}. */
    @FunctionalInterface
    interface Scenario {
        void run(WskSimulation sim, boolean faulty, List<String> problems);
    }

    // ---- allocation failures ------------------------------------------------------------------------------------

    @Test
    @DisplayName("S3 S5 allocation failures: a flow that ignores INSUFFICIENT_RESOURCES loses bytes or throws"
            + " (I7, X5: a failed call did nothing, so it must be retried or given up, never taken as done)")
    void allocationFailures() {
        FaultPlan plan = FaultPlan.none().allocationFailures(0.2);
        assertShows(plan, FaultPlanTest::uploadIgnoringStatus, FaultPlanTest::uploadRetryingAllocations,
                "peer read");
    }

    private static final String GREETING = "hello, peer\n";

    /**
     * Wrong: connect, send, disconnect, close, each step started from the last one's routine; only the connect's status
     * is checked (it is the one that obviously fails), the others are taken as done.
     */
    private static void uploadIgnoringStatus(WskSimulation sim, boolean faulty, List<String> problems) {
        SimPeerListener server = sim.listen();
        sim.provider().socketConnect(server.address(), null, null, then(connected -> {
            if (!connected.status().isSuccess()) {
                return;
            }
            WskSocket socket = connected.socket();
            socket.dispatch().send(socket, text(GREETING), SendFlags.NONE, then(sent ->
                    socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, then(disconnected ->
                            socket.dispatch().closeSocket(socket, then(closed -> { }))))));
        }));
        finishUpload(sim, server, problems);
    }

    /** Correct: a step that failed for lack of memory did nothing; it is tried again, a bounded number of times. */
    private static void uploadRetryingAllocations(WskSimulation sim, boolean faulty, List<String> problems) {
        SimPeerListener server = sim.listen();
        int maxTries = 10;
        new Object() {
            int tries;
            WskSocket socket;

            void connect() {
                sim.provider().socketConnect(server.address(), null, null, then(this::connected));
            }

            void connected(Irp irp) {
                if (retry(irp, this::connect) || !irp.status().isSuccess()) {
                    return; // retried, or gave up: no socket was made
                }
                socket = irp.socket();
                send();
            }

            void send() {
                socket.dispatch().send(socket, text(GREETING), SendFlags.NONE, then(this::sent));
            }

            void sent(Irp irp) {
                if (retry(irp, this::send)) {
                    return;
                }
                if (irp.status().isSuccess()) {
                    disconnect();
                } else {
                    close();
                }
            }

            void disconnect() {
                socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, then(this::disconnected));
            }

            void disconnected(Irp irp) {
                if (!retry(irp, this::disconnect)) {
                    close();
                }
            }

            void close() {
                socket.dispatch().closeSocket(socket, then(closed -> { })); // close always succeeds (C1)
            }

            boolean retry(Irp irp, Runnable again) {
                if (irp.status() != NtStatus.INSUFFICIENT_RESOURCES || ++tries > maxTries) {
                    tries = 0;
                    return false;
                }
                again.run();
                return true;
            }
        }.connect();
        finishUpload(sim, server, problems);
    }

    /** Runs the upload to its end and checks that the peer read the greeting, then EOF. */
    private static void finishUpload(WskSimulation sim, SimPeerListener server, List<String> problems) {
        sim.runFor(SETTLE);
        List<SimPeer> peers = server.accepted();
        String seen = peers.isEmpty() ? "no connection"
                : peers.get(0).receivedText() + " then " + peers.get(0).ending();
        if (!seen.equals(GREETING + " then EOF")) {
            problems.add("peer read " + quote(seen) + ", expected " + quote(GREETING + " then EOF"));
        }
        peers.forEach(SimPeer::close);
        sim.runFor(SETTLE);
    }

    // ---- split reads and writes ---------------------------------------------------------------------------------

    private static final String RECORD = "GET /index.html HTTP/1.0\r\n\r\n"; // a fixed-size request: 28 bytes

    @Test
    @DisplayName("S3 split reads: a receive that assumes one read returns the whole record decodes half of it"
            + " (X2: a receive completes with the bytes available, at least 1; WAITALL waits for a full buffer)")
    void splitReadsAndWrites() {
        assertShows(FaultPlan.none().splitReadsAndWrites(), (sim, faulty, problems) ->
                readRecord(sim, ReceiveFlags.NONE, problems), (sim, faulty, problems) ->
                readRecord(sim, ReceiveFlags.WAITALL, problems), "decoded");
    }

    /** Wrong with NONE, correct with WAITALL: one receive of the record's size, decoded as the record. */
    private static void readRecord(WskSimulation sim, ReceiveFlags flags, List<String> problems) {
        SimPeerListener server = sim.listen();
        List<String> decoded = new ArrayList<>();
        sim.provider().socketConnect(server.address(), null, null, then(connected -> {
            WskSocket socket = connected.socket();
            ByteBuffer record = ByteBuffer.allocate(RECORD.length());
            socket.dispatch().receive(socket, WskBuf.of(record), flags, then(received -> {
                decoded.add(new String(record.array(), 0, (int) received.information(), StandardCharsets.US_ASCII));
                socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, then(disconnected ->
                        socket.dispatch().closeSocket(socket, then(closed -> { }))));
            }));
        }));
        sim.runUntil(() -> !server.accepted().isEmpty(), SETTLE);
        SimPeer client = server.accepted().get(0);
        client.write(RECORD);
        client.shutdownOutput();
        sim.runFor(SETTLE);
        if (!decoded.equals(List.of(RECORD))) {
            problems.add("decoded " + decoded.stream().map(FaultPlanTest::quote).toList() + ", sent " + quote(RECORD));
        }
        client.close();
        sim.runFor(SETTLE);
    }

    // ---- delay and jitter ---------------------------------------------------------------------------------------

    @Test
    @DisplayName("S3 delay and jitter: a banner deadline tuned on loopback gives up on a server 150-300 ms away, on"
            + " some seeds only (I6: the cancelled receive completes CANCELLED and the banner is lost to the client)")
    void delayAndJitter() {
        FaultPlan plan = FaultPlan.none().delay(Duration.ofMillis(150), Duration.ofMillis(150));
        assertShows(plan, (sim, faulty, problems) -> readBanner(sim, Duration.ofMillis(700), problems),
                (sim, faulty, problems) -> readBanner(sim, Duration.ofSeconds(10), problems), "gave up");
    }

    private static final String BANNER = "220 ready\r\n";

    /** Connects, and reads the server's banner within {@code deadline} of the connect, else gives up. */
    private static void readBanner(WskSimulation sim, Duration deadline, List<String> problems) {
        SimPeerListener server = sim.listen();
        var client = new Object() {
            Irp pending;
            String banner;
            NtStatus outcome;

            void connect() {
                pending = then(connected -> {
                    pending = null;
                    if (!connected.status().isSuccess()) {
                        outcome = connected.status();
                        return;
                    }
                    WskSocket socket = connected.socket();
                    ByteBuffer into = ByteBuffer.allocate(BANNER.length());
                    pending = then(received -> {
                        pending = null;
                        outcome = received.status();
                        banner = new String(into.array(), 0, (int) received.information(), StandardCharsets.US_ASCII);
                        socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, then(disconnected ->
                                socket.dispatch().closeSocket(socket, then(closed -> { }))));
                    });
                    socket.dispatch().receive(socket, WskBuf.of(into), ReceiveFlags.WAITALL, pending);
                });
                sim.provider().socketConnect(server.address(), null, null, pending);
            }

            /** The client's timer: the connect or receive still pending at the deadline is cancelled (I6). */
            void deadlinePassed() {
                if (pending != null) {
                    pending.cancel();
                }
            }
        };
        Duration start = sim.now();
        client.connect();
        sim.runUntil(() -> !server.accepted().isEmpty(), SETTLE);
        SimPeer peer = server.accepted().get(0);
        peer.write(BANNER); // the server greets as soon as it accepts
        Duration left = deadline.minus(sim.now().minus(start));
        sim.runUntil(() -> client.outcome != null, left.isNegative() ? Duration.ZERO : left);
        client.deadlinePassed();
        sim.runFor(SETTLE);
        if (!BANNER.equals(client.banner)) {
            problems.add("gave up: " + client.outcome + " after " + deadline.toMillis() + " ms, banner "
                    + quote(String.valueOf(client.banner)));
        }
        peer.close();
        sim.runFor(SETTLE);
    }

    // ---- a peer that resets after N bytes -------------------------------------------------------------------------

    @Test
    @DisplayName("S3 peer reset after N bytes: closing from every failing routine closes twice, and the second close"
            + " throws in a completion routine (D9: the reset completes every pending send and the disconnect; C5)")
    void peerResetsAfterReading() {
        assertShows(FaultPlan.none(), (sim, faulty, problems) -> upload(sim, faulty, true, problems),
                (sim, faulty, problems) -> upload(sim, faulty, false, problems), "threw");
    }

    /**
     * Sends four 64 KiB blocks, then disconnects gracefully and closes in the disconnect's routine. The wrong handler
     * also closes from any send that failed; the correct one closes in one place only, the disconnect's routine,
     * which completes after every send before it (D3, D9), whatever its status.
     */
    private static void upload(WskSimulation sim, boolean peerResets, boolean closeOnFailedSend,
            List<String> problems) {
        SimPeerListener server = sim.listen();
        sim.provider().socketConnect(server.address(), null, null, then(connected -> {
            WskSocket socket = connected.socket();
            for (int block = 0; block < 4; block++) {
                socket.dispatch().send(socket, WskBuf.of(ByteBuffer.allocate(64 * 1024)), SendFlags.NONE,
                        then(sent -> {
                            if (!sent.status().isSuccess() && closeOnFailedSend) {
                                socket.dispatch().closeSocket(socket, then(closed -> { }));
                            }
                        }));
            }
            socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, then(disconnected ->
                    socket.dispatch().closeSocket(socket, then(closed -> { }))));
        }));
        sim.runUntil(() -> !server.accepted().isEmpty(), SETTLE);
        SimPeer peer = server.accepted().get(0);
        if (peerResets) {
            peer.resetAfterReading(10_000);
        }
        sim.runFor(SETTLE);
        SimPeer.Ending expected = peerResets ? SimPeer.Ending.OPEN : SimPeer.Ending.EOF; // a peer that reset read on
        if (peer.ending() != expected) {
            problems.add("peer's reads ended " + peer.ending() + ", expected " + expected);
        }
        peer.close();
        sim.runFor(SETTLE);
    }

    // ---- a peer that stops reading ------------------------------------------------------------------------------

    @Test
    @DisplayName("S3 peer stops reading: the seed's close-in-the-disconnect-routine waits forever, socket and IRPs"
            + " left (D6: a graceful disconnect may stay pending while the peer does not read; bound it)")
    void peerStopsReading() {
        assertShows(FaultPlan.none(), (sim, faulty, problems) -> sendThenDisconnect(sim, faulty, null, problems),
                (sim, faulty, problems) -> sendThenDisconnect(sim, faulty, Duration.ofSeconds(10), problems),
                "left open");
    }

    /**
     * Sends 1 MiB, disconnects gracefully and closes in the disconnect's routine (the seed's pattern). With a deadline,
     * a disconnect still pending then is made ABORTIVE, which forces the graceful one to complete (D6, D8): its
     * routine closes as always, so the close stays in one place.
     */
    private static void sendThenDisconnect(WskSimulation sim, boolean peerStalls, Duration deadline,
            List<String> problems) {
        SimPeerListener server = sim.listen();
        var client = new Object() {
            WskSocket socket;
            boolean disconnected;

            void connect() {
                sim.provider().socketConnect(server.address(), null, null, then(connected -> {
                    socket = connected.socket();
                    socket.dispatch().send(socket, WskBuf.of(ByteBuffer.allocate(1 << 20)), SendFlags.NONE,
                            then(sent -> { }));
                    socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, then(done -> {
                        disconnected = true;
                        socket.dispatch().closeSocket(socket, then(closed -> { }));
                    }));
                }));
            }

            void deadlinePassed() {
                if (socket != null && !disconnected) {
                    socket.dispatch().disconnect(socket, null, DisconnectMode.ABORTIVE, then(aborted -> { }));
                }
            }
        };
        client.connect();
        sim.runUntil(() -> !server.accepted().isEmpty(), SETTLE);
        SimPeer peer = server.accepted().get(0);
        if (peerStalls) {
            peer.stopReading();
        }
        if (deadline != null) {
            sim.runUntil(() -> client.disconnected, deadline);
            client.deadlinePassed();
        }
        sim.runFor(Duration.ofSeconds(60));
        if (!peerStalls && peer.receivedCount() != 1 << 20) {
            problems.add("peer read " + peer.receivedCount() + " bytes of " + (1 << 20));
        }
    }

    // ---- a connect refused --------------------------------------------------------------------------------------

    @Test
    @DisplayName("S3 connect refused: a connect routine that uses irp.socket() without checking the status throws"
            + " (X3: a failed connect completes CONNECTION_REFUSED with no socket)")
    void connectRefused() {
        assertShows(FaultPlan.none().refuseConnects(0.5), (sim, faulty, problems) -> greet(sim, 1, problems),
                (sim, faulty, problems) -> greet(sim, 5, problems), "threw");
    }

    /** Connects (up to {@code tries} times when refused) and sends the greeting; a routine that throws is wrong. */
    private static void greet(WskSimulation sim, int tries, List<String> problems) {
        SimPeerListener server = sim.listen();
        var client = new Object() {
            int attempts;
            boolean gaveUp;

            void connect() {
                attempts++;
                sim.provider().socketConnect(server.address(), null, null, then(connected -> {
                    if (tries > 1 && !connected.status().isSuccess()) { // the wrong handler has no such check
                        if (attempts < tries) {
                            connect();
                        } else {
                            gaveUp = true;
                        }
                        return;
                    }
                    WskSocket socket = connected.socket();
                    socket.dispatch().send(socket, text(GREETING), SendFlags.NONE, then(sent ->
                            socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, then(disconnected ->
                                    socket.dispatch().closeSocket(socket, then(closed -> { }))))));
                }));
            }
        };
        client.connect();
        sim.runFor(SETTLE);
        List<SimPeer> peers = server.accepted();
        if (!client.gaveUp && (peers.isEmpty() || !peers.get(0).receivedText().equals(GREETING))) {
            problems.add("the peer did not get the greeting, and the client did not give up");
        }
        peers.forEach(SimPeer::close);
        sim.runFor(SETTLE);
    }

    // ---- a connect timing out -----------------------------------------------------------------------------------

    private static final Duration CONNECT_BUDGET = Duration.ofSeconds(10);

    @Test
    @DisplayName("S3 connect timing out: a connect with no deadline is still pending when the caller's 10 s are up"
            + " (X3: an unanswered connect takes 127 s to fail; bound it with Irp.cancel, I6)")
    void connectTimesOut() {
        assertShows(FaultPlan.none().timeOutConnects(0.5), (sim, faulty, problems) -> connectWithin(sim, null,
                problems), (sim, faulty, problems) -> connectWithin(sim, Duration.ofSeconds(2), problems), "pending");
    }

    /**
     * The caller needs a connection, or an answer that there is none, within {@link #CONNECT_BUDGET}. With an
     * attempt deadline, each attempt still pending then is cancelled and the next one starts, while the budget lasts.
     */
    private static void connectWithin(WskSimulation sim, Duration attemptDeadline, List<String> problems) {
        SimPeerListener server = sim.listen();
        var client = new Object() {
            Irp connecting;
            boolean settled;

            void connect() {
                connecting = then(connected -> {
                    connecting = null;
                    if (connected.status() == NtStatus.CANCELLED && sim.now().compareTo(CONNECT_BUDGET) < 0) {
                        connect(); // the attempt's deadline passed: try again while the budget lasts
                        return;
                    }
                    settled = true;
                    WskSocket socket = connected.socket();
                    if (socket != null) {
                        socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, then(disconnected ->
                                socket.dispatch().closeSocket(socket, then(closed -> { }))));
                    }
                });
                sim.provider().socketConnect(server.address(), null, null, connecting);
            }

            /** The attempt's timer, measured in the simulation's time by the loop below. */
            void deadlinePassed() {
                if (connecting != null) {
                    connecting.cancel();
                }
            }
        };
        client.connect();
        if (attemptDeadline == null) {
            sim.runUntil(() -> client.settled, CONNECT_BUDGET);
        } else {
            while (!client.settled && sim.now().compareTo(CONNECT_BUDGET) < 0) {
                sim.runUntil(() -> client.settled, attemptDeadline);
                client.deadlinePassed();
            }
        }
        if (!client.settled) {
            problems.add("connect still pending after " + CONNECT_BUDGET.toSeconds() + " s");
        }
        server.accepted().forEach(SimPeer::close);
        sim.runFor(SETTLE);
    }

    // ---- a listener out of descriptors --------------------------------------------------------------------------

    /**
     * What the engine itself reports to the error handler when the network fails under it (X5): a failing accept, and a
     * socket that could not be made (the simulation's allocation failure takes the path of EMFILE). They are the
     * fault, not the handler's doing.
     */
    private static final List<String> FAULT_REPORTS = List.of("accepting pauses for 1 s", "Opening a socket failed");

    @Test
    @DisplayName("S3 descriptors exhausted: an idle shutdown after 500 ms without a connection closes a listener whose"
            + " clients wait out the accept pause, and they are reset (X5: accepting pauses 1 s, then resumes)")
    void listenerOutOfDescriptors() {
        FaultPlan plan = FaultPlan.none().acceptFailures(0.5);
        assertShows(plan, (sim, faulty, problems) -> serveGreetings(sim, Duration.ofMillis(500), problems),
                (sim, faulty, problems) -> serveGreetings(sim, null, problems), "peer");
    }

    /**
     * A server that greets each client and closes the connection. Three clients connect 200 ms apart. With an idle
     * limit, the server stops listening once no connection was accepted for that long; without, it stops when told
     * (here once every client has its greeting, or after 30 s).
     */
    private static void serveGreetings(WskSimulation sim, Duration idleLimit, List<String> problems) {
        WskProvider provider = sim.provider();
        var server = new Object() {
            WskListenSocket listening;
            Duration lastAccept = Duration.ZERO;

            void listen() {
                provider.socketListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 7000), this,
                        (self, accepted, local, remote) -> {
                            lastAccept = sim.now();
                            accepted.dispatch().send(accepted, text(GREETING), SendFlags.NONE, then(sent ->
                                    accepted.dispatch().disconnect(accepted, null, DisconnectMode.GRACEFUL,
                                            then(done -> accepted.dispatch().closeSocket(accepted,
                                                    then(closed -> { }))))));
                            return WskAccept.accept(null, null);
                        }, then(listened -> listening = listened.listenSocket()));
            }

            void stop() {
                if (listening != null) {
                    listening.dispatch().closeSocket(listening, then(closed -> { }));
                    listening = null;
                }
            }
        };
        server.listen();
        sim.runUntilIdle();
        List<SimPeer> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(sim.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 7000)));
            sim.runFor(Duration.ofMillis(200));
        }
        Duration until = sim.now().plus(SETTLE);
        while (server.listening != null && sim.now().compareTo(until) < 0) {
            if (idleLimit != null && sim.now().minus(server.lastAccept).compareTo(idleLimit) >= 0) {
                server.stop(); // no client for a while: the newcomer's "nobody else is coming"
                break;
            }
            sim.runUntil(() -> clients.stream().allMatch(c -> c.ending() != SimPeer.Ending.OPEN),
                    Duration.ofMillis(100));
            if (clients.stream().allMatch(c -> c.ending() != SimPeer.Ending.OPEN)) {
                break;
            }
        }
        server.stop();
        sim.runFor(SETTLE);
        for (SimPeer client : clients) {
            if (!client.receivedText().equals(GREETING) || client.ending() != SimPeer.Ending.EOF) {
                problems.add("peer " + client.localAddress().getPort() + " read " + quote(client.receivedText())
                        + " then " + client.ending());
            }
            client.close();
        }
        sim.runFor(SETTLE);
    }

    // ---- the harness --------------------------------------------------------------------------------------------

    /**
     * The wrong handler passes on every seed without the fault and fails on at least one under it, with {@code
     * symptom} in its problems; the correct one passes on every seed under the fault.
     */
    private static void assertShows(FaultPlan plan, Scenario wrong, Scenario correct, String symptom) {
        assertEquals(Map.of(), failures(FaultPlan.none(), false, wrong),
                "the wrong handler must pass without the fault, or the test shows nothing");
        Map<Long, List<String>> wrongUnderFault = failures(plan, true, wrong);
        assertFalse(wrongUnderFault.isEmpty(), "the wrong handler passed under " + plan + " on every seed");
        assertTrue(wrongUnderFault.values().stream().anyMatch(p -> String.join("\n", p).contains(symptom)),
                "the wrong handler failed, but not with '" + symptom + "': " + wrongUnderFault);
        assertEquals(Map.of(), failures(plan, true, correct), "the correct handler under " + plan);
    }

    /** Runs a scenario once per seed; {@return each failing seed's problems} */
    private static Map<Long, List<String>> failures(FaultPlan plan, boolean faulty, Scenario scenario) {
        Map<Long, List<String>> failing = new TreeMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            WskSimulation sim = WskSimulation.seeded(seed, plan);
            List<String> problems = new ArrayList<>();
            scenario.run(sim, faulty, problems);
            problems.addAll(leftovers(sim));
            if (!problems.isEmpty()) {
                failing.put(seed, problems);
            }
        }
        return failing;
    }

    /** What @WskTest checks: IRPs pending, sockets open, errors reported (a routine that threw among them). */
    private static List<String> leftovers(WskSimulation sim) {
        List<String> problems = new ArrayList<>();
        long pending = sim.provider().stats().pendingTotal();
        if (pending > 0) {
            problems.add(pending + " IRP(s) pending " + sim.provider().stats().pendingIrps());
        }
        int open = sim.provider().openSocketCount();
        if (open > 0) {
            problems.add(open + " socket(s) left open");
        }
        sim.close();
        for (String error : sim.errors()) {
            if (FAULT_REPORTS.stream().noneMatch(error::contains)) {
                problems.add(error.contains("threw") ? "a completion routine threw: " + firstLine(error) : "error: "
                        + firstLine(error));
            }
        }
        return problems;
    }

    /** An IRP whose completion routine runs {@code next}, then frees the IRP, as an application-allocated one must. */
    private static Irp then(Consumer<Irp> next) {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, ignored) -> {
            next.accept(done);
            done.free();
            return MORE_PROCESSING_REQUIRED;
        }, null, true, true, true);
        return irp;
    }

    private static WskBuf text(String text) {
        return WskBuf.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
