package io.wsk4j;

import io.wsk4j.spi.WskImplementation;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * An I/O request packet: the caller-allocated object that carries one WSK operation from its dispatch call to its
 * completion routine (SPEC A2, I1–I7).
 *
 * <p>The life of an IRP mirrors the kernel's: {@link #allocate()} (IoAllocateIrp), {@link #setCompletionRoutine}
 * (IoSetCompletionRoutine), pass it to one dispatch call, then, inside the completion routine, read
 * {@link #status()} and {@link #information()} and either {@link #free()} it (IoFreeIrp) or {@link #reuse} it
 * (IoReuseIrp) for the next call. From the dispatch call until the routine runs the IRP belongs to the provider:
 * every method but {@link #cancel()} throws {@link IllegalStateException} then.
 *
 * <p>Generated dispatch classes take IRPs from an {@link IrpPool} instead, so steady state allocates nothing.
 *
 * <p>Not for implementation: providers accept only IRPs made by {@link #allocate()}.
 */
public interface Irp {
    /** {@return a new IRP with no completion routine (IoAllocateIrp)} */
    static Irp allocate() {
        return WskImplementation.instance().newIrp();
    }

    /**
     * Sets the routine that the provider calls once when the operation completes (IoSetCompletionRoutine).
     *
     * @param <C> the context's type, which the routine receives unchanged
     * @param routine called with this IRP and {@code context}; must return {@link NtStatus#MORE_PROCESSING_REQUIRED}
     * @param context handed to the routine as it is, with its static type
     * @param invokeOnSuccess call the routine when the final status is a success
     * @param invokeOnError call the routine when the final status is an error other than cancellation
     * @param invokeOnCancel call the routine when the IRP was cancelled
     * @throws IllegalStateException if the IRP is pending or freed
     */
    <C> void setCompletionRoutine(
            CompletionRoutine<C> routine,
            C context,
            boolean invokeOnSuccess,
            boolean invokeOnError,
            boolean invokeOnCancel);

    /** {@return the final status of the operation ({@code IoStatus.Status})} */
    NtStatus status();

    /**
     * {@return the operation's result count ({@code IoStatus.Information})}; SPEC I7 says what it holds per
     * operation.
     */
    long information();

    /**
     * {@return the connection socket that a socket, connect or accept request produced ({@code IoStatus.Information}
     * in WSK); null for requests that make no socket and on failure}
     *
     * @throws IllegalStateException if the request made a socket of another kind; the message names the accessor
     *     of that kind (SPEC K2)
     */
    WskSocket socket();

    /**
     * {@return the listening socket that a {@code listenSocket} or {@code socketListen} request produced; null for
     * requests that make no socket and on failure}
     *
     * @throws IllegalStateException if the request made a socket of another kind (SPEC K2)
     */
    WskListenSocket listenSocket();

    /**
     * {@return the datagram socket that a {@code datagramSocket} request produced; null for requests that make no
     * socket and on failure}
     *
     * @throws IllegalStateException if the request made a socket of another kind (SPEC K2)
     */
    WskDatagramSocket datagramSocket();

    /**
     * {@return the address that {@code getLocalAddress} or {@code getRemoteAddress} returned, the peer of an accepted
     * connection, or the source of a received datagram; null otherwise}
     */
    SocketAddress address();

    /**
     * {@return the value that a {@code controlSocket} get of {@code option} returned (SPEC K3); null otherwise}
     *
     * @param <T> the option's value type
     * @param option the option the request read
     * @throws IllegalStateException if the request read another option; the message names it
     */
    <T> T optionValue(WskOption<T> option);

    /**
     * {@return the addresses that {@code getAddressInfo} resolved, in the resolver's order (SPEC N1); an empty list
     * otherwise}
     */
    List<InetSocketAddress> addresses();

    /**
     * Bounds the next operation of this IRP (SPEC N2): if it is still pending {@code timeout} after its dispatch call
     * (the provider's clock, virtual in a simulation), it is cancelled as {@link #cancel()} would, so only if that
     * cancel can take effect (a send the transport already took bytes of finishes). Call it before the dispatch call;
     * the deadline holds for that one operation, an operation that completes first takes its deadline with it, and
     * {@link #reuse} clears it. It bounds what can wait: connect and socketConnect, send, receive, a graceful
     * disconnect, accept, sendTo, receiveFrom and getAddressInfo; an operation that completes at once is not
     * affected. The I/O thread's timer serves it, with the IRP itself as the timer's entry: no thread per IRP, and no
     * allocation.
     *
     * @param timeout positive; a time beyond what nanoseconds hold never expires
     * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
     * @throws IllegalStateException if the IRP is pending, completed and not reused, or freed
     */
    void cancelAfter(Duration timeout);

    /**
     * {@return true if the dispatch call returned {@link NtStatus#PENDING} and the routine ran later; false if the
     * operation completed synchronously, inside the dispatch call}
     */
    boolean pendingReturned();

    /**
     * Cancels the pending operation (IoCancelIrp): it completes with {@link NtStatus#CANCELLED} and information 0.
     *
     * @return true if the cancel took effect; false if the IRP is not pending, already finished, or the transport has
     *     already taken bytes of it (a send partly written cannot be taken back)
     */
    boolean cancel();

    /**
     * Makes a completed IRP ready for the next dispatch call (IoReuseIrp): status set to {@code status},
     * information to 0, routine, context and cancel state cleared.
     *
     * @param status the status the IRP holds until its next completion
     * @throws IllegalStateException if the IRP is pending or freed
     */
    void reuse(NtStatus status);

    /**
     * Releases the IRP (IoFreeIrp). It cannot be used again.
     *
     * @throws IllegalStateException if the IRP is pending or already freed
     */
    void free();
}
