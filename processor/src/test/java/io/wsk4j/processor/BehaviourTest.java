package io.wsk4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskDatagramSocket;
import io.wsk4j.WskProvider;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskOption;
import io.wsk4j.WskSocket;
import io.wsk4j.processor.behaviour.AddressScenario;
import io.wsk4j.processor.behaviour.DatagramScenario;
import io.wsk4j.processor.behaviour.EventScenario;
import io.wsk4j.processor.behaviour.Recorder;
import io.wsk4j.processor.behaviour.Recorder.Call;
import io.wsk4j.processor.behaviour.Session;
import io.wsk4j.processor.behaviour.SimpleScenario;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Compiles handler classes with the processor, loads the generated dispatch class and runs it against the real
 * runtime on loopback, with a plain {@link Socket} as the peer (SPEC P3–P5). Every wait is bounded.
 */
@Timeout(60)
final class BehaviourTest {
    private static Compilation simple;
    private static Compilation events;
    private static Compilation addresses;
    private static Compilation datagrams;

    private final Recorder recorder = new Recorder();
    private final IrpPool pool = new IrpPool(16);
    private WskProvider provider;
    private ServerSocket server;

    @BeforeAll
    static void compile() {
        simple = TestCompiler.compile(TestCompiler.STRICT, TestCompiler.sourcesIn("behaviour/simple"));
        events = TestCompiler.compile(TestCompiler.STRICT, TestCompiler.sourcesIn("behaviour/events"));
        addresses = TestCompiler.compile(TestCompiler.STRICT, TestCompiler.sourcesIn("behaviour/addresses"));
        datagrams = TestCompiler.compile(TestCompiler.STRICT, TestCompiler.sourcesIn("behaviour/datagrams"));
    }

    @BeforeEach
    void open() throws IOException {
        provider = WskProvider.open();
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        server.setSoTimeout(10_000);
    }

    @AfterEach
    void close() throws IOException {
        server.close();
        provider.close();
    }

    @Test
    @DisplayName("P3 P5 simple handlers: connect, send, receive, graceful disconnect, close each call their handler"
            + " once with the caller's context and the final status; every pooled IRP comes back")
    void simpleLifecycle() throws Exception {
        SimpleScenario driver = simpleDriver();
        Session session = new Session("simple");
        assertThat(driver.connect(provider, server.getLocalSocketAddress(), session))
                .isAnyOf(NtStatus.PENDING, NtStatus.SUCCESS);
        try (Socket peer = server.accept()) {
            peer.setSoTimeout(10_000);
            WskSocket socket = connected(session);

            ByteBuffer hello = ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII));
            driver.send(socket, WskBuf.of(hello), session);
            expect(recorder.next(), "sent", NtStatus.SUCCESS, session, 5L);
            assertThat(new String(peer.getInputStream().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("hello");

            peer.getOutputStream().write('!');
            ByteBuffer in = ByteBuffer.allocate(8);
            driver.receive(socket, WskBuf.of(in), session);
            expect(recorder.next(), "received", NtStatus.SUCCESS, session, 1L);
            assertThat(in.get(0)).isEqualTo((byte) '!');

            driver.disconnect(socket, session);
            expect(recorder.next(), "disconnected", NtStatus.SUCCESS, session, null);
            assertThat(peer.getInputStream().read()).isEqualTo(-1);

            driver.close(socket, session);
            expect(recorder.next(), "closed", NtStatus.SUCCESS, session, null);
        }
        assertThat(recorder.pending()).isEqualTo(0);
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    @Test
    @DisplayName("P5 N2 receive(WskSocket, WskBuf, C, Duration): a receive from a silent java.net.Socket peer completes"
            + " CANCELLED with no bytes at its deadline; the pooled IRP comes back and the connection still works")
    void receiveWithDeadline() throws Exception {
        SimpleScenario driver = simpleDriver();
        Session session = new Session("deadline");
        driver.connect(provider, server.getLocalSocketAddress(), session);
        try (Socket peer = server.accept()) {
            peer.setSoTimeout(10_000);
            WskSocket socket = connected(session);
            long started = System.nanoTime();
            driver.receive(socket, WskBuf.of(ByteBuffer.allocate(8)), session, Duration.ofMillis(100));
            expect(recorder.next(), "received", NtStatus.CANCELLED, session, 0L);
            assertThat(System.nanoTime() - started).isAtLeast(Duration.ofMillis(100).toNanos());
            assertThat(pool.outstanding()).isEqualTo(0);

            peer.getOutputStream().write('!'); // the cancelled receive took nothing: the next one gets the byte
            driver.receive(socket, WskBuf.of(ByteBuffer.allocate(8)), session, Duration.ofSeconds(10));
            expect(recorder.next(), "received", NtStatus.SUCCESS, session, 1L);
            driver.close(socket, session);
            expect(recorder.next(), "closed", NtStatus.SUCCESS, session, null);
        }
        assertThat(recorder.pending()).isEqualTo(0);
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    @Test
    @DisplayName("P5 disconnect(WskSocket, WskBuf, C): the final data, then FIN, then the handler")
    void gracefulWithFinalData() throws Exception {
        SimpleScenario driver = simpleDriver();
        Session session = new Session("final data");
        driver.connect(provider, server.getLocalSocketAddress(), session);
        try (Socket peer = server.accept()) {
            peer.setSoTimeout(10_000);
            WskSocket socket = connected(session);
            driver.disconnect(socket, WskBuf.of(ByteBuffer.wrap("bye".getBytes(StandardCharsets.US_ASCII))), session);
            expect(recorder.next(), "disconnected", NtStatus.SUCCESS, session, null);
            InputStream input = peer.getInputStream();
            assertThat(new String(input.readNBytes(3), StandardCharsets.US_ASCII)).isEqualTo("bye");
            assertThat(input.read()).isEqualTo(-1);
            driver.close(socket, session);
            expect(recorder.next(), "closed", NtStatus.SUCCESS, session, null);
        }
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    @Test
    @DisplayName("P5 abort(WskSocket, C): the peer sees a reset and the handler gets the status once")
    void abortive() throws Exception {
        SimpleScenario driver = simpleDriver();
        Session session = new Session("abort");
        driver.connect(provider, server.getLocalSocketAddress(), session);
        try (Socket peer = server.accept()) {
            peer.setSoTimeout(10_000);
            WskSocket socket = connected(session);
            driver.abort(socket, session);
            expect(recorder.next(), "disconnected", NtStatus.SUCCESS, session, null);
            assertThrows(SocketException.class, () -> peer.getInputStream().read());
            driver.close(socket, session);
            expect(recorder.next(), "closed", NtStatus.SUCCESS, session, null);
        }
        assertThat(recorder.pending()).isEqualTo(0);
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    @Test
    @DisplayName("P3 P5 localAddress(WskSocket, C) and remoteAddress(WskSocket, C) complete into the address handler"
            + " with the socket's two ends; the faithful remoteAddress(WskSocket, Irp, C) finds it in irp.address()")
    void addresses() throws Exception {
        AddressScenario driver = addressDriver();
        Session session = new Session("addresses");
        driver.connect(provider, server.getLocalSocketAddress(), session);
        try (Socket peer = server.accept()) {
            WskSocket socket = connected(session);
            driver.localAddress(socket, session);
            expect(recorder.next(), "addressed", NtStatus.SUCCESS, session, peer.getRemoteSocketAddress());
            driver.remoteAddress(socket, session);
            expect(recorder.next(), "addressed", NtStatus.SUCCESS, session, server.getLocalSocketAddress());
            Irp irp = Irp.allocate();
            driver.remoteAddress(socket, irp, session);
            expect(recorder.next(), "addressComplete", NtStatus.SUCCESS, session, server.getLocalSocketAddress());
            assertThrows(IllegalStateException.class, irp::free); // the handler freed it (SPEC I4)
            driver.close(socket, session);
            expect(recorder.next(), "closed", NtStatus.SUCCESS, session, null);
        }
        assertThat(recorder.pending()).isEqualTo(0);
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    @Test
    @DisplayName("P3 P5 a disconnect handler that takes the mode gets GRACEFUL from disconnect(WskSocket, C) and"
            + " ABORTIVE from abort(WskSocket, C), both with SUCCESS")
    void disconnectModes() throws Exception {
        AddressScenario driver = addressDriver();
        for (DisconnectMode mode : DisconnectMode.values()) {
            Session session = new Session(mode.name());
            driver.connect(provider, server.getLocalSocketAddress(), session);
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                WskSocket socket = connected(session);
                if (mode == DisconnectMode.GRACEFUL) {
                    driver.disconnect(socket, session);
                } else {
                    driver.abort(socket, session);
                }
                expect(recorder.next(), "disconnected", NtStatus.SUCCESS, session, mode);
                if (mode == DisconnectMode.GRACEFUL) {
                    assertThat(peer.getInputStream().read()).isEqualTo(-1);
                } else {
                    assertThrows(SocketException.class, () -> peer.getInputStream().read());
                }
                driver.close(socket, session);
                expect(recorder.next(), "closed", NtStatus.SUCCESS, session, null);
            }
        }
        assertThat(recorder.pending()).isEqualTo(0);
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    @Test
    @DisplayName("P3 faithful handler: owns the caller's IRP, gets the context typed, returns MORE_PROCESSING_REQUIRED")
    void faithfulDisconnect() throws Exception {
        SimpleScenario driver = simpleDriver();
        Session session = new Session("faithful");
        driver.connect(provider, server.getLocalSocketAddress(), session);
        try (Socket peer = server.accept()) {
            peer.setSoTimeout(10_000);
            WskSocket socket = connected(session);
            Irp irp = Irp.allocate();
            driver.disconnect(socket, irp, session);
            Call call = recorder.next();
            assertThat(call.handler()).isEqualTo("disconnectComplete");
            assertThat(call.status()).isEqualTo(NtStatus.SUCCESS);
            assertThat(call.context()).isSameInstanceAs(session);
            assertThat(peer.getInputStream().read()).isEqualTo(-1);
            // The handler freed the IRP (SPEC I4): using it again is a programming error.
            assertThrows(IllegalStateException.class, irp::free);
            driver.close(socket, session);
            expect(recorder.next(), "closed", NtStatus.SUCCESS, session, null);
        }
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    @Test
    @DisplayName("P3 connect failure: the handler gets CONNECTION_REFUSED, a null socket and the caller's context")
    void connectRefused() throws Exception {
        SimpleScenario driver = simpleDriver();
        SocketAddress closed = server.getLocalSocketAddress();
        server.close();
        Session session = new Session("refused");
        driver.connect(provider, closed, session);
        expect(recorder.next(), "connected", NtStatus.CONNECTION_REFUSED, session, null);
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    @Test
    @DisplayName("P4 P5 accept, receive and disconnect events: the accepted socket gets the class's client dispatch"
            + " with its events enabled, and each handler sees the accept handler's context")
    void acceptAndEvents() throws Exception {
        EventScenario driver = (EventScenario) new CompiledClassLoader(succeeded(events)).loadClass("demo.EventDriver")
                .getConstructor(Recorder.class, IrpPool.class).newInstance(recorder, pool);
        Session listener = new Session("listener");
        BlockingQueue<WskListenSocket> listening = new LinkedBlockingQueue<>();
        Irp listenIrp = Irp.allocate();
        listenIrp.setCompletionRoutine((irp, context) -> {
            listening.add(irp.listenSocket());
            irp.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, listener, true, true, true);
        driver.listen(provider, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), listenIrp, listener);
        WskListenSocket listenSocket = listening.poll(10, TimeUnit.SECONDS);
        assertThat(listenSocket).isNotNull();

        try (Socket peer = new Socket()) {
            peer.setSoTimeout(10_000);
            peer.connect(localAddress(listenSocket), 10_000);
            Call accepted = recorder.next();
            assertThat(accepted.handler()).isEqualTo("accepted");
            assertThat(accepted.context()).isSameInstanceAs(listener);
            Object acceptedContext = accepted.extra();

            peer.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
            long total = 0;
            while (total < 2) {
                Call received = recorder.next();
                assertThat(received.handler()).isEqualTo("received");
                assertThat(received.context()).isSameInstanceAs(acceptedContext);
                total += (Long) received.extra();
            }
            assertThat(total).isEqualTo(2);

            peer.shutdownOutput();
            Call disconnected = recorder.next();
            assertThat(disconnected.handler()).isEqualTo("peerDisconnected");
            assertThat(disconnected.context()).isSameInstanceAs(acceptedContext);
            assertThat(disconnected.extra()).isEqualTo(DisconnectMode.GRACEFUL);

            WskSocket acceptedSocket = (WskSocket) acceptedContext.getClass().getField("socket").get(acceptedContext);
            driver.close(acceptedSocket, listener);
            expect(recorder.next(), "closed", NtStatus.SUCCESS, listener, null);
        }
        driver.close(listenSocket, listener);
        expect(recorder.next(), "closed", NtStatus.SUCCESS, listener, null);
        assertThat(recorder.pending()).isEqualTo(0);
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    @Test
    @DisplayName("K5 P3 P4 the glue's accept: a pending accept IRP takes the connection before the accept event, and"
            + " the accepted socket gets the client dispatch of the IRP's context with its events enabled")
    void acceptWithTheGlue() throws Exception {
        EventScenario driver = (EventScenario) new CompiledClassLoader(succeeded(events)).loadClass("demo.EventDriver")
                .getConstructor(Recorder.class, IrpPool.class).newInstance(recorder, pool);
        Session listener = new Session("listener");
        BlockingQueue<WskListenSocket> listening = new LinkedBlockingQueue<>();
        Irp listenIrp = Irp.allocate();
        listenIrp.setCompletionRoutine((irp, context) -> {
            listening.add(irp.listenSocket());
            irp.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, listener, true, true, true);
        driver.listen(provider, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), listenIrp, listener);
        WskListenSocket listenSocket = listening.poll(10, TimeUnit.SECONDS);
        assertThat(listenSocket).isNotNull();
        driver.accept(listenSocket, listener);

        try (Socket peer = new Socket()) {
            peer.setSoTimeout(10_000);
            peer.connect(localAddress(listenSocket), 10_000);
            Call accepted = recorder.next();
            assertThat(accepted.handler()).isEqualTo("acceptedByIrp"); // not the accept event: the IRP came first
            assertThat(accepted.status()).isEqualTo(NtStatus.SUCCESS);
            Object peerContext = accepted.context();
            WskSocket acceptedSocket = (WskSocket) accepted.extra();
            assertThat(acceptedSocket).isNotNull();

            peer.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
            long total = 0;
            while (total < 2) {
                Call received = recorder.next();
                assertThat(received.handler()).isEqualTo("received");
                assertThat(received.context()).isSameInstanceAs(peerContext);
                total += (Long) received.extra();
            }
            driver.close(acceptedSocket, listener);
            expect(recorder.next(), "closed", NtStatus.SUCCESS, listener, null);
        }
        driver.close(listenSocket, listener);
        expect(recorder.next(), "closed", NtStatus.SUCCESS, listener, null);
        assertThat(recorder.pending()).isEqualTo(0);
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    @Test
    @DisplayName("P3 P5 G1 G2 sendTo(WskDatagramSocket, WskBuf, SocketAddress, C) and receiveFrom(WskDatagramSocket,"
            + " WskBuf, C) against a java.net.DatagramSocket: the handlers get the length and the source; a longer"
            + " datagram is BUFFER_OVERFLOW with the bytes that fit; the faithful receiveFrom finds them in the IRP")
    void datagrams() throws Exception {
        DatagramScenario driver = datagramDriver();
        Session session = new Session("datagrams");
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            peer.setSoTimeout(10_000);
            WskDatagramSocket socket = boundDatagramSocket();
            SocketAddress local = localAddress(socket);

            driver.sendTo(socket, WskBuf.of(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII))),
                    peer.getLocalSocketAddress(), session);
            expect(recorder.next(), "sent", NtStatus.SUCCESS, session, 4L);
            DatagramPacket ping = new DatagramPacket(new byte[16], 16);
            peer.receive(ping);
            assertThat(new String(ping.getData(), 0, ping.getLength(), StandardCharsets.US_ASCII)).isEqualTo("ping");
            assertThat(ping.getSocketAddress()).isEqualTo(local);

            SocketAddress from = peer.getLocalSocketAddress();
            ByteBuffer in = ByteBuffer.allocate(16);
            driver.receiveFrom(socket, WskBuf.of(in), session);
            peer.send(new DatagramPacket("pong".getBytes(StandardCharsets.US_ASCII), 4, local));
            expect(recorder.next(), "received", NtStatus.SUCCESS, session, List.of(4L, from));
            assertThat(new String(in.array(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("pong");

            ByteBuffer small = ByteBuffer.allocate(4);
            driver.receiveFrom(socket, WskBuf.of(small), session);
            peer.send(new DatagramPacket("truncated!".getBytes(StandardCharsets.US_ASCII), 10, local));
            expect(recorder.next(), "received", NtStatus.BUFFER_OVERFLOW, session, List.of(4L, from));
            assertThat(new String(small.array(), StandardCharsets.US_ASCII)).isEqualTo("trun");

            Irp irp = Irp.allocate();
            driver.receiveFrom(socket, WskBuf.of(ByteBuffer.allocate(16)), irp, session);
            peer.send(new DatagramPacket("owned".getBytes(StandardCharsets.US_ASCII), 5, local));
            expect(recorder.next(), "receiveComplete", NtStatus.SUCCESS, session, List.of(5L, from));
            assertThrows(IllegalStateException.class, irp::free); // the handler freed it (SPEC I4)

            driver.close(socket, session);
            expect(recorder.next(), "closed", NtStatus.SUCCESS, session, null);
        }
        assertThat(recorder.pending()).isEqualTo(0);
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    @Test
    @DisplayName("P3 P5 N1 addressInfo(WskProvider, String, String, C): the handler gets the addresses as"
            + " Irp.addresses() gives them, each with the service's port; a bad service is INVALID_PARAMETER with none")
    void addressInfo() throws Exception {
        DatagramScenario driver = datagramDriver();
        Session session = new Session("names");
        driver.addressInfo(provider, "localhost", "7", session);
        Call resolved = recorder.next();
        assertThat(resolved.handler()).isEqualTo("resolved");
        assertThat(resolved.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(resolved.context()).isSameInstanceAs(session);
        List<?> addresses = (List<?>) resolved.extra();
        assertThat(addresses).isNotEmpty();
        for (Object address : addresses) {
            assertThat(((InetSocketAddress) address).getAddress().isLoopbackAddress()).isTrue();
            assertThat(((InetSocketAddress) address).getPort()).isEqualTo(7);
        }

        driver.addressInfo(provider, "127.0.0.1", "http", session);
        expect(recorder.next(), "resolved", NtStatus.INVALID_PARAMETER, session, List.of());
        assertThat(recorder.pending()).isEqualTo(0);
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    @Test
    @DisplayName("P4 P5 G3 datagramSocket(WskProvider, Irp, C) gives the socket the receive-from event handler of C;"
            + " once enableDatagramEvents enables it, a datagram from a java.net.DatagramSocket reaches the handler"
            + " with its source and the caller's context")
    void receiveFromEvent() throws Exception {
        DatagramScenario driver = datagramDriver();
        Session session = new Session("events");
        BlockingQueue<WskDatagramSocket> made = new LinkedBlockingQueue<>();
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, context) -> {
            made.add(done.datagramSocket());
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, made, true, true, true);
        driver.datagramSocket(provider, irp, session);
        WskDatagramSocket socket = made.poll(10, TimeUnit.SECONDS);
        assertThat(socket).isNotNull();
        irp.free();
        bind(socket);
        assertThat(driver.enableEvents(socket)).isAnyOf(NtStatus.PENDING, NtStatus.SUCCESS);
        SocketAddress local = localAddress(socket); // behind the enabling on the socket's I/O thread
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            peer.send(new DatagramPacket("hello".getBytes(StandardCharsets.US_ASCII), 5, local));
            expect(recorder.next(), "arrived", null, session, List.of("hello", peer.getLocalSocketAddress()));
        }
        driver.close(socket, session);
        expect(recorder.next(), "closed", NtStatus.SUCCESS, session, null);
        assertThat(recorder.pending()).isEqualTo(0);
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    @Test
    @DisplayName("P3 P5 K3 <T> setOption and getOption(WskBasicSocket, WskOption<T>, C): the generic handler gets the"
            + " option and its value typed (the value set, the value read, null where the kind lacks the option)")
    void options() throws Exception {
        DatagramScenario driver = datagramDriver();
        Session session = new Session("options");
        WskDatagramSocket socket = boundDatagramSocket();
        driver.setOption(socket, WskOption.SO_RCVBUF, 65_536, session);
        expect(recorder.next(), "optionDone", NtStatus.SUCCESS, session, List.of(WskOption.SO_RCVBUF, 65_536));
        driver.getOption(socket, WskOption.SO_RCVBUF, session);
        Call read = recorder.next();
        assertThat(read.handler()).isEqualTo("optionDone");
        assertThat(read.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(((List<?>) read.extra()).get(0)).isEqualTo(WskOption.SO_RCVBUF);
        assertThat((Integer) ((List<?>) read.extra()).get(1)).isAtLeast(65_536);
        driver.getOption(socket, WskOption.SO_KEEPALIVE, session); // a connection socket's option (SPEC G6)
        expect(recorder.next(), "optionDone", NtStatus.NOT_SUPPORTED, session,
                Arrays.asList(WskOption.SO_KEEPALIVE, null));
        driver.close(socket, session);
        expect(recorder.next(), "closed", NtStatus.SUCCESS, session, null);
        assertThat(recorder.pending()).isEqualTo(0);
        assertThat(pool.outstanding()).isEqualTo(0);
    }

    private DatagramScenario datagramDriver() throws ReflectiveOperationException {
        return (DatagramScenario) new CompiledClassLoader(succeeded(datagrams)).loadClass("demo.DatagramDriver")
                .getConstructor(Recorder.class, IrpPool.class).newInstance(recorder, pool);
    }

    private SimpleScenario simpleDriver() throws ReflectiveOperationException {
        return (SimpleScenario) new CompiledClassLoader(succeeded(simple)).loadClass("demo.Driver")
                .getConstructor(Recorder.class, IrpPool.class).newInstance(recorder, pool);
    }

    private AddressScenario addressDriver() throws ReflectiveOperationException {
        return (AddressScenario) new CompiledClassLoader(succeeded(addresses)).loadClass("demo.AddressDriver")
                .getConstructor(Recorder.class, IrpPool.class).newInstance(recorder, pool);
    }

    private static Compilation succeeded(Compilation compilation) {
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    private WskSocket connected(Session session) throws InterruptedException {
        Call call = recorder.next();
        assertThat(call.handler()).isEqualTo("connected");
        assertThat(call.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(call.context()).isSameInstanceAs(session);
        assertThat(call.extra()).isInstanceOf(WskSocket.class);
        return (WskSocket) call.extra();
    }

    private static void expect(Call call, String handler, NtStatus status, Session session, Object extra) {
        assertThat(call.handler()).isEqualTo(handler);
        assertThat(call.status()).isEqualTo(status);
        assertThat(call.context()).isSameInstanceAs(session);
        assertThat(call.extra()).isEqualTo(extra);
    }

    /** A datagram socket bound to an ephemeral loopback port, made with the raw API. */
    private WskDatagramSocket boundDatagramSocket() throws InterruptedException {
        BlockingQueue<WskDatagramSocket> made = new LinkedBlockingQueue<>();
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, context) -> {
            made.add(done.datagramSocket());
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, made, true, true, true);
        provider.datagramSocket(null, null, irp);
        WskDatagramSocket socket = made.poll(10, TimeUnit.SECONDS);
        assertThat(socket).isNotNull();
        irp.free();
        bind(socket);
        return socket;
    }

    /** Binds a datagram socket to an ephemeral loopback port. */
    private static void bind(WskDatagramSocket socket) throws InterruptedException {
        BlockingQueue<NtStatus> bound = new LinkedBlockingQueue<>();
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, context) -> {
            bound.add(done.status());
            done.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, bound, true, true, true);
        socket.dispatch().bind(socket, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), irp);
        assertThat(bound.poll(10, TimeUnit.SECONDS)).isEqualTo(NtStatus.SUCCESS);
    }

    /** A datagram socket's address, through WskGetLocalAddress. */
    private static SocketAddress localAddress(WskDatagramSocket socket) throws InterruptedException {
        return localAddress(irp -> socket.dispatch().getLocalAddress(socket, irp));
    }

    /** The listening socket's address, through WskGetLocalAddress. */
    private static SocketAddress localAddress(WskListenSocket socket) throws InterruptedException {
        return localAddress(irp -> socket.dispatch().getLocalAddress(socket, irp));
    }

    /** Starts {@code query} with a fresh IRP and waits for the address it completes with. */
    private static SocketAddress localAddress(Consumer<Irp> query) throws InterruptedException {
        BlockingQueue<SocketAddress> address = new LinkedBlockingQueue<>();
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((done, context) -> {
            address.add(done.address());
            done.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, address, true, true, true);
        query.accept(irp);
        SocketAddress local = address.poll(10, TimeUnit.SECONDS);
        assertThat(local).isNotNull();
        return local;
    }
}
