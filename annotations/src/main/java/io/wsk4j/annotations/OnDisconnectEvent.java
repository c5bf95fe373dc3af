package io.wsk4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the disconnect event handler (WskDisconnectEvent, SPEC P4, E2) of the sockets whose context type is
 * {@code C}: the peer disconnected, {@code GRACEFUL} for its FIN, {@code ABORTIVE} for its reset.
 *
 * <p>Accepted shape: {@code void m(DisconnectMode how, C context)} (WSK requires SUCCESS, so there is nothing to
 * return).
 *
 * <p>The event handlers of one class with the same context type form one {@code WskClientConnectionDispatch<C>},
 * returned by the generated {@code clientDispatch()} and enabled on sockets made by the generated {@code connect}
 * and {@code listen} methods; {@code enableEvents(WskSocket)} enables them on a socket made another way.
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
public @interface OnDisconnectEvent {}
