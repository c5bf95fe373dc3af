package io.wsk4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import io.wsk4j.sim.FaultPlan;
import io.wsk4j.sim.SimPeerListener;
import io.wsk4j.sim.WskSimulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.TestExecutionResult;

/** What {@link WskTest} does, seen by running small test classes through the JUnit launcher. */
class WskTestExtensionTest {
    @Test
    @DisplayName("S2 S6 a @WskTest runs once per seed, each with its own simulation")
    void runsOncePerSeed() {
        Outcomes outcomes = run(Sample.class, "threeSeeds");
        assertEquals(List.of("seed 10", "seed 11", "seed 12"), outcomes.passed, outcomes.toString());
        assertEquals(List.of(10L, 11L, 12L), Sample.seen);
    }

    @Test
    @DisplayName("S3 S6 a failing run names its seed and the system property that replays it")
    void failureNamesItsSeed() {
        Outcomes outcomes = run(Sample.class, "failsOnSeedFive");
        assertEquals(List.of("seed 3", "seed 4", "seed 6"), outcomes.passed, outcomes.toString());
        assertEquals(1, outcomes.failed.size(), outcomes.toString());
        String report = outcomes.failed.get(0);
        assertTrue(report.contains("seed 5") && report.contains("-Dwsk4j.sim.seed=5"), report);
    }

    @Test
    @DisplayName("S3 S6 -Dwsk4j.sim.seed replays one run alone")
    void propertyReplaysOneSeed() {
        System.setProperty(WskTestExtension.SEED_PROPERTY, "5");
        try {
            Outcomes outcomes = run(Sample.class, "failsOnSeedFive");
            assertEquals(List.of(), outcomes.passed, outcomes.toString());
            assertEquals(1, outcomes.failed.size(), outcomes.toString());
        } finally {
            System.clearProperty(WskTestExtension.SEED_PROPERTY);
        }
    }

    @Test
    @DisplayName("C6 V3 a test that leaves a socket open fails, saying where the socket was made")
    void openSocketFails() {
        Outcomes outcomes = run(Sample.class, "leavesSocketOpen");
        assertEquals(1, outcomes.failed.size(), outcomes.toString());
        String report = outcomes.failed.get(0);
        assertTrue(report.contains("1 socket(s) left open"), report);
        assertTrue(report.contains("Sample.leavesSocketOpen"), "the place it was made: " + report);
    }

    @Test
    @DisplayName("S1 a test that never runs the simulation fails with a message, not a hang")
    void neverRunFails() {
        Outcomes outcomes = run(Sample.class, "neverRuns");
        assertEquals(1, outcomes.failed.size(), outcomes.toString());
        assertTrue(outcomes.failed.get(0).contains("the simulation never ran"), outcomes.toString());
    }

    @Test
    @DisplayName("S3 the fault plan comes from the method @WskTest names")
    void faultPlanFromMethod() {
        Outcomes outcomes = run(Sample.class, "withFaults");
        assertEquals(List.of("seed 1"), outcomes.passed, outcomes.toString());
    }

    /** Test classes run by the launcher above, never by the build itself (a nested class). */
    static class Sample {
        static final List<Long> seen = new ArrayList<>();

        @WskTest(seeds = 3, seed = 10)
        void threeSeeds(WskSimulation sim) {
            seen.add(sim.seed());
            sim.runUntilIdle();
        }

        @WskTest(seeds = 4, seed = 3)
        void failsOnSeedFive(WskSimulation sim) {
            sim.runUntilIdle();
            assertTrue(sim.seed() != 5, "a bug that only seed 5 shows");
        }

        @WskTest
        void leavesSocketOpen(WskSimulation sim, WskProvider provider) {
            SimPeerListener peer = sim.listen();
            Irp connect = Irp.allocate();
            connect.setCompletionRoutine((irp, ignored) -> NtStatus.MORE_PROCESSING_REQUIRED, null, true, true, true);
            provider.socketConnect(peer.address(), null, null, connect);
            sim.runUntilIdle();
            WskSocket socket = connect.socket();
            assertTrue(socket != null);
            connect.free();
        }

        @WskTest
        void neverRuns(WskSimulation sim) {
            Irp connect = Irp.allocate();
            connect.setCompletionRoutine((irp, ignored) -> {
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, null, true, true, true);
            sim.provider().socketConnect(sim.listen().address(), null, null, connect);
        }

        @WskTest(faults = "refuseEverything")
        void withFaults(WskSimulation sim) {
            List<NtStatus> statuses = new ArrayList<>();
            Irp connect = Irp.allocate();
            connect.setCompletionRoutine((irp, list) -> {
                list.add(irp.status());
                irp.free();
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, statuses, true, true, true);
            sim.provider().socketConnect(sim.listen().address(), null, null, connect);
            sim.runUntilIdle();
            assertEquals(List.of(NtStatus.CONNECTION_REFUSED), statuses);
        }

        static FaultPlan refuseEverything() {
            return FaultPlan.none().refuseConnects(1.0);
        }
    }

    private static Outcomes run(Class<?> testClass, String method) {
        Sample.seen.clear();
        java.lang.reflect.Method selected = java.util.Arrays.stream(testClass.getDeclaredMethods())
                .filter(m -> m.getName().equals(method)).findFirst().orElseThrow();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(testClass, selected))
                .build();
        Outcomes outcomes = new Outcomes();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, outcomes);
        return outcomes;
    }

    /** The invocations' results: passed ones by display name, failed ones as their whole report. */
    private static final class Outcomes implements TestExecutionListener {
        final List<String> passed = new ArrayList<>();
        final List<String> failed = new ArrayList<>();

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                return;
            }
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                passed.add(id.getDisplayName());
            } else {
                Throwable failure = result.getThrowable().orElseThrow();
                StringBuilder report = new StringBuilder(id.getDisplayName() + ": " + failure);
                for (Throwable suppressed : failure.getSuppressed()) {
                    report.append("\n").append(suppressed.getMessage());
                }
                failed.add(report.toString());
            }
        }

        @Override
        public String toString() {
            return "passed " + passed + ", failed " + failed;
        }
    }
}
