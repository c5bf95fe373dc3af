package io.wsk4j.benchmarks;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The echo on Netty's NIO transport, configured as a plain Netty server: one group of N event loops serves the
 * listeners and their connections (Netty hands each accepted channel to the next loop), one shared handler, Netty's
 * default allocator and options (TCP_NODELAY on by Netty's default). ALLOW_HALF_CLOSURE makes the client's FIN an
 * event instead of an immediate close, so that the server flushes its echo and then closes, sending its own FIN.
 */
final class NettyEchoServer implements EchoServer {
    private static final long WAIT_SECONDS = 10;

    private final ServerTally tally;
    private final EventLoopGroup group;
    private final List<Channel> listeners = new ArrayList<>();
    private final List<InetSocketAddress> addresses = new ArrayList<>();

    NettyEchoServer(int threads, int ports, ServerTally tally) throws InterruptedException {
        this.tally = tally;
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new NettyEchoHandler(tally));
        for (int i = 0; i < ports; i++) {
            ChannelFuture bound = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            if (!bound.await(WAIT_SECONDS, TimeUnit.SECONDS) || !bound.isSuccess()) {
                throw new IllegalStateException("netty could not listen: " + bound.cause());
            }
            listeners.add(bound.channel());
            addresses.add((InetSocketAddress) bound.channel().localAddress());
        }
    }

    @Override
    public List<InetSocketAddress> addresses() {
        return addresses;
    }

    @Override
    public void close() {
        try {
            for (Channel listener : listeners) {
                listener.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
            }
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.error("interrupted while stopping netty");
        }
    }
}
