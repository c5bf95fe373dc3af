/**
 * Annotations that mark the methods of a class as WSK completion and event handlers; the wsk4j annotation processor
 * (artifact {@code wsk4j-processor}, on the compiler's processor path) generates a typed {@code <Handler>Dispatch}
 * class in the same package for each class that has them.
 *
 * <h2>Where to start</h2>
 *
 * <p>Write a class with one method per operation you start, its last parameter the context type of your choice, and
 * mark each: {@link io.wsk4j.annotations.OnConnectComplete}, {@link io.wsk4j.annotations.OnSendComplete},
 * {@link io.wsk4j.annotations.OnReceiveComplete}, {@link io.wsk4j.annotations.OnDisconnectComplete},
 * {@link io.wsk4j.annotations.OnCloseComplete}, {@link io.wsk4j.annotations.OnAddressComplete},
 * {@link io.wsk4j.annotations.OnAcceptComplete}, {@link io.wsk4j.annotations.OnSendToComplete},
 * {@link io.wsk4j.annotations.OnReceiveFromComplete}, {@link io.wsk4j.annotations.OnAddressInfoComplete},
 * {@link io.wsk4j.annotations.OnOptionComplete} for completions;
 * {@link io.wsk4j.annotations.OnAcceptEvent}, {@link io.wsk4j.annotations.OnReceiveEvent},
 * {@link io.wsk4j.annotations.OnDisconnectEvent}, {@link io.wsk4j.annotations.OnReceiveFromEvent} for events. The
 * generated class then has start methods such as {@code disconnect(WskSocket, C)} that do what WSK code does by
 * hand: take an IRP, set the completion routine with the typed context, call the provider.
 *
 * <h2>Who owns the IRP</h2>
 *
 * <p>In the simple shapes ({@code void m(NtStatus status, C context)} and its variants) the generated glue owns the
 * IRP: it takes one from a pool, and gives it back after your method returns. In the faithful shape
 * ({@code NtStatus m(Irp irp, C context)}, like the C completion routine) your method owns it: free or reuse it and
 * return {@code MORE_PROCESSING_REQUIRED}.
 *
 * <h2>Threading</h2>
 *
 * <p>Handler methods run on the provider's I/O thread of the socket, or on the calling thread when an operation
 * completes at once, one at a time per socket; they must not block. They may start the next operation themselves.
 *
 * <h2>Retention and modules</h2>
 *
 * <p>Every annotation has CLASS retention: nothing reads them at run time, so this artifact is needed to compile
 * only (Maven scope {@code provided}, Gradle {@code compileOnly}) and a module says
 * {@code requires static io.wsk4j.annotations;}.
 *
 * <p>Rule ids such as "SPEC P3" refer to the behaviour contract, {@code docs/SPEC.md} in the wsk4j source
 * repository, where each rule is one line that starts with its id; the {@code io.wsk4j} package says why they are
 * plain text.
 */
package io.wsk4j.annotations;
