package dev.golive.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Users waiting out a think time or their pacing are handed back when the test ends. */
class WaitsTest {
    private final List<String> handedBack = new CopyOnWriteArrayList<>();
    private final Executor threads = Runnable::run;

    @Test
    void theEndHandsBackEveryUserStillWaitingOnce() {
        Waits waits = new Waits();
        long inAnHour = System.nanoTime() + Duration.ofHours(1).toNanos();
        assertThat(waits.at(inAnHour, threads, () -> handedBack.add("a"))).isTrue();
        assertThat(waits.at(inAnHour, threads, () -> handedBack.add("b"))).isTrue();

        waits.end();

        assertThat(handedBack).containsExactlyInAnyOrder("a", "b");
        assertThat(waits.at(inAnHour, threads, () -> handedBack.add("late")))
                .as("a wait after the end is refused")
                .isFalse();
        assertThat(handedBack).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aUserWhoseWaitIsOverIsNotHandedBackAgainAtTheEnd() throws InterruptedException {
        Waits waits = new Waits();
        assertThat(waits.at(System.nanoTime(), threads, () -> handedBack.add("now")))
                .isTrue();
        while (handedBack.isEmpty()) {
            Thread.sleep(1);
        }

        waits.end();

        assertThat(handedBack).containsExactly("now");
    }
}
