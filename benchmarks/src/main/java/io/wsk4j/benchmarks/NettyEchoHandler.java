package io.wsk4j.benchmarks;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * Netty's echo idiom: write what is read, flush when the read burst is over. Shared by every connection, so a
 * connection adds no handler object of ours to what Netty itself allocates.
 */
@ChannelHandler.Sharable
final class NettyEchoHandler extends ChannelInboundHandlerAdapter {
    private final ServerTally tally;

    NettyEchoHandler(ServerTally tally) {
        this.tally = tally;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.write(msg, ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        // Netty fires this for the peer's FIN; after a reset exceptionCaught has already closed the channel.
        if (event instanceof ChannelInputShutdownEvent && ctx.channel().isActive()) {
            tally.fin();
            // flush whatever is still queued, then close: the close sends our FIN after it
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        tally.closed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (PeerReset.is(cause)) {
            tally.reset();
        } else {
            tally.error("netty connection failed", cause);
        }
        ctx.close();
    }
}
