package io.wsk4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of WSK code on a simulated network: it runs once per seed, each run with a fresh {@link
 * io.wsk4j.sim.WskSimulation} (a parameter of that type, or {@link io.wsk4j.WskProvider} for its provider), the
 * verifier on. A run fails if the verifier reported anything, or if the test left sockets open or IRPs pending; a
 * failing run names its seed and the one system property that replays it, {@code -Dwsk4j.sim.seed=<seed>}.
 *
 * <pre>{@code
 * @WskTest(seeds = 200, faults = "resetsAndSlices")
 * void echoesEverything(WskSimulation sim) { ... }
 *
 * static FaultPlan resetsAndSlices() { return FaultPlan.none().splitReadsAndWrites(); }
 * }</pre>
 *
 * <p>System properties: {@code wsk4j.sim.seed} runs the one seed given (a replay); {@code wsk4j.sim.seeds} runs that
 * many seeds instead of {@link #seeds()} (a longer search, in a nightly build).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(WskTestExtension.class)
public @interface WskTest {
    /** {@return how many seeds the test runs over: {@link #seed()}, {@code seed() + 1}, ...} */
    int seeds() default 1;

    /** {@return the first seed} */
    long seed() default 1;

    /**
     * {@return the name of a static method of the test class that returns the {@link io.wsk4j.sim.FaultPlan}; empty
     * for none}
     */
    String faults() default "";

    /** {@return whether the verifier runs and its reports fail the test (SPEC V)} */
    boolean verifier() default true;
}
