package io.wsk4j.benchmarks;

import java.io.IOException;

/** How NIO (and so Netty's NIO transport) reports the peer's RST: an IOException "Connection reset". */
final class PeerReset {
    private PeerReset() {}

    static boolean is(Throwable error) {
        // The JDK throws SocketException("Connection reset") from read; "Connection reset by peer" comes from write.
        return error instanceof IOException && error.getMessage() != null
                && error.getMessage().startsWith("Connection reset");
    }
}
