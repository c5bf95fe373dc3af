/**
 * The NIO transport: real sockets through {@code java.nio.channels}, one {@code Selector} per loop. Every NIO trap the
 * engine must not know about lives here (docs/DESIGN.md, "NIO traps"): an abortive close cancels the key, sets
 * SO_LINGER 0 and closes, and the RST leaves only at the next select, so {@link
 * io.wsk4j.transport.StreamEndpoint#close} says so and the engine holds what must follow it; a close after our FIN
 * lingers ({@link io.wsk4j.transport.nio.LingeringClose}); readiness is level-triggered.
 */
package io.wsk4j.transport.nio;
