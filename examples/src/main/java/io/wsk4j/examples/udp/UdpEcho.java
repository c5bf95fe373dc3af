package io.wsk4j.examples.udp;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskDatagramSocket;
import io.wsk4j.WskProvider;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A UDP echo server on the raw datagram API (SPEC G): a datagram socket keeps two receiveFrom IRPs in flight; each
 * one's completion routine sends the datagram back to its source ({@code irp.address()}) with a sendTo, whose routine
 * posts the receive again. A datagram longer than the 2 KiB buffer completes BUFFER_OVERFLOW with the bytes that fit:
 * those are echoed, and the line printed for it says so. Try it with {@code echo hello | socat - UDP:127.0.0.1:7008}.
 */
public final class UdpEcho {
    private static final int SLOTS = 2;
    private static final int BUFFER_SIZE = 2048;

    /** What the server did with one datagram, for whoever prints it. */
    record Echoed(SocketAddress source, long bytes, NtStatus received, NtStatus sent) {}

    private final BlockingQueue<Echoed> echoed = new LinkedBlockingQueue<>();
    /** Held by a routine while it starts the next operation, so that the stop's closeSocket never races it. */
    private final Rundown rundown = new Rundown();
    private WskDatagramSocket socket;

    /** One receive in flight: its buffer and its two IRPs, reused for every datagram. */
    private final class Slot {
        final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
        final WskBuf receiveBuf = WskBuf.of(buffer);
        final WskBuf sendBuf = WskBuf.of(buffer);
        final Irp receiveIrp = Irp.allocate();
        final Irp sendIrp = Irp.allocate();
        SocketAddress source;
        NtStatus receivedStatus;

        UdpEcho outer() {
            return UdpEcho.this;
        }

        void receive() {
            buffer.clear();
            receiveIrp.reuse(NtStatus.SUCCESS);
            receiveIrp.setCompletionRoutine(RECEIVED, this, true, true, true);
            if (!rundown.acquire()) {
                free(); // the server is stopping: no call may follow its closeSocket
                return;
            }
            try {
                socket.dispatch().receiveFrom(socket, receiveBuf, receiveIrp);
            } finally {
                rundown.release();
            }
        }

        /** The server is stopping and neither IRP is pending any more: give both back (SPEC A2). */
        void free() {
            receiveIrp.free();
            sendIrp.free();
        }
    }

    /** The receiveFrom completed: echo the datagram (or the part of it that fit) to where it came from. */
    private static final CompletionRoutine<Slot> RECEIVED = (irp, slot) -> {
        NtStatus status = irp.status();
        if (status != NtStatus.SUCCESS && status != NtStatus.BUFFER_OVERFLOW) {
            if (status == NtStatus.CANCELLED) { // the socket is closing
                slot.free();
            } else {
                slot.outer().echoed.add(new Echoed(null, 0, status, null));
                slot.receive(); // an ICMP error reported on this socket, for one: it stays usable (SPEC G4)
            }
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }
        slot.source = irp.address();
        slot.receivedStatus = status;
        slot.buffer.flip();
        slot.sendIrp.reuse(NtStatus.SUCCESS);
        slot.sendIrp.setCompletionRoutine(UdpEcho.SENT, slot, true, true, true);
        UdpEcho server = slot.outer();
        if (!server.rundown.acquire()) {
            slot.free(); // the server is stopping: no call may follow its closeSocket
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }
        try {
            server.socket.dispatch().sendTo(server.socket, slot.sendBuf, slot.source, slot.sendIrp);
        } finally {
            server.rundown.release();
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    };

    /** The echo left: report it, and receive the next datagram into the same buffer. */
    private static final CompletionRoutine<Slot> SENT = (irp, slot) -> {
        slot.outer().echoed.add(new Echoed(slot.source, irp.information(), slot.receivedStatus, irp.status()));
        if (irp.status() == NtStatus.CANCELLED) {
            slot.free(); // the socket is closing
        } else {
            slot.receive();
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    };

    /**
     * Runs the server on 127.0.0.1 until interrupted (Ctrl-C): {@code UdpEcho [port]}, port 7008 unless given, 0 for
     * an ephemeral one. It prints its address, then a line for each datagram it echoed.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7008;
        Thread serving = Thread.currentThread();
        Thread stop = new Thread(() -> {
            serving.interrupt(); // Ctrl-C: let serve() close the socket and the provider
            try {
                serving.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "udp-echo-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), System.out);
    }

    /** Serves on {@code address} until the calling thread is interrupted, then closes everything and returns. */
    static void serve(SocketAddress address, PrintStream out) throws Exception {
        UdpEcho server = new UdpEcho();
        try (WskProvider provider = WskProvider.open()) {
            server.socket = (WskDatagramSocket) call(irp -> provider.datagramSocket(null, null, irp), true);
            NtStatus bound = (NtStatus) call(irp -> server.socket.dispatch().bind(server.socket, address, irp), false);
            if (bound != NtStatus.SUCCESS) {
                out.println("udp echo: could not bind " + address + ": " + bound);
                call(irp -> server.socket.dispatch().closeSocket(server.socket, irp), false);
                return;
            }
            Object local = call(irp -> server.socket.dispatch().getLocalAddress(server.socket, irp), true);
            for (int i = 0; i < SLOTS; i++) {
                server.new Slot().receive();
            }
            out.println("udp echo listening on " + local + " (stop it with Ctrl-C)");
            try {
                while (true) {
                    Echoed one = server.echoed.take();
                    out.println(one.source() == null ? "udp echo: receiveFrom completed " + one.received()
                            : "udp echo: " + one.bytes() + " bytes back to " + one.source() + (one.received()
                                    == NtStatus.BUFFER_OVERFLOW ? " (the datagram was longer: BUFFER_OVERFLOW)" : "")
                                    + (one.sent() == NtStatus.SUCCESS ? "" : ", sendTo " + one.sent()));
                }
            } catch (InterruptedException stopping) {
                server.rundown.runDown(10); // no routine starts a call any more: close cancels what is pending
                call(irp -> server.socket.dispatch().closeSocket(server.socket, irp), false);
                out.println("udp echo stopped");
            }
        }
    }

    /**
     * Starts one request with a fresh IRP and waits for it (bounded); {@return the socket or address it made when
     * {@code result} is true, else its status}
     */
    private static Object call(Consumer<Irp> request, boolean result) throws Exception {
        CompletableFuture<Object> done = new CompletableFuture<>();
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((completed, future) -> {
            Object value = completed.status();
            if (result && completed.status() == NtStatus.SUCCESS) {
                value = completed.address() != null ? completed.address() : completed.datagramSocket();
            }
            completed.free();
            future.complete(value);
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, done, true, true, true);
        request.accept(irp);
        try {
            return done.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Object value = done.get(10, TimeUnit.SECONDS); // finish the request, then stop as asked
            Thread.currentThread().interrupt();
            return value;
        }
    }
}
