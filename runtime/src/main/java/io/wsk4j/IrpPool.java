package io.wsk4j;

import io.wsk4j.spi.WskImplementation;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free pool of IRPs, so that steady-state operations allocate nothing (SPEC R1).
 *
 * <p>{@link #take()} never blocks: when the pool is empty it allocates. {@link #recycle} resets the IRP and keeps it
 * if there is room. Any thread may take and recycle. {@link #outstanding()} counts IRPs taken and not yet given back,
 * which lets a test prove that nothing leaked.
 *
 * <p>Generated dispatch classes use its start methods instead ({@link #send(WskSocket, WskBuf, SendFlags, Object,
 * BytesHandler, Object) send}, {@link #closeSocket closeSocket}...): each takes a pooled IRP that already carries a
 * routine that calls a simple handler, makes the dispatch call, and, if the call refuses the IRP by throwing (which a
 * dispatch call does only before it queues anything, SPEC B1), gives the IRP back before the exception reaches the
 * caller. When the operation completes, the routine reads the result, gives the IRP back, then calls the handler, so a
 * handler that starts the next operation finds the IRP in the pool again. The handler is a method reference that
 * captures nothing ({@code Sessions::sent}), so that no call allocates. That is also why each start method spells out
 * its own take / call / give-back-on-refusal block: one shared helper would need a lambda capturing the call's
 * arguments, allocated on every call. (The deeper fix, the provider giving a refused IRP back to its pool itself,
 * would remove the blocks; it touches every refusal path of the engine and is left for later.)
 *
 * <p>Each thread keeps a few IRPs of its own (up to 64 per pool) before the shared ring, so that I/O threads that take
 * and recycle on their own thread, as completion routines do, never contend for the ring with each other.
 */
public final class IrpPool {
    private static final IrpPool SHARED = new IrpPool(4096);
    /** What the start methods without a timeout pass on: told apart by identity, never armed. */
    private static final Duration NO_TIMEOUT = Duration.ofSeconds(Long.MAX_VALUE);
    private static final int PER_THREAD = 64;
    /** In {@link WskEvent} order, so that events are enabled in a fixed order; a copy, since values() makes one. */
    private static final WskEvent[] EVENTS = WskEvent.values();
    /** The routine of every IRP {@link #enableEvents} takes: it only gives the IRP back to its pool. */
    private static final CompletionRoutine<IrpPool> RECYCLE = (irp, pool) -> {
        pool.recycle(irp);
        return NtStatus.MORE_PROCESSING_REQUIRED;
    };
    /** The routine of every IRP a start method takes; its context is the ticket that says whom to call. */
    private static final CompletionRoutine<Ticket> COMPLETED = (irp, ticket) -> ticket.pool.completed(ticket, irp);

    private final Shelf<Irp> irps;
    private final Shelf<Ticket> tickets;
    private final LongAdder outstanding = new LongAdder(); // striped: takers on several threads do not contend

    /**
     * A simple handler that receives the final status: {@code void m(NtStatus status, C context)} of class {@code H}.
     *
     * @param <H> the handler class
     * @param <C> the context type
     */
    @FunctionalInterface
    public interface StatusHandler<H, C> {
        /**
         * Called once the IRP is back in the pool.
         *
         * @param handlers the handler instance
         * @param status the operation's final status
         * @param context the context given to the start method
         */
        void completed(H handlers, NtStatus status, C context);
    }

    /**
     * A simple send or receive handler that also receives the byte count: {@code void m(NtStatus status, long bytes,
     * C context)} of class {@code H}.
     *
     * @param <H> the handler class
     * @param <C> the context type
     */
    @FunctionalInterface
    public interface BytesHandler<H, C> {
        /**
         * Called once the IRP is back in the pool.
         *
         * @param handlers the handler instance
         * @param status the operation's final status
         * @param bytes the bytes sent or received ({@link Irp#information()})
         * @param context the context given to the start method
         */
        void completed(H handlers, NtStatus status, long bytes, C context);
    }

    /**
     * A simple connect or listen handler that also receives the new socket: {@code void m(NtStatus status, WskSocket
     * socket, C context)} of class {@code H}.
     *
     * @param <H> the handler class
     * @param <C> the context type
     */
    @FunctionalInterface
    public interface SocketHandler<H, C> {
        /**
         * Called once the IRP is back in the pool.
         *
         * @param handlers the handler instance
         * @param status the operation's final status
         * @param socket the new socket ({@link Irp#socket()}); null on failure
         * @param context the context given to the start method
         */
        void completed(H handlers, NtStatus status, WskSocket socket, C context);
    }

    /**
     * The handler of a listen: its status and the listening socket.
     *
     * @param <H> the handler class
     * @param <L> the listening socket's context type
     */
    @FunctionalInterface
    public interface ListenSocketHandler<H, L> {
        /**
         * Called once the IRP is back in the pool.
         *
         * @param handlers the handler instance
         * @param status the operation's final status
         * @param listener the listening socket ({@link Irp#listenSocket()}); null on failure
         * @param context the context given to the start method
         */
        void completed(H handlers, NtStatus status, WskListenSocket listener, L context);
    }

    /**
     * A simple disconnect handler that also receives the mode its start method used: {@code void m(NtStatus status,
     * DisconnectMode mode, C context)} of class {@code H}, so that one handler tells an abort from a graceful
     * disconnect.
     *
     * @param <H> the handler class
     * @param <C> the context type
     */
    @FunctionalInterface
    public interface ModeHandler<H, C> {
        /**
         * Called once the IRP is back in the pool.
         *
         * @param handlers the handler instance
         * @param status the operation's final status
         * @param mode the mode the disconnect was started with
         * @param context the context given to the start method
         */
        void completed(H handlers, NtStatus status, DisconnectMode mode, C context);
    }

    /**
     * A simple address handler that also receives the address: {@code void m(NtStatus status, SocketAddress address,
     * C context)} of class {@code H}.
     *
     * @param <H> the handler class
     * @param <C> the context type
     */
    @FunctionalInterface
    public interface AddressHandler<H, C> {
        /**
         * Called once the IRP is back in the pool.
         *
         * @param handlers the handler instance
         * @param status the operation's final status
         * @param address the local or remote address ({@link Irp#address()}); null on failure
         * @param context the context given to the start method
         */
        void completed(H handlers, NtStatus status, SocketAddress address, C context);
    }

    /**
     * A simple receiveFrom handler: {@code void m(NtStatus status, long bytes, SocketAddress source, C context)} of
     * class {@code H}, with the datagram's length and its sender (SPEC G2).
     *
     * @param <H> the handler class
     * @param <C> the context type
     */
    @FunctionalInterface
    public interface DatagramHandler<H, C> {
        /**
         * Called once the IRP is back in the pool.
         *
         * @param handlers the handler instance
         * @param status the operation's final status; {@link NtStatus#BUFFER_OVERFLOW} for a datagram longer than the
         *     buffer, with the bytes that fit
         * @param bytes the datagram's bytes in the buffer ({@link Irp#information()})
         * @param source the datagram's sender ({@link Irp#address()}); null on failure
         * @param context the context given to the start method
         */
        void completed(H handlers, NtStatus status, long bytes, SocketAddress source, C context);
    }

    /**
     * A simple getAddressInfo handler: {@code void m(NtStatus status, List<InetSocketAddress> addresses, C context)}
     * of class {@code H} (SPEC N1).
     *
     * @param <H> the handler class
     * @param <C> the context type
     */
    @FunctionalInterface
    public interface AddressesHandler<H, C> {
        /**
         * Called once the IRP is back in the pool.
         *
         * @param handlers the handler instance
         * @param status the operation's final status; {@link NtStatus#NOT_FOUND} for an unknown name
         * @param addresses the resolved addresses in the resolver's order ({@link Irp#addresses()}), unmodifiable;
         *     empty on failure
         * @param context the context given to the start method
         */
        void completed(H handlers, NtStatus status, List<InetSocketAddress> addresses, C context);
    }

    /**
     * A simple option handler: {@code <T> void m(NtStatus status, WskOption<T> option, T value, C context)} of class
     * {@code H}, the value typed by the option (SPEC K3). Its method is generic, so only a method reference (never a
     * lambda) implements it.
     *
     * @param <H> the handler class
     * @param <C> the context type
     */
    @FunctionalInterface
    public interface OptionHandler<H, C> {
        /**
         * Called once the IRP is back in the pool.
         *
         * @param <T> the option's value type
         * @param handlers the handler instance
         * @param status the operation's final status
         * @param option the option the start method read or set
         * @param value for a get, the value read ({@link Irp#optionValue}), null on failure; for a set, the value it
         *     was asked to set, whatever the status, except null when it was not of the option's type
         *     (INVALID_PARAMETER)
         * @param context the context given to the start method
         */
        <T> void completed(H handlers, NtStatus status, WskOption<T> option, T value, C context);
    }

    /**
     * A pool that keeps up to {@code capacity} idle IRPs (rounded up to a power of two).
     *
     * @param capacity how many idle IRPs the shared ring keeps, at most 16777216
     * @throws IllegalArgumentException if capacity is not positive
     */
    public IrpPool(int capacity) {
        if (capacity < 1 || capacity > (1 << 24)) {
            throw new IllegalArgumentException("capacity must be between 1 and 16777216, was " + capacity);
        }
        irps = new Shelf<>(capacity);
        tickets = new Shelf<>(capacity);
    }

    /** {@return the pool that generated dispatch classes use unless given another} */
    public static IrpPool shared() {
        return SHARED;
    }

    /**
     * {@return an IRP ready for {@link Irp#setCompletionRoutine}: from the pool, or newly allocated if the pool is
     * empty}
     */
    public Irp take() {
        outstanding.increment();
        Irp irp = irps.poll();
        return irp != null ? irp : WskImplementation.instance().newPooledIrp(); // the pool's, not a V1 leak
    }

    /**
     * Gives back an IRP taken from this pool, completed or never dispatched: it is reset with
     * {@link Irp#reuse(NtStatus)} and kept if there is room. Call it in the completion routine, then return
     * {@link NtStatus#MORE_PROCESSING_REQUIRED}.
     *
     * @param irp an IRP that {@link #take()} returned
     * @throws IllegalStateException if the IRP is still pending or was freed
     */
    public void recycle(Irp irp) {
        irp.reuse(NtStatus.SUCCESS);
        outstanding.decrement();
        irps.offer(irp);
    }

    /** {@return how many IRPs were taken and not yet given back} */
    public int outstanding() {
        return (int) outstanding.sum();
    }

    /**
     * WskSend with a pooled IRP whose routine calls {@code handler} with the status.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param flags the send flags
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus send(
            WskSocket socket, WskBuf buffer, SendFlags flags, H handlers, StatusHandler<H, C> handler, C context) {
        return send(socket, buffer, flags, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #send(WskSocket, WskBuf, SendFlags, Object, StatusHandler, Object)}, bounded by {@code timeout}: an
     * operation still pending then is cancelled ({@link Irp#cancelAfter}, SPEC N2), and its handler gets CANCELLED
     * unless it could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param flags the send flags
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus send(
            WskSocket socket, WskBuf buffer, SendFlags flags, H handlers, StatusHandler<H, C> handler, C context,
            Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            bound(ticket, timeout);
            return socket.dispatch().send(socket, buffer, flags, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskSend with a pooled IRP whose routine calls {@code handler} with the status and the bytes sent.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param flags the send flags
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus send(
            WskSocket socket, WskBuf buffer, SendFlags flags, H handlers, BytesHandler<H, C> handler, C context) {
        return send(socket, buffer, flags, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #send(WskSocket, WskBuf, SendFlags, Object, BytesHandler, Object)}, bounded by {@code timeout}: an
     * operation still pending then is cancelled ({@link Irp#cancelAfter}, SPEC N2), and its handler gets CANCELLED
     * unless it could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a connected socket
     * @param buffer the bytes to send
     * @param flags the send flags
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus send(
            WskSocket socket, WskBuf buffer, SendFlags flags, H handlers, BytesHandler<H, C> handler, C context,
            Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            bound(ticket, timeout);
            return socket.dispatch().send(socket, buffer, flags, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskReceive with a pooled IRP whose routine calls {@code handler} with the status.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a connected socket
     * @param buffer where the bytes go
     * @param flags the receive flags
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus receive(WskSocket socket, WskBuf buffer, ReceiveFlags flags, H handlers,
            StatusHandler<H, C> handler, C context) {
        return receive(socket, buffer, flags, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #receive(WskSocket, WskBuf, ReceiveFlags, Object, StatusHandler, Object)}, bounded by {@code
     * timeout}: an operation still pending then is cancelled ({@link Irp#cancelAfter}, SPEC N2), and its handler gets
     * CANCELLED unless it could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a connected socket
     * @param buffer where the bytes go
     * @param flags the receive flags
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus receive(WskSocket socket, WskBuf buffer, ReceiveFlags flags, H handlers,
            StatusHandler<H, C> handler, C context, Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            bound(ticket, timeout);
            return socket.dispatch().receive(socket, buffer, flags, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskReceive with a pooled IRP whose routine calls {@code handler} with the status and the bytes received.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a connected socket
     * @param buffer where the bytes go
     * @param flags the receive flags
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus receive(WskSocket socket, WskBuf buffer, ReceiveFlags flags, H handlers,
            BytesHandler<H, C> handler, C context) {
        return receive(socket, buffer, flags, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #receive(WskSocket, WskBuf, ReceiveFlags, Object, BytesHandler, Object)}, bounded by {@code timeout}:
     * an operation still pending then is cancelled ({@link Irp#cancelAfter}, SPEC N2), and its handler gets CANCELLED
     * unless it could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a connected socket
     * @param buffer where the bytes go
     * @param flags the receive flags
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus receive(WskSocket socket, WskBuf buffer, ReceiveFlags flags, H handlers,
            BytesHandler<H, C> handler, C context, Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            bound(ticket, timeout);
            return socket.dispatch().receive(socket, buffer, flags, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskDisconnect with a pooled IRP whose routine calls {@code handler} with the status.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN, or null
     * @param mode graceful or abortive
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus disconnect(WskSocket socket, WskBuf finalData, DisconnectMode mode, H handlers,
            StatusHandler<H, C> handler, C context) {
        return disconnect(socket, finalData, mode, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #disconnect(WskSocket, WskBuf, DisconnectMode, Object, StatusHandler, Object)}, bounded by {@code
     * timeout}: an operation still pending then is cancelled ({@link Irp#cancelAfter}, SPEC N2), and its handler gets
     * CANCELLED unless it could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN, or null
     * @param mode graceful or abortive
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus disconnect(WskSocket socket, WskBuf finalData, DisconnectMode mode, H handlers,
            StatusHandler<H, C> handler, C context, Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            bound(ticket, timeout);
            return socket.dispatch().disconnect(socket, finalData, mode, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskDisconnect with a pooled IRP whose routine calls {@code handler} with the status and {@code mode}.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN, or null
     * @param mode graceful or abortive, also handed to the handler
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus disconnect(WskSocket socket, WskBuf finalData, DisconnectMode mode, H handlers,
            ModeHandler<H, C> handler, C context) {
        return disconnect(socket, finalData, mode, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #disconnect(WskSocket, WskBuf, DisconnectMode, Object, ModeHandler, Object)}, bounded by {@code
     * timeout}: an operation still pending then is cancelled ({@link Irp#cancelAfter}, SPEC N2), and its handler gets
     * CANCELLED unless it could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a connected socket
     * @param finalData the last bytes to send before FIN, or null
     * @param mode graceful or abortive, also handed to the handler
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus disconnect(WskSocket socket, WskBuf finalData, DisconnectMode mode, H handlers,
            ModeHandler<H, C> handler, C context, Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, null);
        ticket.mode = mode;
        try {
            bound(ticket, timeout);
            return socket.dispatch().disconnect(socket, finalData, mode, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskGetLocalAddress with a pooled IRP whose routine calls {@code handler} with the status and the address.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket the socket whose address is wanted
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus localAddress(WskSocket socket, H handlers, AddressHandler<H, C> handler, C context) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            return socket.dispatch().getLocalAddress(socket, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskGetLocalAddress of a listening socket with a pooled IRP whose routine calls {@code handler} with the status
     * and the address.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket the socket whose address is wanted
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus localAddress(WskListenSocket socket, H handlers, AddressHandler<H, C> handler, C context) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            return socket.dispatch().getLocalAddress(socket, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskGetRemoteAddress with a pooled IRP whose routine calls {@code handler} with the status and the address.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a connected socket
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus remoteAddress(WskSocket socket, H handlers, AddressHandler<H, C> handler, C context) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            return socket.dispatch().getRemoteAddress(socket, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskSendTo with a pooled IRP whose routine calls {@code handler} with the status (SPEC G1).
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a bound datagram socket
     * @param buffer the datagram
     * @param remoteAddress the destination, or null for the one {@link WskOption#SIO_WSK_SET_REMOTE_ADDRESS} set
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus sendTo(WskDatagramSocket socket, WskBuf buffer, SocketAddress remoteAddress, H handlers,
            StatusHandler<H, C> handler, C context) {
        return sendTo(socket, buffer, remoteAddress, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #sendTo(WskDatagramSocket, WskBuf, SocketAddress, Object, StatusHandler, Object)}, bounded by {@code
     * timeout}: an operation still pending then is cancelled ({@link Irp#cancelAfter}, SPEC N2), and its handler gets
     * CANCELLED unless it could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a bound datagram socket
     * @param buffer the datagram
     * @param remoteAddress the destination, or null for the one {@link WskOption#SIO_WSK_SET_REMOTE_ADDRESS} set
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus sendTo(WskDatagramSocket socket, WskBuf buffer, SocketAddress remoteAddress, H handlers,
            StatusHandler<H, C> handler, C context, Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            bound(ticket, timeout);
            return socket.dispatch().sendTo(socket, buffer, remoteAddress, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskSendTo with a pooled IRP whose routine calls {@code handler} with the status and the datagram's length
     * (SPEC G1).
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a bound datagram socket
     * @param buffer the datagram
     * @param remoteAddress the destination, or null for the one {@link WskOption#SIO_WSK_SET_REMOTE_ADDRESS} set
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus sendTo(WskDatagramSocket socket, WskBuf buffer, SocketAddress remoteAddress, H handlers,
            BytesHandler<H, C> handler, C context) {
        return sendTo(socket, buffer, remoteAddress, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #sendTo(WskDatagramSocket, WskBuf, SocketAddress, Object, BytesHandler, Object)}, bounded by {@code
     * timeout}: an operation still pending then is cancelled ({@link Irp#cancelAfter}, SPEC N2), and its handler gets
     * CANCELLED unless it could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a bound datagram socket
     * @param buffer the datagram
     * @param remoteAddress the destination, or null for the one {@link WskOption#SIO_WSK_SET_REMOTE_ADDRESS} set
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus sendTo(WskDatagramSocket socket, WskBuf buffer, SocketAddress remoteAddress, H handlers,
            BytesHandler<H, C> handler, C context, Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            bound(ticket, timeout);
            return socket.dispatch().sendTo(socket, buffer, remoteAddress, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskReceiveFrom with a pooled IRP whose routine calls {@code handler} with the status, the datagram's length and
     * its source (SPEC G2).
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a bound datagram socket
     * @param buffer where the datagram goes
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus receiveFrom(WskDatagramSocket socket, WskBuf buffer, H handlers,
            DatagramHandler<H, C> handler, C context) {
        return receiveFrom(socket, buffer, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #receiveFrom(WskDatagramSocket, WskBuf, Object, DatagramHandler, Object)}, bounded by {@code
     * timeout}: an operation still pending then is cancelled ({@link Irp#cancelAfter}, SPEC N2), and its handler gets
     * CANCELLED unless it could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket a bound datagram socket
     * @param buffer where the datagram goes
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus receiveFrom(WskDatagramSocket socket, WskBuf buffer, H handlers,
            DatagramHandler<H, C> handler, C context, Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            bound(ticket, timeout);
            return socket.dispatch().receiveFrom(socket, buffer, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskGetAddressInfo with a pooled IRP whose routine calls {@code handler} with the status and the addresses
     * (SPEC N1).
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param provider the provider that resolves the name
     * @param node the name to resolve, or an address literal
     * @param service a decimal port number, or null for port 0
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus addressInfo(WskProvider provider, String node, String service, H handlers,
            AddressesHandler<H, C> handler, C context) {
        return addressInfo(provider, node, service, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #addressInfo(WskProvider, String, String, Object, AddressesHandler, Object)}, bounded by {@code
     * timeout}: an operation still pending then is cancelled ({@link Irp#cancelAfter}, SPEC N2), and its handler gets
     * CANCELLED unless it could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param provider the provider that resolves the name
     * @param node the name to resolve, or an address literal
     * @param service a decimal port number, or null for port 0
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus addressInfo(WskProvider provider, String node, String service, H handlers,
            AddressesHandler<H, C> handler, C context, Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            bound(ticket, timeout);
            return provider.getAddressInfo(node, service, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskControlSocket with WskSetOption or WskIoctl, with a pooled IRP whose routine calls {@code handler} with the
     * status, the option and {@code value} (SPEC K3, K4).
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param <T> the option's value type
     * @param socket the socket, of any kind
     * @param option the option to set
     * @param value its new value
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C, T> NtStatus setOption(WskBasicSocket socket, WskOption<T> option, T value, H handlers,
            OptionHandler<H, C> handler, C context) {
        Ticket ticket = ticket(handlers, handler, context, null);
        ticket.option = option;
        ticket.value = value;
        try {
            return socket.dispatch().controlSocket(socket, option, value, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskControlSocket with WskGetOption, with a pooled IRP whose routine calls {@code handler} with the status, the
     * option and the value read (SPEC K3).
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param <T> the option's value type
     * @param socket the socket, of any kind
     * @param option the option to read
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C, T> NtStatus getOption(WskBasicSocket socket, WskOption<T> option, H handlers,
            OptionHandler<H, C> handler, C context) {
        Ticket ticket = ticket(handlers, handler, context, null);
        ticket.option = option;
        ticket.optionRead = true;
        try {
            return socket.dispatch().controlSocket(socket, option, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskCloseSocket with a pooled IRP whose routine calls {@code handler} with the status.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param socket the socket to close
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus closeSocket(WskBasicSocket socket, H handlers, StatusHandler<H, C> handler, C context) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            return socket.dispatch().closeSocket(socket, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskSocketConnect with a pooled IRP whose routine calls {@code handler} with the status and the new socket,
     * which has no client dispatch.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context the socket's context, also handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus socketConnect(
            WskProvider provider, SocketAddress remoteAddress, H handlers, SocketHandler<H, C> handler, C context) {
        return socketConnect(provider, remoteAddress, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #socketConnect(WskProvider, SocketAddress, Object, SocketHandler, Object)}, bounded by {@code
     * timeout}: an operation still pending then is cancelled ({@link Irp#cancelAfter}, SPEC N2), and its handler gets
     * CANCELLED unless it could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context the socket's context, also handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus socketConnect(
            WskProvider provider, SocketAddress remoteAddress, H handlers, SocketHandler<H, C> handler, C context,
            Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            bound(ticket, timeout);
            return provider.socketConnect(remoteAddress, context, null, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskSocketConnect with a pooled IRP whose routine, when the socket is connected, enables {@code events} of its
     * client dispatch ({@link #enableEvents}), then calls {@code handler} with the status and the socket, whatever
     * enabling did: the handler alone knows the socket, so it must get it to close it.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param clientDispatch the socket's event callbacks
     * @param events the events of {@code clientDispatch} to enable
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context the socket's context, also handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus socketConnect(WskProvider provider, SocketAddress remoteAddress,
            WskClientConnectionDispatch<C> clientDispatch, Set<WskEvent> events, H handlers,
            SocketHandler<H, C> handler, C context) {
        return socketConnect(provider, remoteAddress, clientDispatch, events, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #socketConnect(WskProvider, SocketAddress, WskClientConnectionDispatch, Set, Object, SocketHandler,
     * Object)}, bounded by {@code timeout}: an operation still pending then is cancelled ({@link Irp#cancelAfter}, SPEC
     * N2), and its handler gets CANCELLED unless it could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the context type
     * @param provider the provider that makes the socket
     * @param remoteAddress where to connect
     * @param clientDispatch the socket's event callbacks
     * @param events the events of {@code clientDispatch} to enable
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context the socket's context, also handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus socketConnect(WskProvider provider, SocketAddress remoteAddress,
            WskClientConnectionDispatch<C> clientDispatch, Set<WskEvent> events, H handlers,
            SocketHandler<H, C> handler, C context, Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, Objects.requireNonNull(events, "events"));
        try {
            bound(ticket, timeout);
            return provider.socketConnect(remoteAddress, context, clientDispatch, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskAccept with a pooled IRP whose routine calls {@code handler} with the status and the accepted socket, which has
     * no client dispatch (SPEC K5).
     *
     * @param <H> the handler class
     * @param <C> the accepted socket's context type
     * @param listener the listening socket
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context the accepted socket's context, also handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus accept(WskListenSocket listener, H handlers, SocketHandler<H, C> handler, C context) {
        return accept(listener, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #accept(WskListenSocket, Object, SocketHandler, Object)}, bounded by {@code timeout}: an operation
     * still pending then is cancelled ({@link Irp#cancelAfter}, SPEC N2), and its handler gets CANCELLED unless it
     * could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the accepted socket's context type
     * @param listener the listening socket
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context the accepted socket's context, also handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus accept(WskListenSocket listener, H handlers, SocketHandler<H, C> handler, C context,
            Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            bound(ticket, timeout);
            return listener.dispatch().accept(listener, context, null, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskAccept with a pooled IRP whose routine, when a connection was accepted, enables {@code events} of its client
     * dispatch ({@link #enableEvents}), then calls {@code handler} with the status and the socket, whatever enabling
     * did: the handler alone knows the socket, so it must get it to close it (SPEC K5).
     *
     * @param <H> the handler class
     * @param <C> the accepted socket's context type
     * @param listener the listening socket
     * @param clientDispatch the accepted socket's event callbacks
     * @param events the events of {@code clientDispatch} to enable
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context the accepted socket's context, also handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus accept(WskListenSocket listener, WskClientConnectionDispatch<C> clientDispatch,
            Set<WskEvent> events, H handlers, SocketHandler<H, C> handler, C context) {
        return accept(listener, clientDispatch, events, handlers, handler, context, NO_TIMEOUT);
    }

    /**
     * Like {@link #accept(WskListenSocket, WskClientConnectionDispatch, Set, Object, SocketHandler, Object)}, bounded
     * by {@code timeout}: an operation still pending then is cancelled ({@link Irp#cancelAfter}, SPEC N2), and its
     * handler gets CANCELLED unless it could no longer be cancelled.
     *
     * @param <H> the handler class
     * @param <C> the accepted socket's context type
     * @param listener the listening socket
     * @param clientDispatch the accepted socket's event callbacks
     * @param events the events of {@code clientDispatch} to enable
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context the accepted socket's context, also handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, C> NtStatus accept(WskListenSocket listener, WskClientConnectionDispatch<C> clientDispatch,
            Set<WskEvent> events, H handlers, SocketHandler<H, C> handler, C context, Duration timeout) {
        Ticket ticket = ticket(handlers, handler, context, Objects.requireNonNull(events, "events"));
        try {
            bound(ticket, timeout);
            return listener.dispatch().accept(listener, context, clientDispatch, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * WskSocket with WSK_FLAG_LISTEN_SOCKET, with a pooled IRP whose routine calls {@code handler} with the status and
     * the listening socket.
     *
     * @param <H> the handler class
     * @param <L> the listening socket's context type
     * @param provider the provider that makes the socket
     * @param localAddress where to listen
     * @param listenDispatch where the listening socket's connections go
     * @param handlers the handler instance
     * @param handler the handler method, as a method reference that captures nothing
     * @param context the listening socket's context, also handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <H, L> NtStatus socketListen(WskProvider provider, SocketAddress localAddress,
            WskClientListenDispatch<L> listenDispatch, H handlers, ListenSocketHandler<H, L> handler, L context) {
        Ticket ticket = ticket(handlers, handler, context, null);
        try {
            return provider.socketListen(localAddress, context, listenDispatch, ticket.irp);
        } catch (RuntimeException refused) {
            giveBack(ticket);
            throw refused;
        }
    }

    /**
     * Enables {@code events} on {@code socket} (WskControlSocket), one pooled IRP each, in {@link WskEvent} order.
     *
     * @param socket a connected socket that has a client dispatch, or a datagram socket that has a datagram dispatch
     *     (for {@link WskEvent#RECEIVE_FROM})
     * @param events the events to enable
     * @return the first status that is not a success, else the last
     */
    public NtStatus enableEvents(WskBasicSocket socket, Set<WskEvent> events) {
        NtStatus status = NtStatus.SUCCESS;
        for (WskEvent event : EVENTS) { // not the set's own iterator: that would be an allocation per call
            if (events.contains(event)) {
                Irp irp = take();
                try {
                    irp.setCompletionRoutine(RECYCLE, this, true, true, true);
                    status = socket.dispatch().controlSocket(socket, event, true, irp);
                } catch (RuntimeException refused) {
                    recycle(irp);
                    throw refused;
                }
                if (!status.isSuccess()) {
                    return status;
                }
            }
        }
        return status;
    }

    /** Arms the deadline of a start method's IRP before its dispatch call; none if {@code timeout} is null. */
    private static void bound(Ticket ticket, Duration timeout) {
        if (timeout != NO_TIMEOUT) { // identity: a caller's null or non-positive time is refused as cancelAfter does
            ticket.irp.cancelAfter(timeout);
        }
    }

    /** A ticket, its IRP's routine set to call {@code handler}; null checks first, so that a bad call takes nothing. */
    private Ticket ticket(Object handlers, Object handler, Object context, Set<WskEvent> events) {
        Objects.requireNonNull(handlers, "handlers");
        Objects.requireNonNull(handler, "handler");
        outstanding.increment();
        Ticket ticket = tickets.poll();
        if (ticket == null) {
            ticket = new Ticket(this, WskImplementation.instance().newPooledIrp()); // the pool's, not a V1 leak
        }
        ticket.handlers = handlers;
        ticket.handler = handler;
        ticket.context = context;
        ticket.events = events;
        ticket.irp.setCompletionRoutine(COMPLETED, ticket, true, true, true);
        return ticket;
    }

    private void giveBack(Ticket ticket) {
        ticket.irp.reuse(NtStatus.SUCCESS);
        ticket.handlers = null;
        ticket.handler = null;
        ticket.context = null;
        ticket.events = null;
        ticket.mode = null;
        ticket.option = null;
        ticket.value = null;
        ticket.optionRead = false;
        outstanding.decrement();
        tickets.offer(ticket);
    }

    /** The routine of a start method's IRP: reads the result, gives the IRP back, then calls the handler (SPEC I4). */
    @SuppressWarnings("unchecked") // a ticket's handler, handlers and context were set together by one typed call
    private NtStatus completed(Ticket ticket, Irp irp) {
        NtStatus status = irp.status();
        long bytes = irp.information();
        Object handlers = ticket.handlers;
        Object handler = ticket.handler;
        WskSocket socket = handler instanceof SocketHandler ? irp.socket() : null;
        WskListenSocket listener = handler instanceof ListenSocketHandler ? irp.listenSocket() : null;
        Object context = ticket.context;
        Set<WskEvent> events = ticket.events;
        DisconnectMode mode = ticket.mode;
        SocketAddress address = handler instanceof AddressHandler || handler instanceof DatagramHandler
                ? irp.address() : null;
        List<InetSocketAddress> addresses = handler instanceof AddressesHandler ? irp.addresses() : null;
        WskOption<?> option = ticket.option;
        Object value = ticket.optionRead ? irp.optionValue(option) : ticket.value;
        giveBack(ticket);
        if (handler instanceof StatusHandler) {
            ((StatusHandler<Object, Object>) handler).completed(handlers, status, context);
        } else if (handler instanceof BytesHandler) {
            ((BytesHandler<Object, Object>) handler).completed(handlers, status, bytes, context);
        } else if (handler instanceof ModeHandler) {
            ((ModeHandler<Object, Object>) handler).completed(handlers, status, mode, context);
        } else if (handler instanceof AddressHandler) {
            ((AddressHandler<Object, Object>) handler).completed(handlers, status, address, context);
        } else if (handler instanceof DatagramHandler) {
            ((DatagramHandler<Object, Object>) handler).completed(handlers, status, bytes, address, context);
        } else if (handler instanceof AddressesHandler) {
            ((AddressesHandler<Object, Object>) handler).completed(handlers, status, addresses, context);
        } else if (handler instanceof OptionHandler) {
            optionCompleted((OptionHandler<Object, Object>) handler, handlers, status, option, value, context);
        } else if (handler instanceof ListenSocketHandler) {
            ((ListenSocketHandler<Object, Object>) handler).completed(handlers, status, listener, context);
        } else if (events != null && socket != null && status.isSuccess()) {
            try {
                enableEvents(socket, events);
            } finally {
                ((SocketHandler<Object, Object>) handler).completed(handlers, status, socket, context);
            }
        } else {
            ((SocketHandler<Object, Object>) handler).completed(handlers, status, socket, context);
        }
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }

    /**
     * Calls an option handler with the value typed by its option: the type variable is captured here. A call the
     * provider refused (a null option, a value of another type passed through raw types: INVALID_PARAMETER, SPEC K4)
     * reaches the handler all the same, with no value.
     */
    private static <T> void optionCompleted(OptionHandler<Object, Object> handler, Object handlers, NtStatus status,
            WskOption<T> option, Object value, Object context) {
        T typed = option != null && option.valueType().isInstance(value) ? option.valueType().cast(value) : null;
        handler.completed(handlers, status, option, typed, context);
    }

    /** What a start method's IRP carries besides its result: whom to call, how, and with which context. */
    private static final class Ticket {
        final IrpPool pool;
        final Irp irp;
        Object handlers;
        /**
         * A {@link StatusHandler}, {@link BytesHandler}, {@link ModeHandler}, {@link AddressHandler},
         * {@link DatagramHandler}, {@link AddressesHandler}, {@link OptionHandler}, {@link SocketHandler} or
         * {@link ListenSocketHandler}.
         */
        Object handler;
        Object context;
        /** For a connect: the events to enable before the handler runs; else null. */
        Set<WskEvent> events;
        /** For a disconnect whose handler takes the mode: the mode it was started with; else null. */
        DisconnectMode mode;
        /** For an option handler: the option read or set; else null. */
        WskOption<?> option;
        /** For an option set: the value it was asked to set; else null. */
        Object value;
        /** Whether the option handler's value is the one the IRP read. */
        boolean optionRead;

        Ticket(IrpPool pool, Irp irp) {
            this.pool = pool;
            this.irp = irp;
        }
    }

    /**
     * Idle objects of one kind: a few per thread, then a bounded multi-producer multi-consumer ring (after Dmitry
     * Vyukov's), where each slot has a sequence number that says whose turn it is, so no node is allocated and no ABA
     * problem arises. Full, it lets the collector have what it is given.
     */
    private static final class Shelf<T> {
        private final AtomicReferenceArray<T> slots;
        private final AtomicLongArray sequences;
        private final int mask;
        private final AtomicLongHolder enqueue = new AtomicLongHolder();
        private final AtomicLongHolder dequeue = new AtomicLongHolder();
        private final ThreadLocal<ThreadCache<T>> caches = ThreadLocal.withInitial(ThreadCache::new);

        Shelf(int capacity) {
            int size = 1;
            while (size < capacity) {
                size <<= 1;
            }
            slots = new AtomicReferenceArray<>(size);
            sequences = new AtomicLongArray(size);
            for (int i = 0; i < size; i++) {
                sequences.set(i, i);
            }
            mask = size - 1;
        }

        T poll() {
            T item = caches.get().pop();
            return item != null ? item : pollRing();
        }

        void offer(T item) {
            if (!caches.get().push(item)) {
                offerRing(item);
            }
        }

        private T pollRing() {
            long position = dequeue.get();
            while (true) {
                int index = (int) position & mask;
                long sequence = sequences.get(index);
                long difference = sequence - (position + 1);
                if (difference == 0) {
                    if (dequeue.compareAndSet(position, position + 1)) {
                        T item = slots.getAndSet(index, null);
                        sequences.set(index, position + mask + 1);
                        return item;
                    }
                    position = dequeue.get();
                } else if (difference < 0) {
                    return null;
                } else {
                    position = dequeue.get();
                }
            }
        }

        private void offerRing(T item) {
            long position = enqueue.get();
            while (true) {
                int index = (int) position & mask;
                long sequence = sequences.get(index);
                long difference = sequence - position;
                if (difference == 0) {
                    if (enqueue.compareAndSet(position, position + 1)) {
                        slots.set(index, item);
                        sequences.set(index, position + 1);
                        return;
                    }
                    position = enqueue.get();
                } else if (difference < 0) {
                    return; // full: let the collector have it
                } else {
                    position = enqueue.get();
                }
            }
        }
    }

    /** One thread's own idle objects of one shelf: a small stack, touched by that thread only. */
    private static final class ThreadCache<T> {
        private final Object[] items = new Object[PER_THREAD];
        private int size;

        @SuppressWarnings("unchecked") // only push stores here, and it takes a T
        T pop() {
            if (size == 0) {
                return null;
            }
            T item = (T) items[--size];
            items[size] = null;
            return item;
        }

        boolean push(T item) {
            if (size == items.length) {
                return false;
            }
            items[size++] = item;
            return true;
        }
    }

    /** An AtomicLong padded away from its neighbour, so that takers and recyclers do not share a cache line. */
    @SuppressWarnings("unused")
    private static final class AtomicLongHolder extends java.util.concurrent.atomic.AtomicLong {
        private static final long serialVersionUID = 1L;
        long p1, p2, p3, p4, p5, p6, p7;
    }
}
