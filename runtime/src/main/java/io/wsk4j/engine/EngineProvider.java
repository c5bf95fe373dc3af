package io.wsk4j.engine;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskClientDatagramDispatch;
import io.wsk4j.WskClientListenDispatch;
import io.wsk4j.WskErrorHandler;
import io.wsk4j.WskProvider;
import io.wsk4j.WskStats;
import io.wsk4j.spi.VerifierSettings;
import io.wsk4j.transport.CloseKind;
import io.wsk4j.transport.ListenEndpoint;
import io.wsk4j.transport.NameResolver;
import io.wsk4j.transport.StreamEndpoint;
import io.wsk4j.transport.Transport;
import io.wsk4j.verify.CallbackClock;
import io.wsk4j.verify.VerifiedProvider;
import io.wsk4j.verify.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link WskProvider}: the WSK rules over a {@link Transport}, on a fixed set of {@link EventLoop}s; sockets are
 * spread over them in turn.
 */
public final class EngineProvider implements WskProvider, VerifiedProvider {
    private static final AtomicInteger IDS = new AtomicInteger();

    final int id = IDS.incrementAndGet();
    final ErrorChannel errors;
    final ConnectionDispatch dispatch = new ConnectionDispatch();
    final ListenDispatch listenDispatch = new ListenDispatch();
    final DatagramDispatch datagramDispatch = new DatagramDispatch();
    /**
     * SPEC V; null when the verifier is off. The engine reaches it through {@link VerifyingObserver}, which reads it
     * at each use; here it is made, started and closed, and gives new sockets their trace.
     */
    final Verifier verifier;
    final ProviderStats stats = new ProviderStats();
    final int listenBacklog = 1024;
    final Transport transport;
    /** The transport may fail requests for lack of resources (a simulation's fault plan); read once. */
    final boolean injectsFaults;
    /**
     * Everything that watches the engine (SPEC R3, V): the stats always, the Flight Recorder if the JDK has it, the
     * verifier if on, a simulation's trace if given; composed once here, so the engine calls one observer.
     */
    final EngineObserver observer;
    private final EventLoop[] loops;
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final Set<EngineSocket> sockets = ConcurrentHashMap.newKeySet();
    /** Closed sockets whose connection still delivers our data (SPEC C3); close() waits for them, bounded. */
    private final AtomicInteger lingering = new AtomicInteger();
    private final Duration closeTimeout;
    private final Object closeMonitor = new Object();
    private volatile boolean closing;
    /** SPEC N1: the transport's resolver, made at the first name request; null before. */
    private volatile NameResolver resolver;
    /** Name requests under way, which the provider's close cancels and waits for. */
    private final Set<NameRequest> nameRequests = ConcurrentHashMap.newKeySet();

    /** Use {@link WskProvider#open()}, {@link WskProvider#builder()} or {@link Engine#openProvider}. */
    EngineProvider(Transport transport, int ioThreads, Duration closeTimeout, WskErrorHandler errorHandler,
            VerifierSettings verifying, CompletionObserver observer) {
        this.transport = transport;
        this.injectsFaults = transport.injectsFaults();
        FlightEvents flight = FlightEvents.ifAvailable();
        this.observer = verifying == null && observer == null && flight != null
                ? new StatsAndFlight(stats, flight) // the common case, spelled out for the I/O path
                : EngineObserver.of(stats, flight, verifying == null ? null : new VerifyingObserver(this),
                        CompletionTrace.of(observer));
        this.errors = new ErrorChannel(errorHandler);
        this.closeTimeout = closeTimeout;
        this.loops = new EventLoop[ioThreads];
        try {
            for (int i = 0; i < ioThreads; i++) {
                loops[i] = new EventLoop(this, i, verifying != null, transport);
            }
        } catch (IOException e) {
            abandonStart(null);
            throw new UncheckedIOException("Opening a poller (selector) failed; the provider cannot start", e);
        }
        this.verifier = verifying == null ? null : new Verifier(this, verifying, loopThreads(), loopClocks());
        try {
            if (verifier != null) {
                verifier.start();
            }
            for (EventLoop loop : loops) {
                loop.start();
            }
        } catch (RuntimeException | Error e) { // a thread that cannot start (OutOfMemoryError: no native thread)
            abandonStart(verifier);
            throw e;
        }
    }

    /**
     * The constructor failed: nothing it started may outlive it. A verifier left open would keep every Irp.allocate()
     * in the JVM watched (SPEC V1) with no provider left to close it.
     */
    private void abandonStart(Verifier started) {
        if (started != null) {
            started.abandon();
        }
        for (EventLoop loop : loops) {
            if (loop == null) {
                continue;
            }
            try {
                if (loop.thread.isAlive()) {
                    loop.stop(closeTimeout.toMillis() + 1000); // it closes its poller as it ends
                } else {
                    loop.poller.close();
                }
            } catch (IOException | RuntimeException e) {
                errors.report("Cleaning up a provider that could not start", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public <C> NtStatus socket(C context, WskClientConnectionDispatch<C> clientDispatch, Irp irp) {
        IrpCore op = IrpCore.of(irp);
        op.checkStartable(Operation.SOCKET);
        checkOpen();
        StreamEndpoint stream;
        try {
            stream = transport.openStream();
        } catch (IOException e) {
            errors.report("Opening a socket failed", e);
            return completeWithoutSocket(op, Operation.SOCKET, NtStatus.INSUFFICIENT_RESOURCES);
        }
        EngineSocket socket = new ConnectionSocket(this, nextLoop(), stream, ClientBinding.of(context, clientDispatch));
        beginOrClose(op, Operation.SOCKET, socket, stream);
        op.setResultSocket(socket);
        return op.complete(NtStatus.SUCCESS, 0);
    }

    @Override
    public <C> NtStatus socketConnect(
            SocketAddress remoteAddress, C context, WskClientConnectionDispatch<C> clientDispatch, Irp irp) {
        IrpCore op = IrpCore.of(irp);
        op.checkStartable(Operation.SOCKET_CONNECT);
        checkOpen();
        if (remoteAddress == null) {
            return completeWithoutSocket(op, Operation.SOCKET_CONNECT, NtStatus.INVALID_PARAMETER);
        }
        StreamEndpoint stream;
        try {
            stream = transport.openStream();
        } catch (IOException e) {
            errors.report("Opening a socket failed", e);
            return completeWithoutSocket(op, Operation.SOCKET_CONNECT, NtStatus.INSUFFICIENT_RESOURCES);
        }
        EngineSocket socket = new ConnectionSocket(this, nextLoop(), stream, ClientBinding.of(context, clientDispatch));
        beginOrClose(op, Operation.SOCKET_CONNECT, socket, stream);
        op.endpoint = remoteAddress;
        return socket.loop.submit(op);
    }

    /** SPEC K2: {@code listenDispatch} may be null when the application accepts only with IRPs. */
    @Override
    public <L> NtStatus listenSocket(L context, WskClientListenDispatch<L> listenDispatch, Irp irp) {
        IrpCore op = IrpCore.of(irp);
        op.checkStartable(Operation.SOCKET);
        checkOpen();
        ListenEndpoint server;
        try {
            server = transport.openListener(); // now, so that options set before bind are the port's (SPEC K5)
        } catch (IOException e) {
            errors.report("Opening a listening socket failed", e);
            return completeWithoutSocket(op, Operation.SOCKET, NtStatus.INSUFFICIENT_RESOURCES);
        }
        EngineSocket socket = new ListeningSocket(this, nextLoop(), server,
                listenDispatch == null ? null : new ListenBinding<>(context, listenDispatch));
        beginOrClose(op, Operation.SOCKET, socket, server);
        op.setResultSocket(socket);
        return op.complete(NtStatus.SUCCESS, 0);
    }

    @Override
    public <C> NtStatus datagramSocket(C context, WskClientDatagramDispatch<C> datagramDispatch, Irp irp) {
        IrpCore op = IrpCore.of(irp);
        op.checkStartable(Operation.SOCKET);
        checkOpen();
        io.wsk4j.transport.DatagramEndpoint endpoint;
        try {
            endpoint = transport.openDatagram();
        } catch (IOException e) {
            errors.report("Opening a datagram socket failed", e);
            return completeWithoutSocket(op, Operation.SOCKET, NtStatus.INSUFFICIENT_RESOURCES);
        }
        EngineSocket socket = new DatagramSocket(this, nextLoop(), endpoint,
                new DatagramBinding<>(context, datagramDispatch));
        try {
            op.begin(Operation.SOCKET, socket);
        } catch (RuntimeException e) {
            endpoint.close(); // a refused IRP leaves no socket behind
            throw e;
        }
        register(socket);
        op.setResultSocket(socket);
        return op.complete(NtStatus.SUCCESS, 0); // SPEC K2: irp.datagramSocket(), unbound until its bind
    }

    /**
     * SPEC N1. Bad parameters and address literals complete here, on the caller's thread (no resolver is involved);
     * a name goes to the transport's resolver, off the loops, and completes on one of the provider's I/O threads.
     */
    @Override
    public NtStatus getAddressInfo(String node, String service, Irp irp) {
        IrpCore op = IrpCore.of(irp);
        op.checkStartable(Operation.GET_ADDRESS_INFO);
        checkOpen();
        int port = Names.port(service);
        if (node == null || node.isEmpty() || port == Names.INVALID) {
            return completeWithoutSocket(op, Operation.GET_ADDRESS_INFO, NtStatus.INVALID_PARAMETER);
        }
        java.net.InetAddress literal;
        try {
            literal = Names.literal(node);
        } catch (java.net.UnknownHostException notAnAddress) {
            return completeWithoutSocket(op, Operation.GET_ADDRESS_INFO, NtStatus.NOT_FOUND);
        }
        if (literal != null) {
            op.begin(Operation.GET_ADDRESS_INFO, null);
            op.socketless = this;
            op.setResultAddresses(List.of(new java.net.InetSocketAddress(literal, port)));
            return op.complete(NtStatus.SUCCESS, 0);
        }
        NameResolver names = resolver();
        if (names == null) {
            return completeWithoutSocket(op, Operation.GET_ADDRESS_INFO, NtStatus.NOT_SUPPORTED);
        }
        EventLoop home = nextLoop();
        NameRequest request = new NameRequest(this, home, op, node, port);
        op.begin(Operation.GET_ADDRESS_INFO, null, request); // a cancel may come at once: it finds the request
        nameRequests.add(request);
        if (op.hasDeadline()) {
            request.armDeadline(); // SPEC N2: on the home loop's timer
        }
        names.resolve(node, request);
        return NtStatus.PENDING;
    }

    /** The resolver, made at the first name request and closed with the provider. */
    private NameResolver resolver() {
        NameResolver made = resolver;
        if (made == null) {
            synchronized (closeMonitor) {
                made = resolver;
                if (made == null && !closing) {
                    made = transport.openResolver(loops[0]);
                    resolver = made;
                }
            }
        }
        return made;
    }

    /** A name request completes; the provider's close waits for every one (SPEC I1). Its home loop. */
    void nameRequestEnded(NameRequest request) {
        nameRequests.remove(request);
        if (closing) {
            synchronized (closeMonitor) {
                closeMonitor.notifyAll();
            }
        }
    }

    @Override
    public <L> NtStatus socketListen(
            SocketAddress localAddress, L context, WskClientListenDispatch<L> listenDispatch, Irp irp) {
        Objects.requireNonNull(listenDispatch, "listenDispatch is null: socketListen hands over its connections"
                + " through the accept event; pass a WskClientListenDispatch, or use listenSocket(context, null, irp),"
                + " bind and accept IRPs");
        IrpCore op = IrpCore.of(irp);
        op.checkStartable(Operation.LISTEN);
        checkOpen();
        if (localAddress == null) {
            return completeWithoutSocket(op, Operation.LISTEN, NtStatus.INVALID_PARAMETER);
        }
        ListenEndpoint server;
        try {
            server = transport.openListener();
        } catch (IOException e) {
            errors.report("Opening a listening socket failed", e);
            return completeWithoutSocket(op, Operation.LISTEN, NtStatus.INSUFFICIENT_RESOURCES);
        }
        EngineSocket socket = new ListeningSocket(this, nextLoop(), server, new ListenBinding<>(context, listenDispatch));
        beginOrClose(op, Operation.LISTEN, socket, server);
        op.endpoint = localAddress;
        return socket.loop.submit(op);
    }

    /** A socket request that fails before any socket exists: it completes here, counted for the stats here. */
    private NtStatus completeWithoutSocket(IrpCore op, Operation operation, NtStatus status) {
        op.begin(operation, null);
        op.socketless = this; // its routine's failures, its stats and its trace line are this provider's
        return op.complete(status, 0);
    }

    /** {@link #beginOrClose(IrpCore, Operation, EngineSocket, StreamEndpoint)} for a listening socket's port. */
    private void beginOrClose(IrpCore op, Operation operation, EngineSocket socket, ListenEndpoint server) {
        try {
            op.begin(operation, socket);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        register(socket);
    }

    /** Registers the new socket only once the IRP is taken, so that a refused IRP leaves no socket behind. */
    private void beginOrClose(IrpCore op, Operation operation, EngineSocket socket, StreamEndpoint stream) {
        try {
            op.begin(operation, socket);
        } catch (RuntimeException e) {
            if (stream != null) {
                stream.close(CloseKind.QUIET, 0);
            }
            throw e;
        }
        register(socket);
    }

    @Override
    public int openSocketCount() {
        return sockets.size();
    }

    @Override
    public WskStats stats() {
        return stats.snapshot(loops, sockets.size(), currentLoop() != null);
    }

    @Override
    public void close() {
        for (EventLoop loop : loops) {
            if (loop.ownsThread() && loop.inLoop()) {
                throw new IllegalStateException("WskProvider.close() was called on its own I/O thread, which it must"
                        + " wait for; call it from an application thread, not a completion routine or event");
            }
        }
        synchronized (closeMonitor) {
            if (closing) {
                return;
            }
            closing = true;
        }
        long started = loops[0].nanoTime();
        try {
            awaitNoSockets(closeTimeout.toNanos());
            // sockets made by calls that raced this close, or accepted meanwhile, are caught by a later round
            for (int round = 0; round < 3 && !sockets.isEmpty(); round++) {
                List<EngineSocket> forgotten = new ArrayList<>();
                for (EngineSocket socket : sockets) {
                    if (!CloseGate.isShut(socket)) { // a socket whose own close is under way closes by itself
                        forgotten.add(socket);
                    }
                }
                if (!forgotten.isEmpty()) {
                    forgotten.sort(java.util.Comparator.comparingInt(EngineSocket::id)); // not the set's hash order
                    closeForgotten(forgotten, started);
                }
                awaitNoSockets(closeTimeout.toNanos());
            }
            awaitNoLingering(closeTimeout.toNanos());
            endNameRequests();
            for (EventLoop loop : loops) {
                if (!loop.stop(closeTimeout.toMillis() + 1000)) {
                    errors.report("WskProvider.close()", new IllegalStateException(loop + " did not stop in time"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop waiting; the I/O threads are daemons and end with the JVM
        }
        if (verifier != null) {
            verifier.close(); // throws WskVerifierException if asked to fail on reports
        }
    }

    /** Name requests still under way complete CANCELLED, as a cancel would (SPEC I1: none stays pending); bounded. */
    private void endNameRequests() throws InterruptedException {
        NameResolver made;
        synchronized (closeMonitor) {
            made = resolver;
        }
        if (made == null) {
            return;
        }
        for (NameRequest request : nameRequests) {
            request.cancelForClose(); // a request whose answer is already on its way completes with it
        }
        if (!transport.await(closeMonitor, nameRequests::isEmpty, closeTimeout.toNanos())) {
            errors.report("WskProvider.close()", new IllegalStateException(nameRequests.size()
                    + " name request(s) did not complete in time: " + nameRequests));
        }
        made.close();
    }

    private void awaitNoSockets(long timeoutNanos) throws InterruptedException {
        transport.await(closeMonitor, sockets::isEmpty, timeoutNanos);
    }

    private void awaitNoLingering(long timeoutNanos) throws InterruptedException {
        transport.await(closeMonitor, () -> lingering.get() == 0, timeoutNanos);
    }

    void lingerStarted() {
        lingering.incrementAndGet();
    }

    void lingerEnded() {
        lingering.decrementAndGet();
        if (closing) {
            synchronized (closeMonitor) {
                closeMonitor.notifyAll();
            }
        }
    }

    /** SPEC C6: close what the application forgot, as closeSocket would, and say so. */
    private void closeForgotten(List<EngineSocket> forgotten, long started) throws InterruptedException {
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(loops[0].nanoTime() - started);
        List<EngineSocket> untraced = new ArrayList<>();
        for (EngineSocket socket : forgotten) {
            if (!observer.reportsLeftOpen(socket)) { // one mistake, one report: the verifier's names where it was made
                untraced.add(socket);
            }
        }
        if (!untraced.isEmpty()) {
            errors.report("WskProvider.close() waited " + waitedMillis + " ms for " + untraced.size()
                    + " socket(s) still open, and closes them now as closeSocket would, which resets their peers: "
                    + untraced, new IllegalStateException("Close every socket (closeSocket, or close(socket, context)"
                    + " in the generated glue) before closing its provider (SPEC C6); run with -Dwsk4j.verifier=true"
                    + " to be told where each was made"));
        }
        CountDownLatch closed = new CountDownLatch(forgotten.size());
        for (EngineSocket socket : forgotten) {
            CloseGate.forceShut(socket, "WskProvider.close(), since the application had not closed it (SPEC C6)");
            IrpCore op = new IrpCore();
            op.setCompletionRoutine((irp, latch) -> {
                latch.countDown();
                irp.free();
                synchronized (closeMonitor) {
                    closeMonitor.notifyAll();
                }
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, closed, true, true, true);
            op.begin(Operation.CLOSE, socket);
            observer.closeStarts(op, socket);
            op.markPendingReturned();
            socket.loop.execute(op);
        }
        if (!transport.await(closeMonitor, () -> closed.getCount() == 0,
                closeTimeout.toNanos() + TimeUnit.SECONDS.toNanos(1))) {
            errors.report("WskProvider.close()", new IllegalStateException(
                    closed.getCount() + " forgotten socket(s) did not finish closing in time"));
        }
    }

    private Thread[] loopThreads() {
        Thread[] threads = new Thread[loops.length];
        for (int i = 0; i < loops.length; i++) {
            threads[i] = loops[i].thread;
        }
        return threads;
    }

    private CallbackClock[] loopClocks() {
        CallbackClock[] clocks = new CallbackClock[loops.length];
        for (int i = 0; i < loops.length; i++) {
            clocks[i] = loops[i].clock;
        }
        return clocks;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public CallbackClock currentClock() {
        EventLoop loop = currentLoop();
        return loop == null ? null : loop.clock;
    }

    @Override
    public void reportError(String what, Throwable error) {
        errors.report(what, error);
    }

    /** The loop at {@code index}; for tests of the provider itself. */
    EventLoop loop(int index) {
        return loops[index];
    }

    EventLoop nextLoop() {
        for (int tries = 0; tries < loops.length; tries++) {
            EventLoop loop = loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)];
            if (!loop.broken()) {
                return loop;
            }
        }
        return loops[0]; // every loop is broken: the socket's first call finds it closed
    }

    /** The loop's selector broke: its sockets end as closeSocket would end them. Its thread. */
    void closeSocketsOf(EventLoop loop) {
        for (EngineSocket socket : sockets) {
            if (socket.loop == loop) {
                socket.forceClose("the provider, since the selector of its I/O thread broke");
            }
        }
    }

    void register(EngineSocket socket) {
        sockets.add(socket);
    }

    void unregister(EngineSocket socket) {
        sockets.remove(socket);
        if (closing) {
            synchronized (closeMonitor) {
                closeMonitor.notifyAll();
            }
        }
    }

    long closeTimeoutNanos() {
        return closeTimeout.toNanos();
    }

    /** The loop whose receive events are handed {@code buffer} as their data, or null (SPEC B4). */
    EventLoop receiveEventLender(java.nio.ByteBuffer buffer) {
        for (EventLoop loop : loops) {
            if (buffer == loop.eventView) {
                return loop;
            }
        }
        return null;
    }

    /** The loop whose thread this is, or null on an application thread. */
    EventLoop currentLoop() {
        for (EventLoop loop : loops) {
            if (loop.inLoop()) {
                return loop;
            }
        }
        return null;
    }

    boolean closing() {
        return closing;
    }

    private void checkOpen() {
        loops[0].checkCaller();
        if (closing) {
            throw new IllegalStateException("This WskProvider is closed (WskDeregister); open a new one");
        }
    }

    @Override
    public String toString() {
        return "WskProvider#" + id + "[" + transport + ", " + loops.length + " I/O thread(s), " + sockets.size()
                + " open socket(s)]";
    }
}
