package dev.golive.diag;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The timestamps captures print: {@code 2016-07-12 14:02:38}, {@code 2021-10-11T21:11:00.833804}, ISO with zone. */
final class Times {
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {}

    /** The timestamp a whole line holds, or null. */
    static LocalDateTime parse(String line) {
        String t = line.strip();
        if (t.length() < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':') {
            return null;
        }
        char sep = t.charAt(10);
        if (sep != ' ' && sep != 'T') {
            return null;
        }
        String iso = t.substring(0, 10) + 'T' + t.substring(11);
        try {
            if (iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(iso)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime();
            }
            return LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String format(LocalDateTime time) {
        return PRINTED.format(time);
    }
}
