package dev.golive.scenario;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One keep-alive HTTP/1.1 connection of one virtual user to one origin. A request over plain
 * HTTP is written to the socket by the user's own thread: handing it to the event loop would cost
 * a queued task and a wake-up of the loop's selector for each request. The event loop reads and
 * decodes the responses ({@link ResponseHandler}); requests over TLS go through the pipeline.
 */
final class Connection {
    private final Channel channel;
    private final ResponseHandler handler;
    /** The socket to write plain requests to, or null when every request goes through the pipeline. */
    private final java.nio.channels.SocketChannel socket;

    private Connection(Channel channel, ResponseHandler handler, boolean tls) {
        this.channel = channel;
        this.handler = handler;
        this.socket = !tls && channel instanceof SocketAccess s ? s.socket() : null;
    }

    static Connection open(Network network, EventLoop loop, Origin origin, Timeouts timeouts) throws IOException {
        Duration timeout = timeouts.connect();
        ResponseHandler handler = new ResponseHandler(timeouts.response());
        SslContext ssl = network.tls();
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(SocketAccess::new)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOCATOR, network.buffers())
                .option(ChannelOption.RCVBUF_ALLOCATOR, network.receive())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (origin.tls()) {
                            p.addLast(ssl.newHandler(ch.alloc(), origin.host(), origin.port()));
                        }
                        p.addLast(new HttpRequestEncoder());
                        p.addLast(handler);
                    }
                });
        Channel channel = connect(loop, bootstrap, origin);
        awaitHandshake(channel, origin, timeout);
        return new Connection(channel, handler, origin.tls());
    }

    /**
     * Opens the channel from the event loop that will own it: Netty keeps a map of thread-locals
     * for each thread that creates a channel, and a user's thread would keep its own for as long
     * as the user runs.
     */
    private static Channel connect(EventLoop loop, Bootstrap bootstrap, Origin origin) throws IOException {
        Future<ChannelFuture> started = loop.submit(() -> bootstrap.connect(origin.host(), origin.port()))
                .awaitUninterruptibly();
        Throwable cause = started.cause();
        if (started.isSuccess()) {
            ChannelFuture connect = started.getNow().awaitUninterruptibly();
            if (connect.isSuccess()) {
                return connect.channel();
            }
            cause = connect.cause();
        }
        throw new Errors.HttpFailure(
                Errors.CONNECT,
                "cannot connect to " + origin + ": " + (cause == null ? "cancelled" : cause.getMessage()),
                cause);
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

    /** Sends the request and waits for the whole response; its body is kept only when asked. */
    Incoming exchange(Outgoing out, boolean keepBody) throws IOException {
        handler.expect(out, keepBody);
        if (socket != null && out.wire() != null) {
            write(out.wire());
        } else {
            channel.writeAndFlush(request(out), channel.voidPromise());
        }
        try {
            return handler.await();
        } catch (IOException e) {
            close();
            throw failure(e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new Errors.HttpFailure(Errors.INTERRUPTED, "interrupted while waiting for " + out.uri());
        }
    }

    /** Whether requests go to the socket straight from the user (plain HTTP): see {@link #exchange(Outgoing, boolean, long, Consumer)}. */
    boolean direct() {
        return socket != null;
    }

    /**
     * Sends the request without waiting, at {@code now} (as {@link System#nanoTime()}, for its
     * response timeout): {@code then} takes the response, or the failure (an {@link
     * IOException}), on the event loop as it is decoded. Only on a {@link #direct()} connection.
     */
    void exchange(Outgoing out, boolean keepBody, long now, Consumer<Object> then) throws IOException {
        ByteBuffer wire = out.wire();
        if (socket == null || wire == null) {
            throw new IllegalStateException("not sent without waiting: " + out.uri());
        }
        handler.expect(out, keepBody, now, then);
        write(wire);
    }

    /** A failure of an exchange as golive reports it. */
    static Errors.HttpFailure failure(IOException e) {
        return e instanceof Errors.HttpFailure f ? f : new Errors.HttpFailure(Errors.of(e), e.getMessage(), e);
    }

    private void write(ByteBuffer bytes) throws IOException {
        try {
            socket.write(bytes);
        } catch (IOException e) {
            handler.cancel();
            close();
            throw new Errors.HttpFailure(Errors.of(e), String.valueOf(e.getMessage()), e);
        }
        if (bytes.hasRemaining()) {
            // The socket's buffer is full: the rest goes in order behind it, past the encoder.
            channel.pipeline().firstContext().writeAndFlush(Unpooled.wrappedBuffer(bytes), channel.voidPromise());
        }
    }

    void close() {
        channel.close();
    }

    private static FullHttpRequest request(Outgoing out) {
        byte[] body = out.body();
        return new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                out.wireMethod(),
                out.target(),
                body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body),
                out.wireHeaders(),
                EmptyHttpHeaders.INSTANCE);
    }
}
