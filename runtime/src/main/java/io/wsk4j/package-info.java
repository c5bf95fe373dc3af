/**
 * The Winsock Kernel (WSK) model on the JVM: dispatch tables, IRPs, completion routines, and a provider that runs
 * them on Java NIO with WSK's wire semantics.
 *
 * <h2>Where to start</h2>
 *
 * <p>Open a {@link io.wsk4j.WskProvider} ({@link io.wsk4j.WskProvider#open()}); make sockets with
 * {@link io.wsk4j.WskProvider#socketConnect socketConnect}, {@link io.wsk4j.WskProvider#socketListen socketListen}
 * or {@link io.wsk4j.WskProvider#socket socket}; then drive each {@link io.wsk4j.WskSocket} through its
 * {@link io.wsk4j.WskSocket#dispatch() dispatch()} table ({@link io.wsk4j.WskProviderConnectionDispatch}), each call
 * taking the socket first and an {@link io.wsk4j.Irp} with a {@link io.wsk4j.CompletionRoutine} last, as the C
 * functions do. Most programs do not write that glue by hand: they mark handler methods with the annotations of
 * {@code io.wsk4j.annotations}, and the wsk4j processor generates a typed {@code <Handler>Dispatch} class that
 * allocates pooled IRPs ({@link io.wsk4j.IrpPool}), sets the routines and routes each completion to its handler.
 *
 * <h2>Threading</h2>
 *
 * <p>A provider owns a fixed set of I/O threads; every socket belongs to one of them for life. Completion routines
 * and event callbacks ({@link io.wsk4j.WskClientConnectionDispatch}, {@link io.wsk4j.WskClientListenDispatch}) run
 * on the socket's I/O thread, one at a time per socket, and must not block. A routine may also run on the calling
 * thread before the dispatch call returns, when the operation completes at once; the call then returns the final
 * status instead of {@link io.wsk4j.NtStatus#PENDING}, and {@link io.wsk4j.Irp#pendingReturned()} is false.
 * Dispatch calls may be made from any thread. What a routine or callback throws goes to the provider's
 * {@link io.wsk4j.WskErrorHandler}; the I/O thread serves on.
 *
 * <h2>Who owns an IRP</h2>
 *
 * <p>The application allocates an IRP ({@link io.wsk4j.Irp#allocate()}) and sets its completion routine. From the
 * dispatch call until that routine runs, the IRP belongs to the provider: every method but
 * {@link io.wsk4j.Irp#cancel()} throws {@link java.lang.IllegalStateException}. Inside the routine it is the
 * application's again: read {@link io.wsk4j.Irp#status()} and {@link io.wsk4j.Irp#information()}, then
 * {@link io.wsk4j.Irp#free()} or {@link io.wsk4j.Irp#reuse reuse} it, and return
 * {@link io.wsk4j.NtStatus#MORE_PROCESSING_REQUIRED}. Every IRP passed to a dispatch call completes exactly once,
 * also when the socket is closed under it. The bytes of a {@link io.wsk4j.WskBuf} likewise belong to the operation
 * until it completes; the data a receive event offers is valid only during the callback: copy what you keep or send.
 *
 * <h2>The rule ids</h2>
 *
 * <p>Comments in this API cite the behaviour contract by rule id: "SPEC I4" is rule I4 of {@code docs/SPEC.md} in
 * the wsk4j source repository, where each rule is one line that starts with its id (search the file for it). The
 * ids are plain text on purpose: the project has no public home yet whose address a link could name, and a link
 * into {@code docs/} would not resolve inside a javadoc jar. The repository's {@code README.md} explains the
 * choices in plain words.
 *
 * <p>Only this package is exported by module {@code io.wsk4j}; the NIO provider behind it is an implementation
 * detail.
 */
package io.wsk4j;
