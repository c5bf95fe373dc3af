package io.wsk4j.transport.sim;

import io.wsk4j.NtStatus;
import io.wsk4j.transport.NameResolver;
import java.net.InetAddress;
import java.util.List;

/**
 * A simulated world's resolver (SPEC N1, S3): names come from the world's table ({@link SimNetwork#addName}), never
 * from DNS, and each answer arrives after a delay the seed draws (1 to 20 ms of virtual time), as a delivery does: a
 * {@code runUntilIdle()} runs it.
 */
final class SimNames implements NameResolver {
    private static final long MIN_DELAY_NANOS = 1_000_000L;
    private static final int DELAY_SPREAD_MICROS = 19_000;

    private final SimNetwork network;

    SimNames(SimNetwork network) {
        this.network = network;
    }

    @Override
    public void resolve(String node, Answer answer) {
        network.checkThread("A name request on a simulated provider");
        long delay = MIN_DELAY_NANOS + network.random.nextInt(DELAY_SPREAD_MICROS + 1) * 1000L;
        network.note("resolver", "resolving " + node);
        network.clock.at(network.clock.now() + delay, () -> {
            List<InetAddress> addresses = network.lookUp(node);
            if (addresses == null) {
                network.note("resolver", node + " not found");
                answer.failed(NtStatus.NOT_FOUND);
            } else {
                network.note("resolver", node + " resolved to " + addresses.size() + " address(es)");
                answer.resolved(addresses);
            }
        });
    }

    @Override
    public void close() {
        // nothing runs but the world's own thread
    }
}
