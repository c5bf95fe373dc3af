package io.wsk4j.transport;

import java.io.IOException;
import java.net.SocketAddress;

/**
 * A listening port, as the engine drives it on its loop's thread. It exists from the listening socket's making, so
 * that options set before bind are the port's own (SPEC K5).
 */
public interface ListenEndpoint extends OptionEndpoint {
    /** Binds to {@code local} with {@code backlog}, and watches for {@link Ready#ACCEPT} on {@code poller}. */
    void listen(SocketAddress local, int backlog, Poller poller, ReadyHandler handler) throws IOException;

    /** {@return a connection taken from the backlog, not yet registered with any poller; null if none waits} */
    StreamEndpoint accept() throws IOException;

    /**
     * Stops or resumes watching for connections: the pause after a failed accept (SPEC X5), and while nobody wants a
     * connection (no accept IRP pending, the accept event off: the kernel's backlog is the back-pressure, SPEC K5).
     */
    void watchAccepts(boolean watch);

    /**
     * {@return whether {@code failure}, thrown by {@link #accept()}, leaves the port unable to accept for good (SPEC
     * K6), rather than for a while (out of descriptors, SPEC X5)}
     */
    boolean failedForGood(IOException failure);

    /** {@return the bound address} @throws IOException if not bound or closed */
    SocketAddress localAddress() throws IOException;

    /** {@return true if the port closes only at the poller's next poll (the engine then holds the close until it)} */
    boolean close();
}
