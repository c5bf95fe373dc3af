/**
 * The verifier (SPEC V): call sites, the traces of IRPs and sockets, the watchdog of blocked I/O threads, and the
 * reports. It watches a provider through {@link io.wsk4j.verify.VerifiedProvider} and the engine's hooks, each a null
 * check of a field that stays null without a verifier.
 */
package io.wsk4j.verify;
