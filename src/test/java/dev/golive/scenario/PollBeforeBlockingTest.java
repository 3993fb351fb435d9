package dev.golive.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.SelectStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollBeforeBlockingTest {
    @Test
    void aLoopWithTasksPollsOnceAndRunsThem() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger pauses = new AtomicInteger();

        int strategy =
                new PollBeforeBlocking(30, pauses::incrementAndGet).calculateStrategy(polls::incrementAndGet, true);

        assertThat(strategy).isEqualTo(1);
        assertThat(polls).hasValue(1);
        assertThat(pauses).hasValue(0);
    }

    @Test
    void anIdleLoopPollsYieldingBetweenPollsThenBlocks() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger pauses = new AtomicInteger();

        int strategy = new PollBeforeBlocking(30, pauses::incrementAndGet)
                .calculateStrategy(
                        () -> {
                            polls.incrementAndGet();
                            return 0;
                        },
                        false);

        assertThat(strategy).isEqualTo(SelectStrategy.SELECT);
        assertThat(polls).hasValue(30);
        assertThat(pauses).hasValue(30);
    }

    @Test
    void aResponseThatArrivesWhileTheLoopPollsIsTakenWithoutBlocking() throws Exception {
        try (Selector selector = Selector.open()) {
            Pipe pipe = Pipe.open();
            pipe.source().configureBlocking(false);
            pipe.source().register(selector, SelectionKey.OP_READ);
            AtomicInteger pauses = new AtomicInteger();
            Runnable arrives = () -> {
                if (pauses.incrementAndGet() == 5) {
                    try {
                        pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };

            int strategy = new PollBeforeBlocking(30, arrives).calculateStrategy(selector::selectNow, false);

            assertThat(strategy).isEqualTo(1);
            assertThat(pauses).hasValue(5);
            pipe.sink().close();
            pipe.source().close();
        }
    }
}
