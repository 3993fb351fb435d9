package dev.golive.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ByteProcessor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The server a warm-up sends its requests to ({@link WarmUp}): on loopback only, it answers every
 * request that ends with its head (a GET) with the same small page, with the headers a web
 * server sends for a static file, and keeps the connection open.
 */
final class WarmUpServer implements AutoCloseable {
    private static final String BODY = "<!DOCTYPE html>\n<html><head><title>golive warm-up</title></head>\n<body><p>"
            + "x".repeat(560) + "</p></body></html>\n";
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\n"
                    + "Server: golive-warm-up\r\n"
                    + "Date: Mon, 30 Nov 2026 00:00:00 GMT\r\n"
                    + "Content-Type: text/html\r\n"
                    + "Content-Length: " + BODY.length() + "\r\n"
                    + "Last-Modified: Mon, 30 Nov 2026 00:00:00 GMT\r\n"
                    + "Connection: keep-alive\r\n"
                    + "ETag: \"golive-warm-up\"\r\n"
                    + "Accept-Ranges: bytes\r\n"
                    + "\r\n"
                    + BODY)
            .getBytes(StandardCharsets.US_ASCII);

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ByteBuf response = Unpooled.directBuffer(RESPONSE.length).writeBytes(RESPONSE);
    private final Channel channel;

    WarmUpServer() throws IOException {
        try {
            channel = new ServerBootstrap()
                    .group(loop)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new Answers());
                        }
                    })
                    .bind(InetAddress.getLoopbackAddress(), 0)
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            response.release();
            throw new IOException("cannot listen on loopback: " + e.getMessage(), e);
        }
    }

    /** Where it listens: {@code http://127.0.0.1:PORT} or the like. */
    String url() {
        InetSocketAddress at = (InetSocketAddress) channel.localAddress();
        String host = at.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + at.getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        response.release();
    }

    /** Answers each request whose head has ended (CR LF CR LF) on a connection. */
    private final class Answers extends ChannelInboundHandlerAdapter implements ByteProcessor {
        /** How much of CR LF CR LF the bytes read so far end with. */
        private int matched;

        private int ended;

        @Override
        public boolean process(byte b) {
            if (b == (matched % 2 == 0 ? '\r' : '\n')) {
                if (++matched == 4) {
                    ended++;
                    matched = 0;
                }
            } else {
                matched = b == '\r' ? 1 : 0;
            }
            return true;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            try {
                in.forEachByte(this);
            } finally {
                in.release();
            }
            for (; ended > 0; ended--) {
                ctx.write(response.retainedDuplicate(), ctx.voidPromise());
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
