package io.wsk4j.transport.nio;

import io.wsk4j.transport.LoopHost;
import io.wsk4j.transport.Ready;
import io.wsk4j.transport.ReadyHandler;
import io.wsk4j.transport.Timed;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The channel of a socket closed after our FIN went but before the peer's FIN was read (SPEC C3, D4). Closing it at
 * once would lose data: SO_LINGER 0 throws the transport's unsent queue away, and on Linux so does a close with
 * unread received bytes, or with bytes arriving afterwards. So the channel is kept a while after the close IRP
 * completed: it reads and discards until the peer's FIN, then closes quietly, by which time the peer has read
 * everything we sent; after the provider's close timeout it closes anyway, and the kernel goes on delivering what it
 * holds.
 */
final class LingeringClose extends Timed implements ReadyHandler {
    /** As the engine's budget (SPEC E5): a lingering channel yields to live sockets like any other. */
    private static final int READS_PER_TURN = 16;

    private final LoopHost host;
    private final SocketChannel channel;
    private final SelectionKey key;
    private boolean done;

    LingeringClose(LoopHost host, SocketChannel channel, SelectionKey key, long deadline) {
        super(deadline);
        this.host = host;
        this.channel = channel;
        this.key = key;
        key.attach(this);
        key.interestOps(Ready.READ);
        host.lingerStarted();
    }

    @Override
    public void onReady(int readyOps) {
        ByteBuffer sink = host.scratch();
        for (int i = 0; i < READS_PER_TURN; i++) {
            sink.clear();
            int n;
            try {
                n = channel.read(sink);
            } catch (IOException e) {
                finish(); // the peer reset: nothing is left to deliver
                return;
            }
            if (n < 0) {
                finish(); // the peer's FIN: it has read everything before ours
                return;
            }
            if (n == 0) {
                return;
            }
        }
    }

    @Override
    public boolean done() {
        return done;
    }

    @Override
    public void expire() {
        finish(); // the close timeout passed: the kernel goes on delivering what it holds
    }

    /** Closes the channel; quiet, since there is nothing unread. Loop thread. */
    private void finish() {
        if (done) {
            return;
        }
        done = true;
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            host.report("Closing a lingering connection failed", e);
        }
        host.lingerEnded();
    }

    @Override
    public String toString() {
        return "lingering close of " + channel;
    }
}
