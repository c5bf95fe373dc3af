package io.wsk4j.benchmarks;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskListenSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The listening sockets of a wsk4j server, opened and closed the same way for the raw and the glue server: setup, so
 * it may block (bounded) and allocate.
 */
final class WskListeners {
    private static final long WAIT_SECONDS = 10;
    private static final CompletionRoutine<BlockingQueue<Irp>> KEEP = (irp, done) -> {
        done.add(irp); // the waiting thread reads it, then frees it
        return NtStatus.MORE_PROCESSING_REQUIRED;
    };

    /** Starts one listen with the given IRP (its completion routine already set): raw or through the glue. */
    @FunctionalInterface
    interface Listen {
        void start(SocketAddress localAddress, int index, Irp irp);
    }

    private final List<WskListenSocket> sockets = new ArrayList<>();
    private final List<InetSocketAddress> addresses = new ArrayList<>();

    WskListeners(int ports, Listen listen) throws InterruptedException {
        this(ports, listen, false);
    }

    /**
     * @param bindAfter whether {@code listen} only makes the socket (listenSocket, SPEC K2), so that it must be bound
     *     here to start listening, as WSK does (K5)
     */
    WskListeners(int ports, Listen listen, boolean bindAfter) throws InterruptedException {
        BlockingQueue<Irp> done = new LinkedBlockingQueue<>();
        for (int i = 0; i < ports; i++) {
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine(KEEP, done, true, true, true);
            SocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            listen.start(any, i, irp);
            WskListenSocket socket = take(done, "listen").listenSocket();
            sockets.add(socket);
            if (bindAfter) {
                irp.reuse(NtStatus.SUCCESS);
                irp.setCompletionRoutine(KEEP, done, true, true, true);
                socket.dispatch().bind(socket, any, irp);
                take(done, "bind");
            }
            irp.reuse(NtStatus.SUCCESS);
            irp.setCompletionRoutine(KEEP, done, true, true, true);
            socket.dispatch().getLocalAddress(socket, irp);
            addresses.add((InetSocketAddress) take(done, "getLocalAddress").address());
            irp.free();
        }
    }

    List<WskListenSocket> sockets() {
        return sockets;
    }

    List<InetSocketAddress> addresses() {
        return addresses;
    }

    /** Closes every listening socket; returns what went wrong, or null. */
    String close() {
        BlockingQueue<Irp> done = new LinkedBlockingQueue<>();
        String problem = null;
        for (WskListenSocket socket : sockets) {
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine(KEEP, done, true, true, true);
            socket.dispatch().closeSocket(socket, irp);
            try {
                take(done, "closeSocket(listener)").free();
            } catch (IllegalStateException e) {
                problem = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while closing the listeners";
            }
        }
        return problem;
    }

    private static Irp take(BlockingQueue<Irp> done, String what) throws InterruptedException {
        Irp irp = done.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (irp == null) {
            throw new IllegalStateException(what + " did not complete within " + WAIT_SECONDS + " s");
        }
        if (irp.status() != NtStatus.SUCCESS) {
            throw new IllegalStateException(what + " completed " + irp.status());
        }
        return irp;
    }
}
