package dev.golive.scenario;

import java.util.Locale;

/** Sizes of bodies as people read them: {@code 812 bytes}, {@code 10 KB}, {@code 3.1 MB} (1 KB = 1024 bytes). */
final class Sizes {
    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private Sizes() {}

    /** The size in the largest unit it fills, with the exact number of bytes when that unit rounds them. */
    static String text(long bytes) {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (value == Math.rint(value)) {
            return (long) value + " " + UNITS[unit];
        }
        return String.format(Locale.ROOT, "%.1f %s (%d bytes)", value, UNITS[unit], bytes);
    }
}
