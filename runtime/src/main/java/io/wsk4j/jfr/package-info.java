/**
 * The JDK Flight Recorder events of disconnects and closes (SPEC R3), and the only code of the runtime that names a
 * {@code jdk.jfr} type. The engine observes itself into them through {@link io.wsk4j.jfr.FlightRecorder}.
 */
package io.wsk4j.jfr;
