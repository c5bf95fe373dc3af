package io.wsk4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the receive-from event handler (WskReceiveFromEvent, SPEC P4, G3) of the datagram sockets whose context type
 * is {@code C}.
 *
 * <p>Accepted shape: {@code void m(WskBuf datagram, SocketAddress source, C context)}: one datagram per call, with its
 * sender. {@code datagram} is valid only during the call: copy what you keep or send (SPEC B4). There is nothing to
 * return: WSK's receive-from event takes every datagram it is given. A receiveFrom IRP that is waiting takes a
 * datagram before the event (SPEC G3).
 *
 * <p>The handler becomes the {@code WskClientDatagramDispatch<C>} returned by the generated {@code datagramDispatch()}
 * ({@code datagramDispatchFor<Context>()} when the class has several). The generated
 * {@code datagramSocket(WskProvider, Irp, C)} makes a datagram socket with it, completing the caller's IRP, whose
 * routine finds the socket in {@code irp.datagramSocket()}; the event is off until
 * {@code enableDatagramEvents(WskDatagramSocket)} enables it (SPEC E1), before or after bind.
 *
 * <p>The method must be neither private nor static, and its class must be a non-private top-level class or a
 * non-private static nested class (SPEC P2): the generated {@code <SimpleName>Dispatch} class lives in the same
 * package and calls the method directly. The last parameter is the context: any reference type, parameterized
 * types and the class's own type variables included, never a primitive. A method carries one handler annotation.
 *
 * <p>Local and anonymous classes are invisible to annotation processors: an annotated method in one of them is
 * silently ignored, so declare handlers in a named class.
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive_from_event">
 *     WskReceiveFromEvent on learn.microsoft.com</a>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnReceiveFromEvent {}
