package io.wsk4j.transport.sim;

import io.wsk4j.NtStatus;
import io.wsk4j.transport.DatagramEndpoint;
import io.wsk4j.transport.ExceptionStatus;
import io.wsk4j.transport.ListenEndpoint;
import io.wsk4j.transport.LoopHost;
import io.wsk4j.transport.Poller;
import io.wsk4j.transport.StreamEndpoint;
import io.wsk4j.transport.Transport;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/** The engine's transport in a simulated world: its loops are turned by the world's driving thread. */
public final class SimTransport implements Transport {
    private final SimNetwork network;

    public SimTransport(SimNetwork network) {
        this.network = network;
    }

    @Override
    public Poller openPoller(LoopHost host) {
        SimPoller poller = new SimPoller(network, host);
        network.add(poller);
        return poller;
    }

    @Override
    public StreamEndpoint openStream() throws IOException {
        network.checkThread("A dispatch call on a simulated provider");
        if (Faults.happens(network.random, network.faults.allocationFailureRate)) {
            network.note("provider", "making a socket failed: out of memory (fault)");
            throw new IOException("Cannot allocate memory (the fault plan's allocation failures)");
        }
        return new SimStream(network, network.newWire());
    }

    @Override
    public ListenEndpoint openListener() throws IOException {
        network.checkThread("A dispatch call on a simulated provider");
        if (Faults.happens(network.random, network.faults.allocationFailureRate)) {
            network.note("provider", "making a listening socket failed: out of memory (fault)");
            throw new IOException("Cannot allocate memory (the fault plan's allocation failures)");
        }
        return new SimListen(network);
    }

    @Override
    public DatagramEndpoint openDatagram() throws IOException {
        network.checkThread("A dispatch call on a simulated provider");
        if (Faults.happens(network.random, network.faults.allocationFailureRate)) {
            network.note("provider", "making a datagram socket failed: out of memory (fault)");
            throw new IOException("Cannot allocate memory (the fault plan's allocation failures)");
        }
        return new SimDatagram(network);
    }

    @Override
    public NtStatus statusOf(Throwable failure) {
        return ExceptionStatus.of(failure);
    }

    @Override
    public Thread loopThread(Runnable loop, String name) {
        return network.owner();
    }

    @Override
    public boolean ownsLoopThreads() {
        return false;
    }

    @Override
    public boolean await(Object monitor, BooleanSupplier done, long timeoutNanos) {
        return network.await(done, timeoutNanos);
    }

    @Override
    public boolean injectsFaults() {
        return network.faults.allocationFailureRate > 0;
    }

    @Override
    public boolean failsAllocation() {
        if (Faults.happens(network.random, network.faults.allocationFailureRate)) {
            network.note("provider", "a request failed: out of memory (fault)");
            return true;
        }
        return false;
    }

    @Override
    public io.wsk4j.transport.NameResolver openResolver(LoopHost reporter) {
        return new SimNames(network);
    }

    @Override
    public String toString() {
        return "simulated network, seed " + network.seed();
    }
}
