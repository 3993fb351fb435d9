package dev.golive.scenario;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.compression.ZlibWrapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Decodes the one response a connection waits for, straight from the bytes of the socket, and
 * hands it to the thread that sent the request. HTTP/1.1 and 1.0: bodies by their length, in
 * chunks or up to the end of the connection; gzip and deflate undone; interim (1xx) responses
 * skipped. The head is kept as it came, read only where asked ({@link ResponseHead}); the body is
 * copied out only when someone will read it, otherwise only counted (after decompression).
 * A response that does not come within the timeout fails the request: one check per connection
 * on its event loop, re-armed for the deadline of the request in flight, rather than a timer
 * armed and cancelled for each request.
 */
final class ResponseHandler extends ChannelInboundHandlerAdapter {
    static final int MAX_BODY = 64 * 1024 * 1024;
    /** The longest head taken: a status line of 4 KB and 8 KB of headers, as Netty's decoder allows. */
    static final int MAX_HEAD = 4096 + 8192;
    /** The longest chunk-size line taken. */
    private static final int MAX_LINE = 4096;

    private enum State {
        HEAD,
        LENGTH,
        UNTIL_CLOSE,
        CHUNK_SIZE,
        CHUNK,
        CHUNK_END,
        TRAILERS,
        /** The connection closes after the response: what comes after it is dropped. */
        IGNORE,
        /** The connection is being given up after a failure. */
        BROKEN
    }

    /** The framing headers a response is shown without once decoded, with and without decompression. */
    private static final List<String> HIDDEN = List.of("transfer-encoding");

    private static final List<String> HIDDEN_DECODED = List.of("transfer-encoding", "content-encoding");
    /**
     * Where a head is looked for, one per event loop (its connections' heads are read one at a
     * time), not one per connection: thousands of users would each keep one.
     */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1024]);

    private final Duration timeout;
    private final long timeoutNanos;

    // Written by the sender before the request goes out; the event loop clears request.
    private volatile Thread waiter;
    private volatile Outgoing request;
    private volatile long deadline;
    private volatile boolean keepBody;
    private volatile Object outcome;
    /** Who takes the outcome on the event loop instead of a waiting thread, or null. */
    private volatile Consumer<Object> then;

    // The event loop's own.
    private State state = State.HEAD;
    /** Bytes that came and are not decoded yet (part of a head or of a chunk-size line). */
    private ByteBuf pending;

    private ResponseHead head;
    private String encoding;
    private EmbeddedChannel inflater;
    private boolean keepAlive;
    private long remaining;
    private ByteArrayOutputStream body;
    private long size;
    /** Whether the body is being decompressed. */
    private boolean decoded;
    /** Whether the body comes in chunks. */
    private boolean chunked;
    /** Whether the response has no body whatever its headers say (HEAD, 204, 304). */
    private boolean bodiless;

    private ScheduledFuture<?> watch;

    ResponseHandler(Duration timeout) {
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
    }

    /** Called by the sender before it writes {@code out}. */
    void expect(Outgoing out, boolean keep) {
        expect(out, keep, System.nanoTime(), null);
    }

    /**
     * Called by the sender before it writes {@code out}, at {@code now} (as {@link
     * System#nanoTime()}); {@code then}, when not null, takes the response or the failure on the
     * event loop, and no thread waits for it.
     */
    void expect(Outgoing out, boolean keep, long now, Consumer<Object> then) {
        this.then = then;
        waiter = then == null ? Thread.currentThread() : null;
        outcome = null;
        keepBody = keep;
        deadline = now + timeoutNanos;
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

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        watch(ctx, timeoutNanos);
        ctx.fireChannelActive();
    }

    private void watch(ChannelHandlerContext ctx, long nanos) {
        watch = ctx.executor().schedule(() -> check(ctx), nanos, TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        Outgoing waiting = request;
        long left = waiting == null ? timeoutNanos : deadline - System.nanoTime();
        if (left > 0) {
            watch(ctx, left);
            return;
        }
        complete(new Errors.HttpFailure(
                Errors.TIMEOUT,
                "no response from " + waiting.uri().getAuthority() + " within " + timeout.toMillis() + " ms"));
    }

    /**
     * Decodes the bytes as they come: the head once it is all there, then the body, counted and
     * kept when asked, by its length, in chunks, or up to the end of the connection.
     */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ByteBuf buf = in;
        try {
            if (pending != null) {
                pending.writeBytes(in);
                buf = pending;
            }
            if (!decode(buf)) {
                release();
                ctx.close();
                return;
            }
            if (buf.isReadable()) {
                if (pending == null) {
                    pending = ctx.alloc().heapBuffer(Math.max(256, buf.readableBytes()));
                    pending.writeBytes(buf);
                } else {
                    pending.discardReadBytes();
                }
            } else if (pending != null) {
                pending.release();
                pending = null;
            }
        } catch (RuntimeException e) {
            release();
            fail(Errors.MALFORMED, "malformed response: " + e.getMessage(), e);
            ctx.close();
        } finally {
            in.release();
        }
    }

    private void release() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
        if (inflater != null) {
            inflater.finishAndReleaseAll();
            inflater = null;
        }
    }

    /** Decodes what it can of {@code buf}; false when the connection must be given up. */
    private boolean decode(ByteBuf buf) {
        while (buf.isReadable()) {
            switch (state) {
                case HEAD -> {
                    if (!head(buf)) {
                        return state != State.BROKEN;
                    }
                }
                case LENGTH -> {
                    if (!remainder(buf)) {
                        return false;
                    }
                    if (remaining == 0) {
                        finish();
                    }
                }
                case UNTIL_CLOSE -> {
                    if (!body(buf, buf.readableBytes())) {
                        return false;
                    }
                }
                case CHUNK_SIZE -> {
                    String line = line(buf, MAX_LINE);
                    if (line == null) {
                        return state != State.BROKEN;
                    }
                    int semicolon = line.indexOf(';');
                    String size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
                    remaining = Long.parseLong(size, 16);
                    if (remaining < 0) {
                        throw new IllegalArgumentException("invalid chunk size: " + size);
                    }
                    state = remaining == 0 ? State.TRAILERS : State.CHUNK;
                }
                case CHUNK -> {
                    if (!remainder(buf)) {
                        return false;
                    }
                    if (remaining == 0) {
                        state = State.CHUNK_END;
                    }
                }
                case CHUNK_END -> {
                    String line = line(buf, MAX_LINE);
                    if (line == null) {
                        return state != State.BROKEN;
                    }
                    if (!line.isEmpty()) {
                        throw new IllegalArgumentException("no line end after a chunk");
                    }
                    state = State.CHUNK_SIZE;
                }
                case TRAILERS -> {
                    String line = line(buf, MAX_HEAD);
                    if (line == null) {
                        return state != State.BROKEN;
                    }
                    if (line.isEmpty()) {
                        finish();
                    }
                }
                case IGNORE, BROKEN -> {
                    // Nothing was asked (or the connection is being given up): what comes is dropped.
                    buf.skipBytes(buf.readableBytes());
                }
            }
        }
        return true;
    }

    /** A line without its end, or null until it is all there (or too long: the state is then BROKEN). */
    private String line(ByteBuf buf, int max) {
        int lf = buf.indexOf(buf.readerIndex(), buf.writerIndex(), (byte) '\n');
        if (lf < 0) {
            if (buf.readableBytes() > max) {
                tooLarge("a line of the response is longer than " + max + " bytes");
            }
            return null;
        }
        int length = lf - buf.readerIndex();
        String line = buf.toString(buf.readerIndex(), length, StandardCharsets.ISO_8859_1);
        buf.readerIndex(lf + 1);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Reads the head once it is all there; false until then. */
    private boolean head(ByteBuf buf) {
        // Line ends a server sent after the previous body are not a response.
        while (buf.isReadable() && (buf.getByte(buf.readerIndex()) == '\r' || buf.getByte(buf.readerIndex()) == '\n')) {
            buf.skipBytes(1);
        }
        int readable = buf.readableBytes();
        // The head is looked for in a copy of the bytes that came, a small window first: most
        // heads are a few hundred bytes, and the rest is the body.
        int window = Math.min(readable, 1024);
        ResponseHead parsed;
        byte[] scratch = SCRATCH.get();
        while (true) {
            if (scratch.length < window) {
                scratch = new byte[Math.max(window, scratch.length * 2)];
                SCRATCH.set(scratch);
            }
            buf.getBytes(buf.readerIndex(), scratch, 0, window);
            parsed = ResponseHead.read(scratch, 0, window);
            if (parsed != null || window == readable || window > MAX_HEAD) {
                break;
            }
            window = Math.min(readable, window * 4);
        }
        if (parsed == null) {
            if (readable > MAX_HEAD) {
                tooLarge("the response's head is larger than " + MAX_HEAD + " bytes");
            }
            return false;
        }
        buf.skipBytes(parsed.consumed());
        int status = parsed.status();
        if (status >= 100 && status < 200 && status != 101) {
            return true; // an interim response: the real one follows
        }
        if (request == null) {
            // Nobody asked: the connection is out of step with its requests and is given up.
            state = State.BROKEN;
            return false;
        }
        begin(parsed);
        return true;
    }

    private void begin(ResponseHead parsed) {
        head = parsed;
        size = 0;
        encoding = parsed.contentEncoding();
        keepAlive = parsed.minorVersion() >= 1 ? !parsed.connection("close") : parsed.connection("keep-alive");
        long length = parsed.contentLength();
        int status = parsed.status();
        boolean noBody = status == 204 || status == 304 || HttpMethod.HEAD.equals(request.wireMethod());
        bodiless = noBody;
        chunked = !noBody && parsed.chunked();
        inflater = noBody ? null : inflaterFor(encoding);
        decoded = inflater != null;
        if (noBody) {
            body = null;
            finish();
        } else if (chunked) {
            body = keepBody ? new ByteArrayOutputStream(256) : null;
            state = State.CHUNK_SIZE;
        } else if (length != -1) {
            if (length < 0) {
                throw new IllegalArgumentException(
                        "invalid Content-Length: " + parsed.get(HttpHeaderNames.CONTENT_LENGTH));
            }
            remaining = length;
            body = keepBody ? new ByteArrayOutputStream((int) Math.min(Math.max(remaining, 256), 64 * 1024)) : null;
            state = State.LENGTH;
            if (remaining == 0) {
                finish();
            }
        } else {
            body = keepBody ? new ByteArrayOutputStream(256) : null;
            keepAlive = false;
            state = State.UNTIL_CLOSE;
        }
    }

    /** A decoder for a compressed body, as Netty's HTTP decompressor makes it, or null. */
    private static EmbeddedChannel inflaterFor(String encoding) {
        if (encoding == null) {
            return null;
        }
        String e = encoding.strip().toLowerCase(java.util.Locale.ROOT);
        if (e.equals("gzip") || e.equals("x-gzip")) {
            return new EmbeddedChannel(ZlibCodecFactory.newZlibDecoder(ZlibWrapper.GZIP));
        }
        if (e.equals("deflate") || e.equals("x-deflate")) {
            return new EmbeddedChannel(ZlibCodecFactory.newZlibDecoder(ZlibWrapper.ZLIB_OR_NONE));
        }
        return null;
    }

    /**
     * Takes what came of the {@link #remaining} bytes of the body (or of its chunk); false when
     * the body grew too large to keep.
     */
    private boolean remainder(ByteBuf buf) {
        int n = (int) Math.min(remaining, buf.readableBytes());
        remaining -= n;
        return body(buf, n);
    }

    /** Takes {@code n} bytes of the body; false when the body grew too large to keep. */
    private boolean body(ByteBuf buf, int n) {
        if (inflater == null) {
            boolean ok = add(buf, buf.readerIndex(), n);
            buf.skipBytes(n);
            return ok;
        }
        inflater.writeInbound(buf.retainedSlice(buf.readerIndex(), n));
        buf.skipBytes(n);
        return inflated();
    }

    private boolean inflated() {
        ByteBuf out;
        boolean ok = true;
        while ((out = inflater.readInbound()) != null) {
            try {
                ok = ok && add(out, out.readerIndex(), out.readableBytes());
            } finally {
                out.release();
            }
        }
        return ok;
    }

    /** Adds a piece of the body; false when the body grew too large to keep. */
    private boolean add(ByteBuf content, int from, int n) {
        size += n;
        if (size > MAX_BODY) {
            complete(new Errors.HttpFailure(
                    Errors.TOO_LARGE, "the response body is larger than " + MAX_BODY / (1024 * 1024) + " MB"));
            state = State.BROKEN;
            body = null;
            return false;
        }
        if (body != null && n > 0) {
            try {
                content.getBytes(from, body, n);
            } catch (IOException e) {
                throw new IllegalStateException("cannot happen: writing to memory", e);
            }
        }
        return true;
    }

    private void tooLarge(String why) {
        complete(new Errors.HttpFailure(Errors.TOO_LARGE, "malformed response: " + why));
        state = State.BROKEN;
    }

    private void fail(String kind, String why, Throwable cause) {
        complete(new Errors.HttpFailure(kind, why, cause));
        state = State.BROKEN;
    }

    private void finish() {
        if (inflater != null) {
            inflater.finish();
            boolean ok = inflated();
            inflater.finishAndReleaseAll();
            inflater = null;
            if (!ok) {
                return;
            }
        }
        ResponseHead response = head;
        // Shown as a whole response: its decoded length, no chunks, no encoding once decoded.
        List<String> hidden = decoded ? HIDDEN_DECODED : HIDDEN;
        // The length as it came where it is the body's; the decoded length where it was not given
        // (chunks, the end of the connection) or is the compressed one.
        boolean lengthGiven = response.contentLength() != -1 && !chunked;
        response.showAsWhole(hidden, bodiless || (lengthGiven && !decoded) ? -1 : size);
        Incoming in = new Incoming(response, body == null ? null : body.toByteArray(), size, encoding, keepAlive);
        head = null;
        body = null;
        state = keepAlive ? State.HEAD : State.IGNORE;
        complete(in);
    }

    /**
     * Hands the outcome to the sender, once per request (to the thread waiting for it, or to the
     * taker given with the request); later news is dropped.
     */
    private void complete(Object done) {
        if (request == null) {
            return;
        }
        request = null;
        Consumer<Object> taker = then;
        if (taker != null) {
            then = null;
            taker.accept(done);
            return;
        }
        outcome = done;
        LockSupport.unpark(waiter);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (watch != null) {
            watch.cancel(false);
        }
        if (state == State.UNTIL_CLOSE && request != null) {
            // A body without a length ends with the connection.
            finish();
        }
        release();
        complete(new Errors.HttpFailure(Errors.RESET, "the server closed the connection before answering"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        complete(new Errors.HttpFailure(Errors.of(cause), String.valueOf(cause.getMessage()), cause));
        ctx.close();
    }
}
