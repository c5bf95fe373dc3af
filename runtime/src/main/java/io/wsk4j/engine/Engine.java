package io.wsk4j.engine;

import io.wsk4j.Irp;
import io.wsk4j.WskAccept;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskErrorHandler;
import io.wsk4j.WskEvent;
import io.wsk4j.WskProvider;
import io.wsk4j.spi.VerifierSettings;
import io.wsk4j.transport.Transport;
import io.wsk4j.verify.IrpTrace;
import io.wsk4j.verify.Verifier;
import io.wsk4j.verify.Verifiers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;

/**
 * The engine's door: the objects the API's factories hand out, and a provider over a given transport. Everything else
 * in this package is package-private.
 */
public final class Engine {
    private Engine() {}

    /** {@return a new IRP (IoAllocateIrp); while a verifying provider is open it is watched for leaks (SPEC V1)} */
    public static Irp newIrp() {
        IrpCore irp = new IrpCore();
        // one volatile read when no verifier is open; while one is, every allocation in the JVM is watched (SPEC V1)
        Verifier verifier = Verifiers.latest();
        if (verifier != null) {
            irp.trace = IrpTrace.watchAllocation(irp, verifier); // SPEC V1
        }
        return irp;
    }

    /** {@return a new IRP for an {@link io.wsk4j.IrpPool}: the pool's own, never reported as leaked} */
    public static Irp newPooledIrp() {
        return new IrpCore();
    }

    /** {@return a WskBuf over {@code buffers}} */
    public static WskBuf newBuf(ByteBuffer... buffers) {
        return new BufferChain(buffers);
    }

    /** {@return an accept event's answer that keeps the connection} */
    public static <A> WskAccept accept(A context, WskClientConnectionDispatch<A> dispatch, Set<WskEvent> events) {
        return new AcceptDecision<>(context, dispatch, events);
    }

    /** {@return an accept event's answer that rejects the connection} */
    public static WskAccept reject() {
        return AcceptDecision.REJECT;
    }

    /**
     * {@return a started provider whose sockets live on {@code transport}}
     *
     * @param verifier the verifier's settings, or null for none (SPEC V)
     */
    public static WskProvider openProvider(Transport transport, int ioThreads, Duration closeTimeout,
            WskErrorHandler errorHandler, VerifierSettings verifier) {
        return new EngineProvider(transport, ioThreads, closeTimeout, errorHandler, verifier, null);
    }

    /**
     * {@return a started provider on {@code transport} whose completions {@code observer} sees}
     *
     * @param observer told of every completion of a socket's IRP, before its routine runs
     */
    public static WskProvider openProvider(Transport transport, int ioThreads, Duration closeTimeout,
            WskErrorHandler errorHandler, VerifierSettings verifier, CompletionObserver observer) {
        return new EngineProvider(transport, ioThreads, closeTimeout, errorHandler, verifier, observer);
    }
}
