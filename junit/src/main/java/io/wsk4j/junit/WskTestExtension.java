package io.wsk4j.junit;

import io.wsk4j.WskProvider;
import io.wsk4j.WskVerifierReport;
import io.wsk4j.sim.FaultPlan;
import io.wsk4j.sim.WskSimulation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * What {@link WskTest} does: one invocation per seed, each with its own simulation, checked after the test. Public
 * only because an annotation's {@code @ExtendWith} must name it; use {@link WskTest}.
 */
public final class WskTestExtension implements TestTemplateInvocationContextProvider {
    /** For JUnit, which makes it for {@link WskTest}. */
    public WskTestExtension() {}

    static final String SEED_PROPERTY = "wsk4j.sim.seed";
    static final String SEEDS_PROPERTY = "wsk4j.sim.seeds";

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(WskTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        WskTest settings = method.getAnnotation(WskTest.class);
        FaultPlan faults = faults(context.getRequiredTestClass(), settings.faults());
        String replay = System.getProperty(SEED_PROPERTY);
        LongStream seeds;
        if (replay != null) {
            seeds = LongStream.of(parse(SEED_PROPERTY, replay));
        } else {
            int count = Integer.getInteger(SEEDS_PROPERTY, settings.seeds());
            if (count < 1) {
                throw new ExtensionConfigurationException("@WskTest on " + method.getName() + " runs over "
                        + count + " seeds: give seeds = 1 or more");
            }
            seeds = LongStream.range(0, count).map(i -> settings.seed() + i);
        }
        return seeds.mapToObj(seed -> new Run(seed, faults, settings.verifier()));
    }

    private static long parse(String property, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException("-D" + property + "=" + value + " is not a number: give the"
                    + " seed a failing run printed", e);
        }
    }

    /** The fault plan from the test class's static method {@code name}, or none. */
    private static FaultPlan faults(Class<?> testClass, String name) {
        if (name.isEmpty()) {
            return FaultPlan.none();
        }
        Method factory;
        try {
            factory = testClass.getDeclaredMethod(name);
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException("@WskTest(faults = \"" + name + "\"): " + testClass.getName()
                    + " has no method " + name + "() without parameters; add a static method that returns a"
                    + " FaultPlan", e);
        }
        if (!Modifier.isStatic(factory.getModifiers()) || factory.getReturnType() != FaultPlan.class) {
            throw new ExtensionConfigurationException("@WskTest(faults = \"" + name + "\"): " + name + "() must be"
                    + " static and return FaultPlan");
        }
        try {
            factory.setAccessible(true);
            return (FaultPlan) factory.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("@WskTest(faults = \"" + name + "\"): " + name + "() failed",
                    e);
        }
    }

    /** One seed's run. */
    private static final class Run implements TestTemplateInvocationContext {
        private final long seed;
        private final FaultPlan faults;
        private final boolean verifier;

        Run(long seed, FaultPlan faults, boolean verifier) {
            this.seed = seed;
            this.faults = faults;
            this.verifier = verifier;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "seed " + seed;
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new World(seed, faults, verifier));
        }
    }

    /**
     * The simulation of one run: made before the test asks for it, checked and closed after it. A failure, the test's
     * own or the check's, carries the seed and how to replay it.
     */
    static final class World implements ParameterResolver, AfterTestExecutionCallback, TestExecutionExceptionHandler {
        private final long seed;
        private final FaultPlan faults;
        private final boolean verifying;
        private final List<WskVerifierReport> reports = new ArrayList<>();
        private WskSimulation sim;

        World(long seed, FaultPlan faults, boolean verifying) {
            this.seed = seed;
            this.faults = faults;
            this.verifying = verifying;
        }

        private WskSimulation simulation() {
            if (sim == null) {
                sim = verifying ? WskSimulation.seeded(seed, faults, reports::add) : WskSimulation.seeded(seed, faults);
            }
            return sim;
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == WskSimulation.class || type == WskProvider.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == WskSimulation.class ? simulation() : simulation().provider();
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            failure.addSuppressed(new ReplaySeed(replayText()));
            closeQuietly(failure);
            throw failure;
        }

        @Override
        public void afterTestExecution(ExtensionContext context) {
            if (sim == null || context.getExecutionException().isPresent()) {
                return; // the handler above closed it
            }
            List<String> problems = new ArrayList<>();
            if (sim.now().isZero() && sim.provider().openSocketCount() > 0) {
                problems.add("the simulation never ran: drive it with runUntilIdle(), runFor(duration) or"
                        + " runUntil(condition, bound) before checking what happened");
            }
            long pending = sim.provider().stats().pendingTotal();
            if (pending > 0) {
                problems.add(pending + " IRP(s) still pending at the end of the test, by operation "
                        + sim.provider().stats().pendingIrps() + ": complete, cancel or close what the test started"
                        + " (SPEC I1)");
            }
            int open = sim.provider().openSocketCount();
            if (open > 0) {
                problems.add(open + " socket(s) left open: close every socket the test made (SPEC C6); where"
                        + " each was made follows");
            }
            try {
                sim.close(); // closes what was left open; with the verifier on it reports where each was made (V3)
            } catch (RuntimeException e) {
                problems.add("closing the simulation failed: " + e);
            }
            for (WskVerifierReport report : reports) {
                problems.add("verifier: " + report);
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(String.join("\n", problems) + "\n" + replayText());
            }
        }

        private void closeQuietly(Throwable failure) {
            if (sim == null) {
                return;
            }
            try {
                sim.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }

        private String replayText() {
            String trace = sim == null ? "" : tail(sim.trace(), 40);
            return "wsk4j simulation " + (sim == null ? "seed " + seed + ", faults " + faults : sim.replay())
                    + "\nreplay this run alone with -D" + SEED_PROPERTY + "=" + seed
                    + (trace.isEmpty() ? "" : "\nthe trace's last lines:\n" + trace);
        }

        private static String tail(String text, int lines) {
            String[] all = text.split("\n", -1);
            int from = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
        }
    }

    /** Carries the seed of a failing run into the failure's report. */
    static final class ReplaySeed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReplaySeed(String message) {
            super(message, null, false, false);
        }
    }
}
