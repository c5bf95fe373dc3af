/**
 * The simulated transport: a TCP network in memory, one thread, a virtual clock, and every choice the network makes
 * taken from one seed (after FoundationDB's simulated network and TigerBeetle's simulator). Both ends of every
 * connection live here; the engine's sockets see {@link io.wsk4j.transport.StreamEndpoint}s, and the test's peers see
 * {@link io.wsk4j.transport.sim.Wire} ends, which behave on the wire as a plain {@code java.net.Socket} does.
 *
 * <p>What it follows of Linux's TCP, as a user's peer sees it: bytes arrive in order and are never lost; FIN after
 * every byte; an RST discards what the receiver has not read and fails its next read; writes stay pending while the
 * peer's window is full; a close with unread received bytes resets instead of sending FIN. Nothing here iterates a
 * hash-ordered collection, reads a wall clock or starts a thread, so the same seed gives the same run.
 */
package io.wsk4j.transport.sim;
