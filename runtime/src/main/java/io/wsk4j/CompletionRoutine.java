package io.wsk4j;

/**
 * An IRP's completion routine (IoSetCompletionRoutine), typed by its context (SPEC A3).
 *
 * <p>The WSK original receives {@code PVOID Context} and casts it; here the context keeps its type from
 * {@link Irp#setCompletionRoutine} to {@link #onComplete}, so no cast is needed anywhere.
 *
 * <p>A routine for an IRP the application allocated must return {@link NtStatus#MORE_PROCESSING_REQUIRED}
 * after it has freed or reused the IRP (SPEC I4). It may run on the thread that started the operation, before the
 * dispatch call returns, or on the socket's I/O thread; it must not block.
 *
 * @param <C> the context type
 */
@FunctionalInterface
public interface CompletionRoutine<C> {
    /**
     * Called once when the IRP completes, with the status and information already set on {@code irp}.
     *
     * @param irp the IRP that completed; read {@link Irp#status()} and {@link Irp#information()}, then free or reuse it
     * @param context the context given to {@link Irp#setCompletionRoutine}, with its static type
     * @return {@link NtStatus#MORE_PROCESSING_REQUIRED}
     */
    NtStatus onComplete(Irp irp, C context);
}
