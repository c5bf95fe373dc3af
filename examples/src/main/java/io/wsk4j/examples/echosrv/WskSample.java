package io.wsk4j.examples.echosrv;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskAccept;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientListenDispatch;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskOption;
import io.wsk4j.WskProvider;
import io.wsk4j.WskProviderListenDispatch;
import io.wsk4j.WskSocket;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Microsoft's WSK echo server sample, {@code network/wsk/echosrv/wsksmple.c} in Windows-driver-samples
 * (https://github.com/microsoft/Windows-driver-samples/tree/main/network/wsk/echosrv), ported to wsk4j function by
 * function, with the sample's names: a listening socket over IPv6 in dual-stack mode (IPV6_V6ONLY set to false before
 * bind) on port 40007, its accept event on from the start (the sample's static event callbacks), two receive
 * operations in flight on every accepted connection, each echoing what it got with a send, a graceful disconnect at
 * the peer's FIN, and a close after that or after any failure. As in the sample, one worker thread runs every
 * operation, so operations on one socket never race: completion routines only enqueue the next operation.
 *
 * <p>Where C casts {@code Socket->Dispatch} to the table of the socket's kind by hand, each socket here has its own
 * typed table: {@code listeningSocket.dispatch()} is a {@link WskProviderListenDispatch}, which has no send or
 * receive.
 *
 * <p>Run it with {@code ./mvnw -q -DskipTests package exec:java -Dexec.mainClass=io.wsk4j.examples.echosrv.WskSample}
 * and talk to it with {@code nc localhost 40007} (or {@code nc ::1 40007}); Ctrl-C unloads it.
 */
public final class WskSample {
    /** The sample's WSKSAMPLE_DATA_BUFFER_LENGTH. */
    static final int DATA_BUFFER_LENGTH = 2048;
    /** The sample's WSKSAMPLE_OP_COUNT: operations that may be outstanding on one socket at a time. */
    static final int OP_COUNT = 2;
    /** The sample's listening port. */
    static final int LISTENING_PORT = 40007;
    /** The sample waits for its synchronous steps without a bound; a Java program should not. */
    private static final long SYNC_WAIT_SECONDS = 10;

    /** What the sample does with one operation context: WskSampleOpReceive, WskSampleOpSend, ... */
    @FunctionalInterface
    interface OpHandler {
        void handle(SocketOpContext opContext);
    }

    /** WSKSAMPLE_SOCKET_OP_CONTEXT: one operation's handler, IRP and data buffer. */
    static final class SocketOpContext {
        OpHandler opHandler;
        final SocketContext socketContext;
        final Irp irp = Irp.allocate();
        final ByteBuffer dataBuffer;
        int dataLength;

        SocketOpContext(SocketContext socketContext, int bufferLength) {
            this.socketContext = socketContext;
            this.dataBuffer = ByteBuffer.allocate(bufferLength);
        }
    }

    /**
     * WSKSAMPLE_SOCKET_CONTEXT: one socket and its operation contexts. The flags are read and written on the worker
     * thread only, as in the sample.
     */
    static final class SocketContext {
        /** Set for the listening socket's context; its table has bind and accept. */
        WskListenSocket listeningSocket;
        /** Set for an accepted connection's context; its table has send, receive and disconnect. */
        WskSocket connection;
        final WorkQueue workQueue;
        boolean closing;
        boolean disconnecting;
        boolean stopListening;
        final SocketOpContext[] opContext = new SocketOpContext[OP_COUNT];

        /** WskSampleAllocateSocketContext. */
        SocketContext(WorkQueue workQueue, int bufferLength) {
            this.workQueue = workQueue;
            for (int i = 0; i < OP_COUNT; i++) {
                opContext[i] = new SocketOpContext(this, bufferLength);
            }
        }

        /** WskSampleFreeSocketContext: every call on the socket has completed, so its IRPs are ours again. */
        void free() {
            for (SocketOpContext op : opContext) {
                op.irp.free();
            }
        }

        /** {@return the socket, whichever kind: the basic table that every kind has closes it} */
        WskBasicSocket socket() {
            return listeningSocket != null ? listeningSocket : connection;
        }
    }

    private final WskProvider provider;
    private final SocketAddress listeningAddress;
    private final WorkQueue workQueue;
    private final PrintStream log;
    private final SocketContext listeningSocketContext;
    /** Completes with the outcome of the first listening socket's setup, for whoever started the sample. */
    private final CompletableFuture<NtStatus> listening = new CompletableFuture<>();

    private final WskClientListenDispatch<SocketContext> clientListenDispatch = this::acceptEvent;
    private final CompletionRoutine<Semaphore> syncIrpCompletionRoutine = (irp, compEvent) -> {
        compEvent.release();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    };
    private final CompletionRoutine<SocketOpContext> receiveIrpCompletionRoutine = this::receiveIrpCompletion;
    private final CompletionRoutine<SocketOpContext> sendIrpCompletionRoutine = this::sendIrpCompletion;
    private final CompletionRoutine<SocketOpContext> disconnectIrpCompletionRoutine = this::disconnectIrpCompletion;
    private final CompletionRoutine<SocketOpContext> closeIrpCompletionRoutine = this::closeIrpCompletion;

    private WskSample(WskProvider provider, SocketAddress listeningAddress, PrintStream log) {
        this.provider = provider;
        this.listeningAddress = listeningAddress;
        this.log = log;
        this.workQueue = new WorkQueue("wsksample worker");
        this.listeningSocketContext = new SocketContext(workQueue, 0);
    }

    /**
     * DriverEntry: starts the worker thread and enqueues the setup of the listening socket.
     *
     * @param provider the provider (WskRegister)
     * @param listeningAddress where to listen; the sample's is {@code [::]:40007}
     * @param log where the sample's trace messages go
     * @return the running sample
     */
    public static WskSample driverEntry(WskProvider provider, SocketAddress listeningAddress, PrintStream log) {
        WskSample sample = new WskSample(provider, listeningAddress, log);
        sample.workQueue.start();
        sample.enqueueOp(sample.listeningSocketContext.opContext[0], sample::opStartListen);
        return sample;
    }

    /** {@return completes with SUCCESS once the first listening socket is bound, else with the failing status} */
    public CompletableFuture<NtStatus> listening() {
        return listening;
    }

    /** {@return the listening socket's address, once {@link #listening()} succeeded} */
    public SocketAddress localAddress() throws InterruptedException {
        Irp irp = Irp.allocate();
        try {
            SocketAddress[] address = new SocketAddress[1];
            Semaphore compEvent = new Semaphore(0);
            irp.setCompletionRoutine((done, event) -> {
                address[0] = done.address();
                event.release();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, compEvent, true, true, true);
            WskListenSocket socket = listeningSocketContext.listeningSocket; // written before listening() completed
            socket.dispatch().getLocalAddress(socket, irp);
            awaitSync(compEvent, "WskGetLocalAddress");
            return address[0];
        } finally {
            irp.free();
        }
    }

    /**
     * WskSampleUnload: stops listening, closes the provider (WskDeregister: it waits, bounded, for the sockets to be
     * closed, then closes the rest itself), then lets the worker thread finish what is queued.
     */
    public void unload() throws InterruptedException {
        enqueueOp(listeningSocketContext.opContext[1], this::opStopListen);
        provider.close();
        workQueue.stop(Duration.ofSeconds(SYNC_WAIT_SECONDS));
    }

    /** WskSampleEnqueueOp. */
    private void enqueueOp(SocketOpContext opContext, OpHandler opHandler) {
        opContext.opHandler = opHandler;
        opContext.socketContext.workQueue.enqueue(opContext);
    }

    /** WskSampleOpStartListen: the first operation the worker thread runs. */
    private void opStartListen(SocketOpContext opContext) {
        setupListeningSocket(opContext);
    }

    /** WskSampleSetupListeningSocket: socket, IPV6_V6ONLY off, bind; each step waited for on the worker thread. */
    private void setupListeningSocket(SocketOpContext opContext) {
        SocketContext socketContext = opContext.socketContext;
        Irp irp = opContext.irp;
        Semaphore compEvent = new Semaphore(0);
        if (socketContext.listeningSocket != null) {
            // the accept event said the listening socket no longer works: close it and make a new one
            if (socketContext.stopListening) {
                return; // being unloaded: no new one
            }
            irp.reuse(NtStatus.UNSUCCESSFUL);
            irp.setCompletionRoutine(syncIrpCompletionRoutine, compEvent, true, true, true);
            socketContext.listeningSocket.dispatch().closeSocket(socketContext.listeningSocket, irp);
            if (!awaitSync(compEvent, "WskCloseSocket")) {
                return;
            }
            socketContext.listeningSocket = null;
        }
        // The accept event is on from the socket's making because a listen dispatch is given (the sample sets
        // WSK_SET_STATIC_EVENT_CALLBACKS with WSK_EVENT_ACCEPT for the same effect).
        irp.reuse(NtStatus.UNSUCCESSFUL);
        irp.setCompletionRoutine(syncIrpCompletionRoutine, compEvent, true, true, true);
        provider.listenSocket(socketContext, clientListenDispatch, irp);
        if (!awaitSync(compEvent, "WskSocket") || failed(irp, "WskSocket")) {
            return;
        }
        WskListenSocket listeningSocket = irp.listenSocket();
        WskProviderListenDispatch dispatch = listeningSocket.dispatch();

        irp.reuse(NtStatus.UNSUCCESSFUL);
        irp.setCompletionRoutine(syncIrpCompletionRoutine, compEvent, true, true, true);
        dispatch.controlSocket(listeningSocket, WskOption.IPV6_V6ONLY, false, irp);
        if (!awaitSync(compEvent, "IPV6_V6ONLY") || failed(irp, "IPV6_V6ONLY")) {
            closeFailedListeningSocket(listeningSocket, irp, compEvent);
            return;
        }

        // once bound, the provider calls the accept event as connections arrive
        irp.reuse(NtStatus.UNSUCCESSFUL);
        irp.setCompletionRoutine(syncIrpCompletionRoutine, compEvent, true, true, true);
        dispatch.bind(listeningSocket, listeningAddress, irp);
        if (!awaitSync(compEvent, "WskBind") || failed(irp, "WskBind")) {
            closeFailedListeningSocket(listeningSocket, irp, compEvent);
            return;
        }
        socketContext.listeningSocket = listeningSocket;
        log.println("SetupListeningSocket: listening at " + listeningAddress);
        listening.complete(NtStatus.SUCCESS);
    }

    private void closeFailedListeningSocket(WskListenSocket listeningSocket, Irp irp, Semaphore compEvent) {
        irp.reuse(NtStatus.UNSUCCESSFUL);
        irp.setCompletionRoutine(syncIrpCompletionRoutine, compEvent, true, true, true);
        listeningSocket.dispatch().closeSocket(listeningSocket, irp);
        awaitSync(compEvent, "WskCloseSocket");
    }

    private boolean failed(Irp irp, String step) {
        if (irp.status().isSuccess()) {
            return false;
        }
        log.println("SetupListeningSocket: " + step + " FAIL " + irp.status());
        listening.complete(irp.status());
        return true;
    }

    /** The sample waits on a KEVENT; a bounded wait says which step never completed instead of hanging. */
    private boolean awaitSync(Semaphore compEvent, String step) {
        try {
            if (compEvent.tryAcquire(SYNC_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return true;
            }
            log.println("SetupListeningSocket: " + step + " did not complete in " + SYNC_WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listening.complete(NtStatus.IO_TIMEOUT);
        return false;
    }

    /** WskSampleOpStopListen. */
    private void opStopListen(SocketOpContext opContext) {
        SocketContext socketContext = opContext.socketContext;
        socketContext.stopListening = true;
        if (socketContext.listeningSocket == null) {
            enqueueOp(opContext, op -> op.socketContext.free()); // no listening socket was made: WskSampleOpFree
        } else {
            enqueueOp(opContext, this::opClose);
        }
    }

    /**
     * WskSampleAcceptEvent. A null socket means the listening socket no longer works: the setup runs again on the
     * first operation context, which the provider guarantees is free (it makes this call once per listening socket).
     */
    private WskAccept acceptEvent(SocketContext listeningContext, WskSocket acceptSocket, SocketAddress localAddress,
            SocketAddress remoteAddress) {
        if (acceptSocket == null) {
            enqueueOp(listeningContext.opContext[0], this::opStartListen);
            return WskAccept.reject();
        }
        SocketContext socketContext = new SocketContext(workQueue, DATA_BUFFER_LENGTH);
        socketContext.connection = acceptSocket;
        log.println("AcceptEvent: " + remoteAddress);
        for (SocketOpContext opContext : socketContext.opContext) {
            enqueueOp(opContext, this::opReceive);
        }
        return WskAccept.accept(null, null); // no callbacks on the accepted socket, as in the sample
    }

    /** WskSampleOpReceive. */
    private void opReceive(SocketOpContext opContext) {
        SocketContext socketContext = opContext.socketContext;
        if (socketContext.closing || socketContext.disconnecting) {
            return; // this operation context is not used any more
        }
        WskSocket socket = socketContext.connection;
        opContext.dataBuffer.clear();
        opContext.irp.reuse(NtStatus.UNSUCCESSFUL);
        opContext.irp.setCompletionRoutine(receiveIrpCompletionRoutine, opContext, true, true, true);
        socket.dispatch().receive(socket, WskBuf.of(opContext.dataBuffer), ReceiveFlags.NONE, opContext.irp);
    }

    /** WskSampleReceiveIrpCompletionRoutine: on the I/O thread, so it only enqueues the next operation. */
    private NtStatus receiveIrpCompletion(Irp irp, SocketOpContext opContext) {
        if (!irp.status().isSuccess()) {
            enqueueOp(opContext, this::opClose);
        } else if (irp.information() == 0) {
            enqueueOp(opContext, this::opDisconnect); // the peer's FIN: disconnect our half
        } else {
            opContext.dataLength = (int) irp.information();
            enqueueOp(opContext, this::opSend);
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    /** WskSampleOpSend. */
    private void opSend(SocketOpContext opContext) {
        SocketContext socketContext = opContext.socketContext;
        if (socketContext.closing || socketContext.disconnecting) {
            return;
        }
        WskSocket socket = socketContext.connection;
        opContext.dataBuffer.clear().limit(opContext.dataLength);
        opContext.irp.reuse(NtStatus.UNSUCCESSFUL);
        opContext.irp.setCompletionRoutine(sendIrpCompletionRoutine, opContext, true, true, true);
        socket.dispatch().send(socket, WskBuf.of(opContext.dataBuffer), SendFlags.NONE, opContext.irp);
    }

    /** WskSampleSendIrpCompletionRoutine. */
    private NtStatus sendIrpCompletion(Irp irp, SocketOpContext opContext) {
        enqueueOp(opContext, irp.status().isSuccess() ? this::opReceive : this::opClose);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    /** WskSampleOpDisconnect: both receives may see the FIN, so the second one finds the socket disconnecting. */
    private void opDisconnect(SocketOpContext opContext) {
        SocketContext socketContext = opContext.socketContext;
        if (socketContext.closing || socketContext.disconnecting) {
            return;
        }
        socketContext.disconnecting = true;
        WskSocket socket = socketContext.connection;
        opContext.irp.reuse(NtStatus.UNSUCCESSFUL);
        opContext.irp.setCompletionRoutine(disconnectIrpCompletionRoutine, opContext, true, true, true);
        socket.dispatch().disconnect(socket, null, DisconnectMode.GRACEFUL, opContext.irp);
    }

    /** WskSampleDisconnectIrpCompletionRoutine. */
    private NtStatus disconnectIrpCompletion(Irp irp, SocketOpContext opContext) {
        enqueueOp(opContext, this::opClose);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    /** WskSampleOpClose: closing goes through the basic table, which every kind has. */
    private void opClose(SocketOpContext opContext) {
        SocketContext socketContext = opContext.socketContext;
        if (socketContext.closing) {
            return; // several failed operations may each enqueue a close
        }
        socketContext.closing = true;
        opContext.irp.reuse(NtStatus.UNSUCCESSFUL);
        opContext.irp.setCompletionRoutine(closeIrpCompletionRoutine, opContext, true, true, true);
        WskBasicSocket socket = socketContext.socket();
        socket.dispatch().closeSocket(socket, opContext.irp);
    }

    /**
     * WskSampleCloseIrpCompletionRoutine: no call or callback of the socket is left, but operations of it may still be
     * queued (and will be skipped), so the free is queued behind them.
     */
    private NtStatus closeIrpCompletion(Irp irp, SocketOpContext opContext) {
        enqueueOp(opContext, op -> op.socketContext.free()); // WskSampleOpFree
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    /**
     * Runs the sample on {@code [::]:40007} (or the port given as the first argument) until Ctrl-C.
     *
     * @param args an optional port
     */
    public static void main(String[] args) throws InterruptedException, UnknownHostException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : LISTENING_PORT;
        SocketAddress address = new InetSocketAddress(InetAddress.getByName("::"), port);
        WskProvider provider = WskProvider.open();
        WskSample sample = driverEntry(provider, address, System.out);
        Semaphore unloaded = new Semaphore(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                sample.unload();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                unloaded.release();
            }
        }, "wsksample unload"));
        try {
            NtStatus status = sample.listening().get(SYNC_WAIT_SECONDS, TimeUnit.SECONDS);
            if (!status.isSuccess()) {
                System.err.println("the listening socket could not be set up: " + status);
                System.exit(1);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            System.err.println("the listening socket could not be set up: " + e);
            System.exit(1);
        }
        System.out.println("echoing on port " + port + "; try: nc localhost " + port + "   (Ctrl-C stops)");
        unloaded.acquire(); // the shutdown hook releases it
    }
}
