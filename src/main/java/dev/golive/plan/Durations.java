package dev.golive.plan;

import java.time.Duration;

/**
 * The plan's duration syntax, for the command line too: a number and a unit ({@code ms}, {@code
 * s}, {@code m}, {@code h}, {@code d}), parts may follow each other ({@code 1m30s}).
 */
public final class Durations {
    private Durations() {}

    /** The duration, or null when the text is not one. */
    public static Duration parse(String text) {
        return text == null ? null : Values.duration(text);
    }

    /** A short human form: {@code 850ms}, {@code 12.3s}, {@code 5m}, {@code 1h20m}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return ms % 1000 == 0 ? ms / 1000 + "s" : String.format("%.1fs", ms / 1000.0);
        }
        long minutes = d.toMinutes();
        long seconds = d.toSecondsPart();
        if (minutes < 60) {
            return minutes + "m" + (seconds == 0 ? "" : seconds + "s");
        }
        long hours = d.toHours();
        int rest = d.toMinutesPart();
        return hours + "h" + (rest == 0 ? "" : rest + "m");
    }
}
