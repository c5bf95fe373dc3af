package io.wsk4j.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * One thread of {@link NioEchoServer}: a selector loop as tight as plain NIO gets. It uses the consumer form of
 * select (no selected-key set to fill and clear), reads every connection into one buffer of the loop and writes it
 * straight back, so a connection costs the server nothing but the JDK's own objects; only a write the socket does not
 * take whole (never seen with small echoes) copies the rest into a buffer of that connection.
 */
final class NioEchoLoop implements Runnable {
    private static final int BUFFER_SIZE = 4096;
    private static final int ACCEPTS_PER_TURN = 64;
    private static final long SELECT_TIMEOUT_MILLIS = 500;
    private static final long STOP_WAIT_MILLIS = 2000;
    /** The attachment of listener keys; connection keys carry null, or their unwritten bytes. */
    private static final Object LISTENER = new Object();

    private final ServerTally tally;
    private final Selector selector;
    private final Thread thread;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final Consumer<SelectionKey> onReady = this::ready;
    private volatile boolean running = true;

    NioEchoLoop(String name, ServerTally tally) throws IOException {
        this.tally = tally;
        this.selector = Selector.open();
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void listen(ServerSocketChannel listener) throws IOException {
        listener.register(selector, SelectionKey.OP_ACCEPT, LISTENER);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(onReady, SELECT_TIMEOUT_MILLIS);
            }
        } catch (IOException | RuntimeException e) {
            tally.error("nio loop " + thread.getName() + " died", e);
        } finally {
            closeAll();
        }
    }

    private void ready(SelectionKey key) {
        Object attachment = key.attachment();
        if (attachment == null) {
            echo(key);
        } else if (attachment == LISTENER) {
            accept((ServerSocketChannel) key.channel());
        } else {
            flush(key, (ByteBuffer) attachment);
        }
    }

    private void accept(ServerSocketChannel listener) {
        for (int i = 0; i < ACCEPTS_PER_TURN; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
                if (channel == null) {
                    return;
                }
            } catch (IOException e) {
                tally.error("accept failed", e);
                return;
            }
            try {
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ);
            } catch (IOException e) {
                tally.error("registering an accepted connection failed", e);
                close(channel);
            }
        }
    }

    private void echo(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            buffer.clear();
            int n = channel.read(buffer);
            if (n > 0) {
                buffer.flip();
                channel.write(buffer);
                if (buffer.hasRemaining()) {
                    // the socket is full: keep the rest and stop reading until it is written (back-pressure)
                    ByteBuffer rest = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
                    key.attach(rest);
                    key.interestOps(SelectionKey.OP_WRITE);
                }
            } else if (n < 0) {
                tally.fin();
                close(channel);
            }
        } catch (IOException e) {
            failed(channel, e);
        }
    }

    private void flush(SelectionKey key, ByteBuffer rest) {
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            channel.write(rest);
            if (!rest.hasRemaining()) {
                key.attach(null);
                key.interestOps(SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            failed(channel, e);
        }
    }

    private void failed(SocketChannel channel, IOException e) {
        if (PeerReset.is(e)) {
            tally.reset();
        } else {
            tally.error("nio connection failed", e);
        }
        close(channel);
    }

    private void close(SocketChannel channel) {
        try {
            // Still registered, so the JDK shuts the output down here (our FIN after every byte written; the peer's
            // FIN was read, so nothing unread turns it into a RST) and closes the descriptor at the next select:
            // one call does what shutdownOutput() plus close() would.
            channel.close();
            tally.closed();
        } catch (IOException e) {
            tally.error("close failed", e);
        }
    }

    void stop() {
        running = false;
        selector.wakeup();
        try {
            thread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeAll() {
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException e) {
                // shutting down: nothing more to do with it
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // shutting down: nothing more to do with it
        }
    }
}
