package io.wsk4j.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The channel of a socket closed after our FIN went but before the peer's FIN was read (SPEC C3, D4). Closing it at
 * once would lose data: SO_LINGER 0 throws the transport's unsent queue away, and on Linux so does a close with
 * unread received bytes, or with bytes arriving afterwards. So the provider keeps the channel a while after the close
 * IRP completed: it reads and discards until the peer's FIN, then closes quietly, by which time the peer has read
 * everything we sent; after the provider's close timeout it closes anyway, and the kernel goes on delivering what it
 * holds.
 */
final class LingeringClose extends Timed implements ReadyHandler {
    private final EventLoop loop;
    private final SocketChannel channel;
    private final SelectionKey key;
    private boolean done;

    LingeringClose(EventLoop loop, SocketChannel channel, SelectionKey key, long deadline) {
        super(deadline);
        this.loop = loop;
        this.channel = channel;
        this.key = key;
        key.attach(this);
        key.interestOps(SelectionKey.OP_READ);
        loop.provider.lingerStarted();
    }

    @Override
    public void onReady(int readyOps) {
        ByteBuffer sink = loop.readBuffer;
        for (int i = 0; i < Budget.READS_PER_TURN; i++) {
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
    boolean done() {
        return done;
    }

    @Override
    void expire() {
        finish(); // the close timeout passed: the kernel goes on delivering what it holds
    }

    /** Closes the channel; quiet, since there is nothing unread. Loop thread. */
    void finish() {
        if (done) {
            return;
        }
        done = true;
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            loop.provider.errors.report("Closing a lingering connection failed", e);
        }
        loop.provider.lingerEnded();
    }
}
