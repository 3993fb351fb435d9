package dev.golive.scenario;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Where an event loop reads its connections' bytes: one buffer of the loop's own, used again for
 * every read, instead of a buffer taken from the pool and given back for each. The decoder copies
 * what it keeps ({@link ResponseHandler}), so the buffer is free again once the read was handed
 * on; where a handler still holds it (TLS keeps an incomplete record, a compressed body is being
 * inflated), it is left to that handler, which releases it when done, and the loop takes a new one.
 */
final class LoopReceiveBuffers extends AdaptiveRecvByteBufAllocator {
    /** As large as the largest read Netty's adaptive sizing makes. */
    static final int SIZE = 64 * 1024;

    /**
     * Each event loop's buffer, held once by the loop itself, and released when the loop's thread
     * ends (Netty's threads clear their thread-locals as they end).
     */
    private final FastThreadLocal<ByteBuf> own = new FastThreadLocal<>() {
        @Override
        protected void onRemoval(ByteBuf buffer) {
            if (buffer != null) {
                buffer.release();
            }
        }
    };

    @Override
    public Handle newHandle() {
        return new DelegatingHandle(super.newHandle()) {
            @Override
            public ByteBuf allocate(ByteBufAllocator alloc) {
                return take(alloc);
            }
        };
    }

    /** The loop's buffer, empty, held once more for the read it is handed to. */
    ByteBuf take(ByteBufAllocator alloc) {
        ByteBuf buffer = own.get();
        if (buffer == null || buffer.refCnt() != 1) {
            if (buffer != null) {
                buffer.release(); // someone else still holds it, and frees it when done
            }
            buffer = alloc.ioBuffer(SIZE, SIZE);
            own.set(buffer);
        }
        return buffer.clear().retain();
    }
}
