package io.wsk4j;

import io.wsk4j.spi.WskImplementation;
import java.net.SocketAddress;

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
     * {@return the socket that a socket, connect, listen or accept request produced ({@code IoStatus.Information} in
     * WSK); null for other operations and on failure}
     */
    WskSocket socket();

    /** {@return the address that {@code getLocalAddress} or {@code getRemoteAddress} returned; null otherwise} */
    SocketAddress address();

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
