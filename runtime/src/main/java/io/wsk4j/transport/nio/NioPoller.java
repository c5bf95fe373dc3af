package io.wsk4j.transport.nio;

import io.wsk4j.transport.BrokenPollerException;
import io.wsk4j.transport.LoopHost;
import io.wsk4j.transport.Poller;
import io.wsk4j.transport.ReadyHandler;
import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * One loop's {@code Selector}. The consumer forms of select() allocate no set entry per ready key; the keys are
 * collected during the select and handled after it, so that handling never runs inside the selector, and nested
 * selects cannot add to a set being walked.
 */
final class NioPoller implements Poller {
    final Selector selector;
    final LoopHost host;
    private final ArrayList<SelectionKey> readyKeys = new ArrayList<>(256);
    private final Consumer<SelectionKey> collectReadyKey = readyKeys::add;

    NioPoller(Selector selector, LoopHost host) {
        this.selector = selector;
        this.host = host;
    }

    @Override
    public void poll(long timeoutMillis) throws IOException {
        try {
            if (timeoutMillis == 0) {
                selector.selectNow(collectReadyKey);
            } else {
                selector.select(collectReadyKey, timeoutMillis);
            }
        } catch (ClosedSelectorException e) {
            throw new BrokenPollerException(e);
        }
    }

    @Override
    public void dispatchReady() {
        for (int i = 0; i < readyKeys.size(); i++) {
            SelectionKey key = readyKeys.get(i);
            if (!key.isValid()) {
                continue; // closed by the handling of an earlier key
            }
            ReadyHandler handler = (ReadyHandler) key.attachment();
            try {
                handler.onReady(key.readyOps());
            } catch (Throwable t) {
                host.report("internal error while handling " + handler + "; other sockets go on", t);
            }
        }
        readyKeys.clear();
    }

    @Override
    public void wakeup() {
        selector.wakeup();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void close() throws IOException {
        if (selector.isOpen()) {
            selector.selectNow(collectReadyKey); // flushes the cancelled keys: their channels really close
            readyKeys.clear();
            selector.close();
        }
    }

    @Override
    public void breakForTest() throws IOException {
        selector.close(); // what a broken epoll instance looks like to NIO
    }

    SelectionKey register(java.nio.channels.SelectableChannel channel, int ops, ReadyHandler handler)
            throws IOException {
        channel.configureBlocking(false);
        try {
            return channel.register(selector, ops, handler);
        } catch (ClosedSelectorException e) {
            throw new IOException("the loop's selector is closed", e);
        }
    }
}
