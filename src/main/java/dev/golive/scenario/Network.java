package dev.golive.scenario;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;

/**
 * What every connection of a runner shares: the event loops that read the responses, the
 * buffers they use, the one buffer per loop they read into, and the client side of TLS.
 */
record Network(EventLoopGroup loops, ByteBufAllocator buffers, LoopReceiveBuffers receive, SslContext tls) {}
