package dev.golive.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The seconds of several generators merge into exactly what one generator measuring everything would say. */
class MergeTest {
    @Test
    void mergedCountsAreTheSumAndMergedPercentilesThoseOfOneHistogramOfAllSamples() {
        Random random = new Random(42);
        Histogram all = new Histogram(3);
        List<Sample> parts = new ArrayList<>();
        long failed = 0;
        for (int g = 0; g < 3; g++) {
            Histogram mine = new Histogram(3);
            int n = 1000 + random.nextInt(5000);
            for (int i = 0; i < n; i++) {
                // A different shape per generator: the merged p99 is not any part's p99.
                long micros = (long) (Math.exp(random.nextGaussian() * (g + 1)) * 1000 * (g + 1));
                mine.recordValue(Math.min(micros, 3_600_000_000L));
                all.recordValue(Math.min(micros, 3_600_000_000L));
            }
            failed += g + 1;
            Interval overall = new Interval("overall", "overall", mine, mine.copy(), Map.of("reset", (long) g + 1));
            Interval request =
                    new Interval("request", "GET /", mine.copy(), mine.copy(), Map.of("reset", (long) g + 1));
            parts.add(new Sample(7, 10, n, g, 0, 5, 0.1 * g, List.of(request, overall)));
        }

        Sample merged = Distributed.merge(7, parts);

        assertThat(merged.overall().passed()).isEqualTo(all.getTotalCount());
        assertThat(merged.overall().failed()).isEqualTo(failed);
        assertThat(merged.arrivals())
                .isEqualTo(parts.stream().mapToLong(Sample::arrivals).sum());
        assertThat(merged.wanted()).isEqualTo(30);
        assertThat(merged.active()).isEqualTo(15);
        assertThat(merged.cpu()).isEqualTo(0.2);
        for (double p : new double[] {50, 90, 95, 99, 99.9, 100}) {
            assertThat(merged.overall().times().getValueAtPercentile(p))
                    .as("p" + p)
                    .isEqualTo(all.getValueAtPercentile(p));
        }
        Interval request = merged.intervals().stream()
                .filter(i -> i.kind().equals("request"))
                .findFirst()
                .orElseThrow();
        assertThat(request.times().getValueAtPercentile(99)).isEqualTo(all.getValueAtPercentile(99));
    }

    @Test
    void aLineOfAnAgentCarriesItsSecondWhole() {
        Histogram h = new Histogram(3);
        h.recordValue(1234);
        h.recordValue(98765);
        Sample s = new Sample(
                3,
                12.5,
                12,
                1,
                0,
                4,
                0.25,
                List.of(new Interval("transaction", "buy", h, h.copy(), Map.of("status", 2L))));

        Sample back = AgentLines.sample(AgentLines.read(AgentLines.second(s)));

        assertThat(back.second()).isEqualTo(3);
        assertThat(back.wanted()).isEqualTo(12.5);
        assertThat(back.intervals().getFirst().times()).isEqualTo(h);
        assertThat(back.intervals().getFirst().errors()).containsEntry("status", 2L);
    }
}
