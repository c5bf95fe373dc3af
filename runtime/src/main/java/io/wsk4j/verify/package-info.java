/**
 * The verifier (SPEC V): call sites, the traces of IRPs and sockets, the watchdog of blocked I/O threads, and the
 * reports. It knows no engine class: it sees a provider through {@link io.wsk4j.verify.VerifiedProvider}, and the
 * engine's observer for the verifier ({@code io.wsk4j.engine.VerifyingObserver}, made only for a provider with the
 * verifier on) turns what the engine does into calls here.
 */
package io.wsk4j.verify;
