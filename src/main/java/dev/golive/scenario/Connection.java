package dev.golive.scenario;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** One keep-alive HTTP/1.1 connection of one virtual user to one origin. */
final class Connection {
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final Channel channel;
    private final ResponseHandler handler;

    private Connection(Channel channel, ResponseHandler handler) {
        this.channel = channel;
        this.handler = handler;
    }

    static Connection open(EventLoopGroup group, Origin origin, SslContext ssl, Duration timeout) throws IOException {
        ResponseHandler handler = new ResponseHandler();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (origin.tls()) {
                            p.addLast(ssl.newHandler(ch.alloc(), origin.host(), origin.port()));
                        }
                        p.addLast(new HttpClientCodec());
                        p.addLast(handler.encodingWatcher());
                        p.addLast(new HttpContentDecompressor(0));
                        p.addLast(new HttpObjectAggregator(MAX_BODY));
                        p.addLast(handler);
                    }
                });
        ChannelFuture connect = bootstrap.connect(origin.host(), origin.port()).awaitUninterruptibly();
        if (!connect.isSuccess()) {
            Throwable cause = connect.cause();
            throw new Errors.HttpFailure(
                    Errors.CONNECT,
                    "cannot connect to " + origin + ": " + (cause == null ? "cancelled" : cause.getMessage()),
                    cause);
        }
        awaitHandshake(connect.channel(), origin, timeout);
        return new Connection(connect.channel(), handler);
    }

    /** Waits for TLS to be set up, so that a refused certificate is named as such and not as a lost response. */
    private static void awaitHandshake(Channel channel, Origin origin, Duration timeout) throws IOException {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        if (tls == null) {
            return;
        }
        Future<Channel> handshake = tls.handshakeFuture();
        if (!handshake.awaitUninterruptibly(timeout.toMillis())) {
            channel.close();
            throw new IOException(
                    "TLS handshake with " + origin + " did not finish within " + timeout.toMillis() + " ms");
        }
        if (!handshake.isSuccess()) {
            channel.close();
            throw new IOException(TlsFailure.describe(origin, handshake.cause()), handshake.cause());
        }
    }

    boolean usable() {
        return channel.isActive();
    }

    /**
     * Sends the request and waits for the whole response. The response timeout is a task on the
     * connection's own event loop, which is cheaper than a timed wait on every request.
     */
    Incoming exchange(Outgoing out, Duration timeout) throws IOException {
        CompletableFuture<Incoming> response = handler.expect();
        ScheduledFuture<?> timer = channel.eventLoop()
                .schedule(
                        () -> response.completeExceptionally(new Errors.HttpFailure(
                                Errors.TIMEOUT,
                                "no response from " + out.uri().getAuthority() + " within " + timeout.toMillis()
                                        + " ms")),
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
        channel.writeAndFlush(request(out), channel.voidPromise());
        try {
            return response.get();
        } catch (ExecutionException e) {
            close();
            if (e.getCause() instanceof Errors.HttpFailure f) {
                throw f;
            }
            throw new Errors.HttpFailure(Errors.of(e.getCause()), e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new Errors.HttpFailure(Errors.INTERRUPTED, "interrupted while waiting for " + out.uri());
        } finally {
            timer.cancel(false);
        }
    }

    void close() {
        channel.close();
    }

    private static FullHttpRequest request(Outgoing out) {
        URI uri = out.uri();
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        FullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.valueOf(out.method()), target, Unpooled.wrappedBuffer(out.body()));
        out.headers().forEach(h -> request.headers().add(h.getKey(), h.getValue()));
        request.headers().set(HttpHeaderNames.CONTENT_LENGTH, out.body().length);
        if (!request.headers().contains(HttpHeaderNames.HOST)) {
            request.headers()
                    .set(HttpHeaderNames.HOST, uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost());
        }
        return request;
    }
}
