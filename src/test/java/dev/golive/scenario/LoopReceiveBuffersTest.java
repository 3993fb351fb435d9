package dev.golive.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The buffer an event loop reads into, used again once nobody else holds it. */
class LoopReceiveBuffersTest {
    private final ByteBufAllocator alloc = new AdaptiveByteBufAllocator(false);
    private final LoopReceiveBuffers buffers = new LoopReceiveBuffers();

    @Test
    void aReadReleasedByItsHandlerLeavesTheBufferToTheNextReadEmpty() {
        ByteBuf first = buffers.take(alloc);
        first.writeBytes(new byte[] {1, 2, 3});
        first.release(); // the handler is done with the read

        ByteBuf second = buffers.take(alloc);

        assertThat(second).isSameAs(first);
        assertThat(second.readableBytes()).isZero();
        assertThat(second.writableBytes()).isEqualTo(LoopReceiveBuffers.SIZE);
        assertThat(second.refCnt()).isEqualTo(2); // the loop's own, and the read's
        second.release();
    }

    @Test
    void aBufferAHandlerStillHoldsIsLeftToItAndFreedWhenItLetsGo() {
        ByteBuf held = buffers.take(alloc);
        held.writeBytes(new byte[] {42});
        // A TLS handler keeps an incomplete record: it holds the read and does not release it yet.

        ByteBuf next = buffers.take(alloc);

        assertThat(next).isNotSameAs(held);
        assertThat(held.refCnt()).isEqualTo(1); // only the handler now
        assertThat(held.readByte()).isEqualTo((byte) 42);
        held.release();
        assertThat(held.refCnt()).isZero();
        next.release();
        assertThat(buffers.take(alloc)).isSameAs(next);
    }

    @Test
    void anEventLoopThatEndsReleasesItsBuffer() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ByteBuf buffer = group.next()
                .submit(() -> {
                    ByteBuf b = buffers.take(alloc);
                    b.release(); // the read is done with it; the loop keeps it
                    return b;
                })
                .get();
        assertThat(buffer.refCnt()).isEqualTo(1);

        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        group.terminationFuture().sync();

        assertThat(buffer.refCnt()).isZero();
    }

    @Test
    void eachEventLoopReadsIntoABufferOfItsOwn() throws InterruptedException {
        ByteBuf here = buffers.take(alloc);
        here.release();
        AtomicReference<ByteBuf> there = new AtomicReference<>();
        Thread other = Thread.ofPlatform().start(() -> {
            ByteBuf b = buffers.take(alloc);
            b.release();
            there.set(b);
        });
        other.join();

        assertThat(there.get()).isNotNull().isNotSameAs(here);
        assertThat(buffers.take(alloc)).isSameAs(here);
    }
}
