package io.wsk4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the completion handler of a listen (WskSocket with WSK_FLAG_LISTEN_SOCKET, SPEC P5) for the listening
 * sockets whose context type is {@code L}. With it, the generated dispatch class gets
 * {@code listen(WskProvider, SocketAddress, L)}: the glue owns the IRP, and the handler learns whether the socket
 * listens and gets the listening socket, which it closes when it no longer wants connections.
 *
 * <p>Accepted shape: {@code void m(NtStatus status, WskListenSocket listener, L context)}; the listener is null on failure
 * (an address in use completes {@code STATUS_ADDRESS_ALREADY_EXISTS}). The class must also have an
 * {@link OnAcceptEvent} handler for {@code L}: that is where the listening socket's connections go.
 *
 * <p>Without this handler, the only listen start method is {@code listen(WskProvider, SocketAddress, Irp, L)}, the
 * faithful form: the caller sets the IRP's completion routine and finds the listening socket in
 * {@code irp.listenSocket()}. A listen that could report neither its failure nor its socket is never generated.
 *
 * <p>The method must be neither private nor static, and its class must be a non-private top-level class or a
 * non-private static nested class (SPEC P2). The last parameter is the context: any reference type, never a
 * primitive. A method carries one handler annotation.
 *
 * <p>Local and anonymous classes are invisible to annotation processors: an annotated method in one of them is
 * silently ignored, so declare handlers in a named class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnListenComplete {}
