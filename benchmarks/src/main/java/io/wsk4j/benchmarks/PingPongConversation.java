package io.wsk4j.benchmarks;

import java.io.IOException;

/**
 * pingpong: one long-lived connection doing round trips back to back; the next request goes out as soon as the echo
 * of the last one is complete and checked. When the client drains, it half-closes and expects the server's FIN.
 */
final class PingPongConversation extends Conversation {
    PingPongConversation(LoadClient client) {
        super(client);
    }

    @Override
    void start() throws IOException {
        connect(client.nextTarget());
    }

    @Override
    void connected() throws IOException {
        next();
    }

    @Override
    void echoed() throws IOException {
        client.op();
        next();
    }

    private void next() throws IOException {
        if (client.draining()) {
            finish();
        } else {
            send(client.nextVariant());
        }
    }

    @Override
    void ended() throws IOException {
        close(false);
        client.retire(this);
    }
}
