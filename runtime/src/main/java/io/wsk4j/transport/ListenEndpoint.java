package io.wsk4j.transport;

import java.io.IOException;
import java.net.SocketAddress;

/** A listening port, as the engine drives it on its loop's thread. */
public interface ListenEndpoint {
    /** Binds to {@code local} with {@code backlog}, and watches for {@link Ready#ACCEPT} on {@code poller}. */
    void listen(SocketAddress local, int backlog, Poller poller, ReadyHandler handler) throws IOException;

    /** {@return a connection taken from the backlog, not yet registered with any poller; null if none waits} */
    StreamEndpoint accept() throws IOException;

    /** Stops or resumes watching for connections (SPEC X5's pause after a failed accept). */
    void watchAccepts(boolean watch);

    /** {@return the bound address} @throws IOException if not bound or closed */
    SocketAddress localAddress() throws IOException;

    /** {@return true if the port closes only at the poller's next poll (the engine then holds the close until it)} */
    boolean close();
}
