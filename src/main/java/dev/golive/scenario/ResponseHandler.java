package dev.golive.scenario;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Hands the one response a connection waits for to whoever sent the request. */
final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    private volatile CompletableFuture<Incoming> pending = new CompletableFuture<>();
    private volatile String encoding;

    CompletableFuture<Incoming> expect() {
        pending = new CompletableFuture<>();
        encoding = null;
        return pending;
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
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        if (response.decoderResult().isFailure()) {
            Throwable cause = response.decoderResult().cause();
            pending.completeExceptionally(new Errors.HttpFailure(
                    cause instanceof TooLongFrameException ? Errors.TOO_LARGE : Errors.MALFORMED,
                    "malformed response: " + cause.getMessage(),
                    cause));
            ctx.close();
            return;
        }
        List<Map.Entry<String, String>> headers = response.headers().entries().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList();
        byte[] body = ByteBufUtil.getBytes(response.content());
        pending.complete(new Incoming(
                response.status().code(),
                response.status().reasonPhrase(),
                headers,
                body,
                encoding,
                HttpUtil.isKeepAlive(response)));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pending.completeExceptionally(
                new Errors.HttpFailure(Errors.RESET, "the server closed the connection before answering"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        pending.completeExceptionally(
                new Errors.HttpFailure(Errors.of(cause), String.valueOf(cause.getMessage()), cause));
        ctx.close();
    }
}
