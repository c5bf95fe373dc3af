package io.wsk4j.benchmarks;

import io.wsk4j.IrpPool;
import io.wsk4j.WskProvider;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Starts and stops {@link GlueEcho} on its own provider, like {@link WskRawEchoServer}: same threads, same close
 * timeout, and its own {@link IrpPool} of the same size, so the two differ only in who wrote the dispatch code.
 */
final class WskGlueEchoServer implements EchoServer {
    private final ServerTally tally;
    private final WskProvider provider;
    private final WskListeners listeners;

    WskGlueEchoServer(int threads, int ports, ServerTally tally) throws InterruptedException {
        this.tally = tally;
        this.provider = WskProvider.builder()
                .ioThreads(threads)
                .closeTimeout(Duration.ofSeconds(2))
                .errorHandler(tally::error)
                .build();
        GlueEcho handlers = new GlueEcho(tally);
        GlueEchoDispatch glue = new GlueEchoDispatch(handlers, new IrpPool(1024));
        handlers.glue = glue;
        this.listeners = new WskListeners(ports,
                (address, index, irp) -> glue.listen(provider, address, irp, new GlueEcho.Port(index)));
    }

    @Override
    public List<InetSocketAddress> addresses() {
        return listeners.addresses();
    }

    @Override
    public void close() {
        String problem = listeners.close();
        if (problem != null) {
            tally.error(problem);
        }
        provider.close();
    }
}
