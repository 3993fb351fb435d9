package dev.golive.scenario;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Puts together the one response a connection waits for and hands it to the thread that sent
 * the request. The body is copied out only when someone will read it; otherwise only counted.
 * A response that does not come within the timeout fails the request: one check per connection
 * on its event loop, re-armed for the deadline of the request in flight, rather than a timer
 * armed and cancelled for each request.
 */
final class ResponseHandler extends ChannelInboundHandlerAdapter {
    static final int MAX_BODY = 64 * 1024 * 1024;

    private final Duration timeout;

    // Written by the sender before the request goes out; the event loop clears request.
    private volatile Thread waiter;
    private volatile Outgoing request;
    private volatile long deadline;
    private volatile boolean keepBody;
    private volatile Object outcome;

    // The event loop's own.
    private String encoding;
    private HttpResponse head;
    private ByteArrayOutputStream body;
    private long size;
    private ScheduledFuture<?> watch;

    ResponseHandler(Duration timeout) {
        this.timeout = timeout;
    }

    /** Called by the sender before it writes {@code out}. */
    void expect(Outgoing out, boolean keep) {
        waiter = Thread.currentThread();
        outcome = null;
        keepBody = keep;
        deadline = System.nanoTime() + timeout.toNanos();
        request = out;
    }

    /** The request announced with {@link #expect} was not sent after all. */
    void cancel() {
        request = null;
    }

    /** Waits for the response to the request announced with {@link #expect}. */
    Incoming await() throws IOException, InterruptedException {
        Object done;
        while ((done = outcome) == null) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        // Not kept past its request: a parked user would otherwise hold the last response.
        outcome = null;
        if (done instanceof Incoming in) {
            return in;
        }
        throw (IOException) done;
    }

    /** Notes the encoding before the decompressor removes it, so a reader can see gzip was used. */
    ChannelDuplexHandler encodingWatcher() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpResponse r) {
                    encoding = r.headers().get(HttpHeaderNames.CONTENT_ENCODING);
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        watch(ctx, timeout.toNanos());
        ctx.fireChannelActive();
    }

    private void watch(ChannelHandlerContext ctx, long nanos) {
        watch = ctx.executor().schedule(() -> check(ctx), nanos, TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        Outgoing waiting = request;
        long left = waiting == null ? timeout.toNanos() : deadline - System.nanoTime();
        if (left > 0) {
            watch(ctx, left);
            return;
        }
        complete(new Errors.HttpFailure(
                Errors.TIMEOUT,
                "no response from " + waiting.uri().getAuthority() + " within " + timeout.toMillis() + " ms"));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
                Throwable cause = o.decoderResult().cause();
                complete(new Errors.HttpFailure(
                        cause instanceof TooLongFrameException ? Errors.TOO_LARGE : Errors.MALFORMED,
                        "malformed response: " + cause.getMessage(),
                        cause));
                ctx.close();
                return;
            }
            if (msg instanceof HttpResponse r) {
                begin(r);
            }
            if (msg instanceof HttpContent c && head != null && !add(c.content())) {
                ctx.close();
                return;
            }
            if (msg instanceof LastHttpContent && head != null) {
                finish();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void begin(HttpResponse response) {
        head = response;
        size = 0;
        body = keepBody ? new ByteArrayOutputStream(initialSize(response)) : null;
    }

    private static int initialSize(HttpResponse response) {
        return (int) Math.min(Math.max(HttpUtil.getContentLength(response, -1L), 256), 64 * 1024);
    }

    /** Adds a piece of the body; false when the body grew too large to keep. */
    private boolean add(ByteBuf content) {
        int n = content.readableBytes();
        size += n;
        if (size > MAX_BODY) {
            complete(new Errors.HttpFailure(
                    Errors.TOO_LARGE, "the response body is larger than " + MAX_BODY / (1024 * 1024) + " MB"));
            head = null;
            body = null;
            return false;
        }
        if (body != null && n > 0) {
            try {
                content.getBytes(content.readerIndex(), body, n);
            } catch (IOException e) {
                throw new IllegalStateException("cannot happen: writing to memory", e);
            }
        }
        return true;
    }

    private void finish() {
        HttpResponse response = head;
        // As a whole response has them: its length, and no chunks.
        if (HttpUtil.isTransferEncodingChunked(response)) {
            HttpUtil.setTransferEncodingChunked(response, false);
        }
        if (!HttpUtil.isContentLengthSet(response)) {
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, size);
        }
        Incoming in = new Incoming(
                response.status().code(),
                response.status().reasonPhrase(),
                response.headers(),
                body == null ? null : body.toByteArray(),
                size,
                encoding,
                HttpUtil.isKeepAlive(response));
        head = null;
        body = null;
        complete(in);
    }

    /** Hands the outcome to the waiting sender, once per request; later news is dropped. */
    private void complete(Object done) {
        if (request == null) {
            return;
        }
        request = null;
        outcome = done;
        LockSupport.unpark(waiter);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (watch != null) {
            watch.cancel(false);
        }
        complete(new Errors.HttpFailure(Errors.RESET, "the server closed the connection before answering"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        complete(new Errors.HttpFailure(Errors.of(cause), String.valueOf(cause.getMessage()), cause));
        ctx.close();
    }
}
