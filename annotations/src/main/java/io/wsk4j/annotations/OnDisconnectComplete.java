package io.wsk4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the completion handler of a disconnect (WskDisconnect, SPEC P3, D). The generated dispatch class gets
 * {@code disconnect(WskSocket, C)} (graceful), {@code disconnect(WskSocket, WskBuf, C)} (graceful with final data)
 * and {@code abort(WskSocket, C)} (abortive).
 *
 * <p>Accepted shapes:
 * <ul>
 *   <li>simple: {@code void m(NtStatus status, C context)}; the generated glue owns the IRP (pooled and
 *       recycled);</li>
 *   <li>simple with the mode: {@code void m(NtStatus status, DisconnectMode mode, C context)}: the glue passes the
 *       mode its start method used, {@code GRACEFUL} for {@code disconnect}, {@code ABORTIVE} for {@code abort}, so
 *       that one handler tells an abortive disconnect's completion from a graceful one (both complete SUCCESS,
 *       SPEC D4, D7);</li>
 *   <li>faithful: {@code NtStatus m(Irp irp, C context)}, like the seed's DisconnectComplete: the start methods take
 *       an extra {@code Irp} just before the context, the handler owns the IRP and must return
 *       {@code MORE_PROCESSING_REQUIRED} after freeing or reusing it. The IRP does not say the mode: give
 *       {@code abort} and {@code disconnect} contexts that do, or use the shape with the mode.</li>
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
public @interface OnDisconnectComplete {}
