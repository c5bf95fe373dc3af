package io.wsk4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the accept event handler (WskAcceptEvent, SPEC P4) of the listening sockets whose context type is
 * {@code L}. The generated dispatch class gets {@code listen(WskProvider, SocketAddress, Irp, L)}, whose caller sets
 * the IRP's completion routine and finds the listening socket in {@code irp.socket()}; with an
 * {@link OnListenComplete} handler for {@code L} as well, it also gets {@code listen(WskProvider, SocketAddress, L)},
 * which reports the listen's status and socket to that handler (SPEC P5).
 *
 * <p>Accepted shape: {@code A m(WskSocket accepted, SocketAddress remote, L listenContext)}, returning the accepted
 * socket's context, or null to reject the connection (the peer is reset, REQUEST_NOT_ACCEPTED). The class's event
 * handlers whose context type is {@code A} become the accepted socket's client dispatch, with their events enabled
 * before any data is read.
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
public @interface OnAcceptEvent {}
