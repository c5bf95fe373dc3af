package io.wsk4j.benchmarks;

import java.io.IOException;

/**
 * churn-graceful and churn-abortive: one connection after another in this slot. Each one connects, sends a request,
 * checks its echo, then either half-closes and expects the server's FIN with nothing before it (graceful), or closes
 * with SO_LINGER 0 so that the server sees a reset (abortive).
 */
final class ChurnConversation extends Conversation {
    private final boolean abortive;

    ChurnConversation(LoadClient client, boolean abortive) {
        super(client);
        this.abortive = abortive;
    }

    @Override
    void start() throws IOException {
        connect(client.nextTarget());
    }

    @Override
    void connected() throws IOException {
        send(client.nextVariant());
    }

    @Override
    void echoed() throws IOException {
        if (abortive) {
            close(true);
            done();
        } else {
            finish();
        }
    }

    @Override
    void ended() throws IOException {
        close(false);
        done();
    }

    private void done() throws IOException {
        client.op();
        if (client.draining()) {
            client.retire(this);
        } else {
            start();
        }
    }
}
