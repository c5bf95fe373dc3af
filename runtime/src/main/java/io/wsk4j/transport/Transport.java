package io.wsk4j.transport;

import io.wsk4j.NtStatus;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/** A way to move bytes: endpoints, a poller per loop, the threads the loops run on, and how a failure reads. */
public interface Transport {
    /** {@return a poller for one loop of the engine; {@code host} is that loop} */
    Poller openPoller(LoopHost host) throws IOException;

    /** {@return a new, unbound, unconnected stream endpoint} */
    StreamEndpoint openStream() throws IOException;

    /** {@return a new, unbound listening endpoint} */
    ListenEndpoint openListener() throws IOException;

    /** {@return a new, unbound datagram endpoint (SPEC G)} */
    DatagramEndpoint openDatagram() throws IOException;

    /** {@return the NTSTATUS for a failure of this transport (SPEC X3): no exception ever reaches the caller} */
    NtStatus statusOf(Throwable failure);

    /**
     * {@return the thread a loop runs on} NIO makes a daemon thread for {@code loop}, which the engine starts; a
     * simulation returns the thread that drives it and never runs {@code loop}: it turns the loop itself.
     */
    Thread loopThread(Runnable loop, String name);

    /** {@return whether {@link #loopThread} threads are the transport's own, to start and to join} */
    boolean ownsLoopThreads();

    /**
     * Waits until {@code done} or {@code timeoutNanos} passed; the engine notifies {@code monitor} when what
     * {@code done} reads changes. A simulation instead runs its world until then, in virtual time.
     *
     * @return whether {@code done} became true
     */
    boolean await(Object monitor, BooleanSupplier done, long timeoutNanos) throws InterruptedException;

    /**
     * {@return a resolver of host names for one provider (SPEC N1), which the provider makes at its first name request
     * and closes with itself; null if this transport resolves no names (the request then completes NOT_SUPPORTED)}
     */
    default NameResolver openResolver(LoopHost reporter) {
        return null;
    }

    /** {@return whether {@link #failsAllocation()} can ever be true; read once, so that no fault costs nothing} */
    default boolean injectsFaults() {
        return false;
    }

    /**
     * {@return whether the provider runs out of memory for this request now} A simulation's fault plan makes it
     * happen at a seeded rate, as Driver Verifier's low-resources simulation does: the dispatch call then completes
     * INSUFFICIENT_RESOURCES without touching the socket.
     */
    default boolean failsAllocation() {
        return false;
    }
}
