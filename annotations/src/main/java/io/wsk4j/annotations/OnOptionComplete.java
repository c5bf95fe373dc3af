package io.wsk4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the completion handler of a socket option set or read (WskControlSocket with WskSetOption, WskIoctl or
 * WskGetOption, SPEC K3, K4, P3). The generated dispatch class gets {@code <T> setOption(WskBasicSocket,
 * WskOption<T>, T, C)} and {@code <T> getOption(WskBasicSocket, WskOption<T>, C)}, for a socket of any kind; both
 * complete into this one handler.
 *
 * <p>Accepted shapes:
 * <ul>
 *   <li>simple: {@code <T> void m(NtStatus status, WskOption<T> option, T value, C context)}, generic in the option's
 *       value type, which is how the value reaches it typed with no cast: for a get the value read
 *       ({@code irp.optionValue(option)}, null on failure), for a set the value it was asked to set. The method's
 *       one type variable must be unbounded and appear nowhere else (not in the context). The generated glue owns
 *       the IRP (pooled and recycled);</li>
 *   <li>faithful: {@code NtStatus m(Irp irp, C context)}: the start methods take an extra {@code Irp} just before the
 *       context; the handler reads {@code irp.optionValue(WskOption.SO_RCVBUF)}, say, typed by the constant it
 *       names, owns the IRP and must return {@code MORE_PROCESSING_REQUIRED} after freeing or reusing it.</li>
 * </ul>
 *
 * <p>A handler that knows which option it asked for gets its value typed by naming the constant again, as in
 * {@code WskOption.SO_RCVBUF.valueType().cast(value)}, or, with no cast at all, in the faithful shape.
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
 * @see <a href="https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_control_socket">
 *     WskControlSocket on learn.microsoft.com</a>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnOptionComplete {}
