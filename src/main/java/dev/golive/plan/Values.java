package dev.golive.plan;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the small value syntaxes of the plan: durations ({@code 800ms}, {@code 1m30s}),
 * percentages ({@code 0.1%}), rates ({@code 300/s}), sizes ({@code 2MB}) and numbers. Each returns null and leaves a
 * message in {@link #error()} when the text is not of the expected shape.
 */
final class Values {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");
    private static final long MAX_SIZE = 1L << 50;

    private Values() {}

    static Duration duration(String text) {
        String s = text.strip();
        Matcher m = DURATION_PART.matcher(s);
        long nanos = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            long part = (long) (Double.parseDouble(m.group(1)) * unitNanos(m.group(2)));
            if (part == Long.MAX_VALUE || Long.MAX_VALUE - part < nanos) {
                return null;
            }
            nanos += part;
            end = m.end();
        }
        return end == s.length() && end > 0 ? Duration.ofNanos(nanos) : null;
    }

    static String durationHint(String text) {
        return "bad duration '" + text
                + "': expected a number and a unit (ms, s, m, h, d), like 800ms, 30s, 5m or 1m30s";
    }

    static Double percent(String text) {
        Matcher m = PERCENT.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        double value = Double.parseDouble(m.group(1));
        return value <= 100 ? value : null;
    }

    static String percentHint(String text) {
        return "bad percentage '" + text + "': expected a number from 0 to 100 followed by %, like 0.1% or 70%";
    }

    /** A rate in events per second. */
    static Double rate(String text) {
        Matcher m = RATE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        double per = switch (m.group(2)) {
            case "s" -> 1;
            case "m" -> 60;
            default -> 3600;
        };
        return Double.parseDouble(m.group(1)) / per;
    }

    static String rateHint(String text) {
        return "bad rate '" + text + "': expected a number per time unit, like 300/s, 50/m or 1000/h";
    }

    /** A size in bytes: {@code 512}, {@code 10KB}, {@code 2MB}; a KB is 1024 bytes. */
    static Long size(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        long unit = switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "", "B" -> 1;
            case "KB", "KIB" -> 1L << 10;
            case "MB", "MIB" -> 1L << 20;
            case "GB", "GIB" -> 1L << 30;
            default -> 0;
        };
        double bytes = Double.parseDouble(m.group(1)) * unit;
        return unit == 0 || bytes > MAX_SIZE ? null : Math.round(bytes);
    }

    static String sizeHint(String text) {
        return "bad size '" + text + "': expected a number of bytes, or a number and a unit (B, KB, MB, GB; "
                + "1 KB = 1024 bytes), like 512, 10KB or 2MB";
    }

    static Long integer(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double number(String text) {
        try {
            double d = Double.parseDouble(text.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Splits {@code a..b} into its two ends, or returns null when there is no {@code ..}. */
    static String[] range(String text) {
        int at = text.indexOf("..");
        if (at < 0 || text.indexOf("..", at + 2) >= 0) {
            return null;
        }
        return new String[] {
            text.substring(0, at).strip(), text.substring(at + 2).strip()
        };
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
    }
}
