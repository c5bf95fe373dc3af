package io.wsk4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the completion handler of a datagram receive (WskReceiveFrom, SPEC G2, P3). The generated dispatch class gets
 * {@code receiveFrom(WskDatagramSocket, WskBuf, C)}: one datagram per call.
 *
 * <p>Accepted shapes:
 * <ul>
 *   <li>simple: {@code void m(NtStatus status, long bytes, SocketAddress source, C context)}, with the datagram's
 *       length and its sender (null on failure); the generated glue owns the IRP (pooled and recycled). A datagram
 *       longer than the buffer completes {@code BUFFER_OVERFLOW}, a warning status ({@code isSuccess()} is false),
 *       with the bytes that fit and the source: truncation is never silent. There is no shape without the length
 *       and the source: a datagram means little without either;</li>
 *   <li>faithful: {@code NtStatus m(Irp irp, C context)}: the start method is
 *       {@code receiveFrom(WskDatagramSocket, WskBuf, Irp, C)}, the length is in {@code irp.information()} and the
 *       source in {@code irp.address()}; the handler owns the IRP and must return {@code MORE_PROCESSING_REQUIRED}
 *       after freeing or reusing it.</li>
 * </ul>
 *
 * <p>The source is a {@code java.net.SocketAddress}, as WSK's {@code PSOCKADDR}: the glue casts nothing.
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
 * @see <a href="https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive_from">
 *     WskReceiveFrom on learn.microsoft.com</a>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnReceiveFromComplete {}
