package io.wsk4j.conformance;

/** The transports every conformance test runs on. */
enum Transport {
    NIO {
        @Override
        Network open(int peerReceiveBuffer) throws Exception {
            return new NioNetwork(peerReceiveBuffer);
        }
    },
    SIM {
        @Override
        Network open(int peerReceiveBuffer) {
            return new SimulatedNetwork(Long.getLong("wsk4j.sim.seed", 1L));
        }
    };

    /** {@return a fresh network; {@code peerReceiveBuffer} bytes for the peers' receive buffers, 0 for the default} */
    abstract Network open(int peerReceiveBuffer) throws Exception;

    Network open() throws Exception {
        return open(0);
    }
}
