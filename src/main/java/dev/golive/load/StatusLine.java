package dev.golive.load;

import java.time.Duration;
import java.util.Locale;

/** The one-line status printed every second while a load test runs. */
final class StatusLine {
    private StatusLine() {}

    static String of(Duration elapsed, Duration total, String load, Metrics metrics) {
        Stats s = metrics.overall(elapsed);
        return String.format(
                Locale.ROOT,
                "%5ds/%ds  %s  tps %.1f  p95 %s  errors %.2f%% (%d)",
                elapsed.toSeconds(),
                total.toSeconds(),
                load,
                s.tps(),
                TargetCheck.millis(s.p95()),
                s.errorPercent(),
                s.errors());
    }
}
