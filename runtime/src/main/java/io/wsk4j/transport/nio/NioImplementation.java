package io.wsk4j.transport.nio;

import io.wsk4j.Irp;
import io.wsk4j.WskAccept;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskErrorHandler;
import io.wsk4j.WskEvent;
import io.wsk4j.WskProvider;
import io.wsk4j.engine.Engine;
import io.wsk4j.spi.VerifierSettings;
import io.wsk4j.spi.WskImplementation;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;

/** The runtime's implementation: the engine on the NIO transport (found by {@link java.util.ServiceLoader}). */
public final class NioImplementation extends WskImplementation {
    /** For {@link java.util.ServiceLoader}; use {@link WskImplementation#instance()}. */
    public NioImplementation() {}

    @Override
    public Irp newIrp() {
        return Engine.newIrp();
    }

    @Override
    public Irp newPooledIrp() {
        return Engine.newPooledIrp();
    }

    @Override
    public WskBuf newBuf(ByteBuffer... buffers) {
        return Engine.newBuf(buffers);
    }

    @Override
    public <A> WskAccept accept(A context, WskClientConnectionDispatch<A> dispatch, Set<WskEvent> events) {
        return Engine.accept(context, dispatch, events);
    }

    @Override
    public WskAccept reject() {
        return Engine.reject();
    }

    @Override
    public WskProvider openProvider(int ioThreads, Duration closeTimeout, WskErrorHandler errorHandler) {
        return Engine.openProvider(new NioTransport(), ioThreads, closeTimeout, errorHandler, null);
    }

    @Override
    public WskProvider openProvider(
            int ioThreads, Duration closeTimeout, WskErrorHandler errorHandler, VerifierSettings verifier) {
        return Engine.openProvider(new NioTransport(), ioThreads, closeTimeout, errorHandler, verifier);
    }
}
