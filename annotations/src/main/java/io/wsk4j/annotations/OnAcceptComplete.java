package io.wsk4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the completion handler of an accept with an IRP (WskAccept, SPEC K5, P3). The generated dispatch class gets
 * {@code accept(WskListenSocket, C)}: the accepted socket's context is {@code C}, and a pending accept takes the next
 * connection before the listening socket's accept event.
 *
 * <p>Accepted shapes:
 * <ul>
 *   <li>simple: {@code void m(NtStatus status, WskSocket accepted, C context)}; the socket is null on failure
 *       (CANCELLED when the listening socket closed). The generated glue owns the IRP (pooled and recycled) and
 *       enables the events of the class's event handlers for {@code C} on the accepted socket before it calls the
 *       handler;</li>
 *   <li>faithful: {@code NtStatus m(Irp irp, C context)}, like a WSK completion routine: the start method is
 *       {@code accept(WskListenSocket, Irp, C)}, the handler owns the IRP, finds the socket in {@code irp.socket()}
 *       and the peer's address in {@code irp.address()}, and must return {@code MORE_PROCESSING_REQUIRED} after
 *       freeing or reusing it.</li>
 * </ul>
 *
 * <p>Two handlers for this operation with the same context type in one class are an error; different context types
 * give overloaded start methods (SPEC P6). Context types that differ only in their type arguments (such as
 * {@code List<String>} and {@code List<Integer>}) are an error too, since the overloads would erase to the same
 * signature.
 *
 * <p>The method must be neither private nor static, and its class must be a non-private top-level class or a
 * non-private static nested class (SPEC P2): the generated {@code <SimpleName>Dispatch} class lives in the same
 * package and calls the method directly. The last parameter is the context: any reference type, parameterized
 * types and the class's own type variables included, never a primitive. A method carries one handler annotation.
 *
 * <p>Local and anonymous classes are invisible to annotation processors: an annotated method in one of them is
 * silently ignored, so declare handlers in a named class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnAcceptComplete {}
