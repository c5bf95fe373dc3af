package io.wsk4j.conformance;

/** The transports every conformance test runs on. */
enum Transport {
    NIO {
        @Override
        Network open(int peerReceiveBuffer, int ioThreads) throws Exception {
            return new NioNetwork(peerReceiveBuffer, ioThreads);
        }
    },
    SIM {
        @Override
        Network open(int peerReceiveBuffer, int ioThreads) {
            return new SimulatedNetwork(Long.getLong("wsk4j.sim.seed", 1L)); // one loop, whatever is asked
        }
    };

    /**
     * {@return a fresh network; {@code peerReceiveBuffer} bytes for the peers' receive buffers (0 for the default; a
     * simulation takes its sizes from the seed), {@code ioThreads} I/O threads (a simulation has one loop)}
     */
    abstract Network open(int peerReceiveBuffer, int ioThreads) throws Exception;

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
