package dev.golive.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.LoadTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhasesTest {
    private static final List<LoadTest.Phase> PHASES = List.of(
            new LoadTest.Phase(0, 100, Duration.ofSeconds(10)), new LoadTest.Phase(100, 100, Duration.ofSeconds(20)));

    @Test
    void rampsLinearlyThenHolds() {
        assertThat(Phases.level(PHASES, Duration.ZERO)).isZero();
        assertThat(Phases.level(PHASES, Duration.ofSeconds(5))).isEqualTo(50);
        assertThat(Phases.level(PHASES, Duration.ofMillis(9_990))).isEqualTo(100);
        assertThat(Phases.level(PHASES, Duration.ofSeconds(25))).isEqualTo(100);
        assertThat(Phases.level(PHASES, Duration.ofSeconds(99))).isEqualTo(100);
    }

    @Test
    void arrivalsFollowTheRateAndWaitOutARateOfZero() {
        List<LoadTest.Phase> hold = List.of(new LoadTest.Phase(10, 10, Duration.ofSeconds(1)));
        List<LoadTest.Phase> ramp = List.of(new LoadTest.Phase(0, 10, Duration.ofSeconds(10)));
        long end = Duration.ofSeconds(1).toNanos();

        List<Long> times = new java.util.ArrayList<>();
        for (long t = Phases.nextArrival(hold, -1, end); t < end; t = Phases.nextArrival(hold, t, end)) {
            times.add(t / 1_000_000);
        }

        assertThat(times).containsExactly(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L);
        assertThat(Phases.nextArrival(ramp, -1, Duration.ofSeconds(10).toNanos()))
                .isGreaterThan(0);
        assertThat(Phases.nextArrival(List.of(new LoadTest.Phase(0, 0, Duration.ofSeconds(1))), -1, end))
                .isEqualTo(end);
    }
}
