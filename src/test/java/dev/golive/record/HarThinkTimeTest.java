package dev.golive.record;

import static dev.golive.record.Recordings.imported;
import static dev.golive.record.Recordings.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HarThinkTimeTest {
    @TempDir
    Path dir;

    @Test
    void gapsFromTheEndOfOneStepToTheStartOfTheNextBecomeThinkSteps() {
        List<Step> steps = load(dir, imported("shop-checkout.har")).steps();

        assertThat(steps)
                .extracting(HarThinkTimeTest::describe)
                .containsExactly(
                        "GET /shop/signin",
                        "think 4200",
                        "POST /shop/signin",
                        "think 1900",
                        "GET /shop/search?q=hat",
                        "think 2900",
                        "POST /shop/orders",
                        "GET /shop/orders/${orderId}",
                        "think 12000",
                        "POST /shop/orders/${orderId}/pay");
    }

    @ParameterizedTest
    @CsvSource({
        "500, 500ms",
        "549, 500ms",
        "550, 600ms",
        "1049, 1s",
        "1050, 1.1s",
        "9949, 9.9s",
        "9950, 10s",
        "12499, 12s",
        "75500, 76s"
    })
    void pausesAreRoundedTo100MillisecondsAndAboveTenSecondsToWholeSeconds(long millis, String written) {
        assertThat(ThinkTimes.format(ThinkTimes.rounded(Duration.ofMillis(millis))))
                .isEqualTo(written);
    }

    @Test
    void gapsBelowHalfASecondAndOverlapsAreNoPause() {
        Call first = call(1, "2026-11-20T09:30:00.000Z", 100);

        assertThat(ThinkTimes.between(first, call(2, "2026-11-20T09:30:00.599Z", 10)))
                .isNull();
        assertThat(ThinkTimes.between(first, call(2, "2026-11-20T09:30:00.600Z", 10)))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(ThinkTimes.between(first, call(2, "2026-11-20T09:30:00.050Z", 10)))
                .as("started while the first was running")
                .isNull();
    }

    private static Call call(int number, String start, long millis) {
        HarEntry entry = new HarEntry(
                number,
                Instant.parse(start),
                Duration.ofMillis(millis),
                new HarEntry.Request("GET", "http://shop.example/x", List.of(), null, null, List.of()),
                new HarEntry.Response(200, List.of(), "text/html", ""));
        return Calls.of(number, List.of(entry), Url.parse("http://shop.example/"), new ArrayList<>());
    }

    private static String describe(Step step) {
        return switch (step) {
            case Step.Request r -> r.method() + " " + r.url();
            case Step.Think t -> "think " + t.min().toMillis();
            case Step.Transaction t -> "transaction " + t.name();
        };
    }
}
