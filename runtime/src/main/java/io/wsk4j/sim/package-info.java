/**
 * A simulated network for testing WSK code (SPEC S): {@link io.wsk4j.sim.WskSimulation#seeded(long)} makes a world in
 * memory whose provider obeys the same contract as the real one, whose peers behave on the wire as a plain
 * {@code java.net.Socket} does, and whose every choice (which ready socket runs next, how many bytes a write takes,
 * when bytes arrive, buffer sizes, the faults of a {@link io.wsk4j.sim.FaultPlan}) comes from one seed, so that a
 * failure replays exactly. It runs on the thread that drives it, in virtual time: a simulated second costs no wall
 * second.
 */
package io.wsk4j.sim;
