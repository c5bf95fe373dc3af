package io.wsk4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the completion handler of a datagram send (WskSendTo, SPEC G1, P3). The generated dispatch class gets
 * {@code sendTo(WskDatagramSocket, WskBuf, SocketAddress, C)}: one datagram per call, in issue order; a null address
 * sends to the one {@code SIO_WSK_SET_REMOTE_ADDRESS} fixed.
 *
 * <p>Accepted shapes:
 * <ul>
 *   <li>simple: {@code void m(NtStatus status, C context)} or {@code void m(NtStatus status, long bytes, C context)}
 *       with the datagram's length; the generated glue owns the IRP (pooled and recycled);</li>
 *   <li>faithful: {@code NtStatus m(Irp irp, C context)}: the start method is
 *       {@code sendTo(WskDatagramSocket, WskBuf, SocketAddress, Irp, C)}, the handler owns the IRP and must return
 *       {@code MORE_PROCESSING_REQUIRED} after freeing or reusing it.</li>
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
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_send_to">WskSendTo
 *     on learn.microsoft.com</a>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnSendToComplete {}
