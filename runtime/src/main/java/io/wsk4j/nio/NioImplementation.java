package io.wsk4j.nio;

import io.wsk4j.Irp;
import io.wsk4j.WskAccept;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskErrorHandler;
import io.wsk4j.WskEvent;
import io.wsk4j.WskProvider;
import io.wsk4j.spi.VerifierSettings;
import io.wsk4j.spi.WskImplementation;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;

/** The NIO provider's entry: the only public class of this package (found by {@link java.util.ServiceLoader}). */
public final class NioImplementation extends WskImplementation {
    /** For {@link java.util.ServiceLoader}; use {@link WskImplementation#instance()}. */
    public NioImplementation() {}

    @Override
    public Irp newIrp() {
        IrpCore irp = new IrpCore();
        // one volatile read when no verifier is open; while one is, every allocation in the JVM is watched (SPEC V1)
        Verifier verifier = Verifiers.latest();
        if (verifier != null) {
            irp.trace = IrpTrace.watchAllocation(irp, verifier); // SPEC V1
        }
        return irp;
    }

    @Override
    public Irp newPooledIrp() {
        return new IrpCore(); // the pool's own: never reported as leaked
    }

    @Override
    public WskBuf newBuf(ByteBuffer... buffers) {
        return new BufferChain(buffers);
    }

    @Override
    public <A> WskAccept accept(A context, WskClientConnectionDispatch<A> dispatch, Set<WskEvent> events) {
        return new AcceptDecision<>(context, dispatch, events);
    }

    @Override
    public WskAccept reject() {
        return AcceptDecision.REJECT;
    }

    @Override
    public WskProvider openProvider(int ioThreads, Duration closeTimeout, WskErrorHandler errorHandler) {
        return new NioProvider(ioThreads, closeTimeout, errorHandler, null);
    }

    @Override
    public WskProvider openProvider(
            int ioThreads, Duration closeTimeout, WskErrorHandler errorHandler, VerifierSettings verifier) {
        return new NioProvider(ioThreads, closeTimeout, errorHandler, verifier);
    }
}
