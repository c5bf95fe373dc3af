package io.wsk4j.conformance;

/** The transports every conformance test runs on. */
enum Transport {
    NIO {
        @Override
        Network open(int peerReceiveBuffer, int ioThreads) throws Exception {
            return new NioNetwork(peerReceiveBuffer, ioThreads);
        }

        @Override
        Network openVerified(io.wsk4j.WskVerifierListener listener, boolean failsOnReport) throws Exception {
            return new NioNetwork(0, 1, builder -> builder.verifier(true).verifierListener(listener)
                    .verifierFailsOnReport(failsOnReport).verifierBlockingThreshold(java.time.Duration.ofSeconds(30))
                    .closeTimeout(java.time.Duration.ofMillis(100))); // V3 closes with a socket open: no long wait
        }
    },
    SIM {
        @Override
        Network open(int peerReceiveBuffer, int ioThreads) {
            return new SimulatedNetwork(seed()); // one loop, whatever is asked
        }

        @Override
        Network openVerified(io.wsk4j.WskVerifierListener listener, boolean failsOnReport) {
            return new SimulatedNetwork(io.wsk4j.sim.WskSimulation.seeded(seed(), io.wsk4j.sim.FaultPlan.none(),
                    listener, failsOnReport));
        }

        private long seed() {
            return Long.getLong("wsk4j.sim.seed", 1L);
        }
    };

    /**
     * {@return a fresh network; {@code peerReceiveBuffer} bytes for the peers' receive buffers (0 for the default; a
     * simulation takes its sizes from the seed), {@code ioThreads} I/O threads (a simulation has one loop)}
     */
    abstract Network open(int peerReceiveBuffer, int ioThreads) throws Exception;

    /**
     * {@return a network whose provider runs the verifier (SPEC V) with one I/O thread, reporting to {@code listener}}
     */
    abstract Network openVerified(io.wsk4j.WskVerifierListener listener, boolean failsOnReport) throws Exception;

    Network open(int peerReceiveBuffer) throws Exception {
        return open(peerReceiveBuffer, 2);
    }

    Network open() throws Exception {
        return open(0, 2);
    }

    /** {@return a network whose provider has one I/O thread, so that every socket shares it} */
    Network openOneIoThread() throws Exception {
        return open(0, 1);
    }
}
