package io.wsk4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the completion handler of an address query (WskGetLocalAddress and WskGetRemoteAddress, SPEC P1, P3). The
 * generated dispatch class gets {@code localAddress(WskSocket, C)}, the address the socket is bound to (the port a
 * listener on port 0 got, say), and {@code remoteAddress(WskSocket, C)}, the peer's address of a connected socket.
 * Both complete into this one handler: the context tells them apart if the handler needs to.
 *
 * <p>Accepted shapes:
 * <ul>
 *   <li>simple: {@code void m(NtStatus status, SocketAddress address, C context)}, the address null on failure
 *       (a listening socket has no remote address: INVALID_CONNECTION); the generated glue owns the IRP
 *       (pooled and recycled);</li>
 *   <li>faithful: {@code NtStatus m(Irp irp, C context)}: the start methods take an extra {@code Irp} just before
 *       the context, the address is in {@code irp.address()}, and the handler owns the IRP and must return
 *       {@code MORE_PROCESSING_REQUIRED} after freeing or reusing it.</li>
 * </ul>
 *
 * <p>The address parameter is a {@code java.net.SocketAddress}, as WSK's {@code PSOCKADDR}: the glue casts nothing,
 * so a handler that needs the port tests for {@code InetSocketAddress} itself.
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
public @interface OnAddressComplete {}
