/**
 * What the engine asks of a transport, and nothing else: the narrow interface between the WSK rules (package
 * {@code io.wsk4j.engine}) and whatever moves the bytes. Two transports implement it: {@code io.wsk4j.transport.nio}
 * (real sockets through Java NIO) and {@code io.wsk4j.transport.sim} (a network in memory, deterministic from one
 * seed). Not exported: users reach a transport through {@code io.wsk4j.WskProvider} or {@code io.wsk4j.sim}.
 *
 * <p>The shape follows a readiness-based loop, because that is what NIO gives: the engine says which readiness it
 * wants for an endpoint ({@link io.wsk4j.transport.Ready}), the {@link io.wsk4j.transport.Poller} reports it, and the
 * engine then reads or writes without blocking. Every method is called on the endpoint's loop thread only.
 */
package io.wsk4j.transport;
