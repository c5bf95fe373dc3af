package io.wsk4j.transport.nio;

import io.wsk4j.NtStatus;
import io.wsk4j.transport.DatagramEndpoint;
import io.wsk4j.transport.ListenEndpoint;
import io.wsk4j.transport.LoopHost;
import io.wsk4j.transport.Poller;
import io.wsk4j.transport.StreamEndpoint;
import io.wsk4j.transport.ExceptionStatus;
import io.wsk4j.transport.Transport;
import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Real sockets: a {@code Selector} per loop, each loop on a daemon thread of its own. */
public final class NioTransport implements Transport {
    public NioTransport() {}

    @Override
    public Poller openPoller(LoopHost host) throws IOException {
        return new NioPoller(Selector.open(), host);
    }

    @Override
    public StreamEndpoint openStream() throws IOException {
        return new NioStream(SocketChannel.open());
    }

    @Override
    public ListenEndpoint openListener() throws IOException {
        return new NioListener(ServerSocketChannel.open());
    }

    @Override
    public DatagramEndpoint openDatagram() throws IOException {
        return new NioDatagram(DatagramChannel.open());
    }

    @Override
    public NtStatus statusOf(Throwable failure) {
        return ExceptionStatus.of(failure);
    }

    @Override
    public Thread loopThread(Runnable loop, String name) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public boolean ownsLoopThreads() {
        return true;
    }

    @Override
    public boolean await(Object monitor, BooleanSupplier done, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (monitor) {
            long left;
            while (!done.getAsBoolean()) {
                left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return true;
        }
    }

    @Override
    public io.wsk4j.transport.NameResolver openResolver(LoopHost reporter) {
        return new NioResolver(reporter);
    }

    @Override
    public String toString() {
        return "NIO";
    }
}
