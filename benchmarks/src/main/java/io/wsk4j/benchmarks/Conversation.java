package io.wsk4j.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.zip.CRC32;

/**
 * One of the client's concurrent connections, a state machine driven by {@link LoadClient}'s selector. The base
 * class connects, sends one request and checks its echo (exact length, CRC32); the workloads decide what comes
 * before and after. A failed check calls {@link LoadClient#fail}, which ends the case.
 */
abstract class Conversation {
    enum Phase { CONNECTING, SENDING, ECHO, DRAIN, IDLE }

    final LoadClient client;
    final ByteBuffer request = ByteBuffer.allocateDirect(Payload.SIZE);
    private final CRC32 crc = new CRC32();
    SocketChannel channel;
    SelectionKey key;
    Phase phase = Phase.IDLE;
    private InetSocketAddress target;
    private long expectedCrc;
    private int received;

    Conversation(LoadClient client) {
        this.client = client;
    }

    /** Opens this conversation's (first) connection. */
    abstract void start() throws IOException;

    /** The echo of the current request is complete and correct. */
    abstract void echoed() throws IOException;

    /** Read end-of-stream after {@link Phase#DRAIN}: the server's FIN came cleanly. */
    abstract void ended() throws IOException;

    final void connect(InetSocketAddress to) throws IOException {
        target = to;
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        phase = Phase.CONNECTING;
        boolean connected = channel.connect(to);
        key = channel.register(client.selector(), connected ? 0 : SelectionKey.OP_CONNECT, this);
        if (connected) {
            connected();
        }
    }

    /** Called from the selector with the ready key of this conversation's channel. */
    final void ready() {
        try {
            switch (phase) {
                case CONNECTING -> {
                    if (channel.finishConnect()) {
                        connected();
                    }
                }
                case SENDING -> write();
                case ECHO, DRAIN -> read();
                case IDLE -> client.fail(this, "an event on an idle connection");
            }
        } catch (IOException e) {
            client.fail(this, phase + ": " + e);
        }
    }

    /** The connection is up: subclasses start sending. */
    abstract void connected() throws IOException;

    final void send(int variant) throws IOException {
        client.payload().fill(variant, request);
        expectedCrc = client.payload().crc(variant);
        crc.reset();
        received = 0;
        phase = Phase.SENDING;
        write();
    }

    private void write() throws IOException {
        channel.write(request);
        if (request.hasRemaining()) {
            key.interestOps(SelectionKey.OP_WRITE);
        } else {
            phase = Phase.ECHO;
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /** Half-closes: our FIN, then wait for the server's. */
    final void finish() throws IOException {
        channel.shutdownOutput();
        phase = Phase.DRAIN;
        key.interestOps(SelectionKey.OP_READ);
    }

    private void read() throws IOException {
        ByteBuffer in = client.readBuffer();
        in.clear();
        int n = channel.read(in);
        if (n == 0) {
            return;
        }
        if (n < 0) {
            if (phase == Phase.DRAIN) {
                ended();
            } else {
                client.fail(this, "end-of-stream after " + received + " of " + Payload.SIZE + " echoed bytes");
            }
            return;
        }
        if (phase == Phase.DRAIN) {
            client.fail(this, n + " bytes after the echo, where the server's FIN was due");
            return;
        }
        received += n;
        if (received > Payload.SIZE) {
            client.fail(this, "echo of " + received + " bytes for a request of " + Payload.SIZE);
            return;
        }
        in.flip();
        crc.update(in);
        if (received == Payload.SIZE) {
            if (crc.getValue() != expectedCrc) {
                client.fail(this, "echo CRC32 " + Long.toHexString(crc.getValue()) + ", request's "
                        + Long.toHexString(expectedCrc));
                return;
            }
            echoed();
        }
    }

    /** Closes the channel; with {@code reset} SO_LINGER 0 makes the close send RST. */
    final void close(boolean reset) throws IOException {
        if (reset) {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        }
        // still registered: the JDK closes the descriptor at the next select of the client's loop
        channel.close();
        phase = Phase.IDLE;
        channel = null;
        key = null;
    }

    /** After a failure: reset the connection, whatever state it is in. */
    final void abandon() {
        if (channel != null) {
            try {
                close(true);
            } catch (IOException e) {
                // the case has failed already; the channel is closed either way
            }
        }
    }

    @Override
    public String toString() {
        return "connection to " + target;
    }
}
