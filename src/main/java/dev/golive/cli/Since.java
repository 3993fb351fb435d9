package dev.golive.cli;

import dev.golive.plan.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code --since} value: an age ({@code 2h}), a date, a local time, or an instant. */
final class Since {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private Since() {}

    static Instant parse(String text, Clock clock) {
        String s = text.strip();
        Duration age = Durations.parse(s);
        if (age != null) {
            return clock.instant().minus(age);
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(clock.getZone()).toInstant();
            }
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return Instant.parse(s.replace(' ', 'T'));
            }
            return LocalDateTime.parse(s.replace('T', ' '), LOCAL)
                    .atZone(clock.getZone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("bad --since '" + text + "': give an age like 30m or 2h, a date like 2026-12-04, "
                    + "a local time like \"2026-12-04 21:00\", or an instant like 2026-12-04T20:00:00Z");
        }
    }
}
