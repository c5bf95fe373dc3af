package io.wsk4j.spi;

import io.wsk4j.Irp;
import io.wsk4j.WskAccept;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskErrorHandler;
import io.wsk4j.WskEvent;
import io.wsk4j.WskProvider;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The one entry from the API to an implementation, after {@link java.nio.channels.spi.SelectorProvider}: the static
 * factories of {@code io.wsk4j} ({@link Irp#allocate()}, {@link WskBuf#of}, {@link WskAccept}, {@link WskProvider})
 * ask it for their objects, so that the API names no implementation class. The runtime ships one implementation, the
 * NIO provider; it is found with {@link ServiceLoader}, once.
 */
public abstract class WskImplementation {
    /** For the one implementation class, which {@link ServiceLoader} instantiates. */
    protected WskImplementation() {}

    /** {@return the implementation the API's factories use} */
    public static WskImplementation instance() {
        return Holder.INSTANCE;
    }

    /** {@return a new IRP (IoAllocateIrp)} */
    public abstract Irp newIrp();

    /**
     * A new IRP that an {@link io.wsk4j.IrpPool} owns: a verifier does not report it as leaked when the pool, full,
     * lets the collector have it (SPEC V1 is about IRPs the application allocated).
     *
     * @return a new IRP for a pool
     */
    public Irp newPooledIrp() {
        return newIrp();
    }

    /**
     * {@return a WskBuf over {@code buffers}, in order}
     *
     * @param buffers as given to {@link WskBuf#of}
     */
    public abstract WskBuf newBuf(ByteBuffer... buffers);

    /**
     * {@return an accept event's answer that keeps the socket with {@code context}, its {@code events} enabled}
     *
     * @param <A> the accepted socket's context type
     * @param context the accepted socket's context
     * @param dispatch the accepted socket's event callbacks, or null
     * @param events the callbacks to enable before any data is read
     */
    public abstract <A> WskAccept accept(A context, WskClientConnectionDispatch<A> dispatch, Set<WskEvent> events);

    /** {@return an accept event's answer that rejects the connection} */
    public abstract WskAccept reject();

    /**
     * {@return a started provider with these settings}
     *
     * @param ioThreads the number of I/O threads
     * @param closeTimeout how long a close waits for the transport, and {@link WskProvider#close()} for sockets
     * @param errorHandler where problems on the I/O threads are reported
     */
    public abstract WskProvider openProvider(int ioThreads, Duration closeTimeout, WskErrorHandler errorHandler);

    /**
     * Starts a provider with these settings and, if {@code verifier} is not null, its verifier (SPEC V). An
     * implementation without a verifier refuses one.
     *
     * @param ioThreads the number of I/O threads
     * @param closeTimeout how long a close waits for the transport, and {@link WskProvider#close()} for sockets
     * @param errorHandler where problems on the I/O threads are reported
     * @param verifier the verifier's settings, or null for none
     * @return a started provider
     */
    public WskProvider openProvider(
            int ioThreads, Duration closeTimeout, WskErrorHandler errorHandler, VerifierSettings verifier) {
        if (verifier != null) {
            throw new UnsupportedOperationException(getClass().getName() + " has no verifier");
        }
        return openProvider(ioThreads, closeTimeout, errorHandler);
    }

    private static final class Holder {
        static final WskImplementation INSTANCE = load();

        private static WskImplementation load() {
            Iterator<WskImplementation> found =
                    ServiceLoader.load(WskImplementation.class, WskImplementation.class.getClassLoader()).iterator();
            if (!found.hasNext()) {
                throw new IllegalStateException("No wsk4j implementation found: the wsk4j-runtime jar is incomplete"
                        + " (META-INF/services/io.wsk4j.spi.WskImplementation is missing); use the published jar");
            }
            return found.next();
        }
    }
}
