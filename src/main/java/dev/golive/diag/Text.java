package dev.golive.diag;

import java.util.List;

/** Small helpers for the words of findings. */
final class Text {
    private static final int NAMES = 8;

    private Text() {}

    /** Up to eight quoted names, then how many more. */
    static String names(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(NAMES, names.size()); i++) {
            b.append(i == 0 ? "" : ", ").append('"').append(names.get(i)).append('"');
        }
        if (names.size() > NAMES) {
            b.append(" and ").append(names.size() - NAMES).append(" more");
        }
        return b.toString();
    }

    static String threads(int n) {
        return n == 1 ? "1 thread" : n + " threads";
    }

    /** A byte count in KB, MB or GB with one decimal. */
    static String bytes(double bytes) {
        double abs = Math.abs(bytes);
        if (abs >= 1 << 30) {
            return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (1 << 30));
        }
        if (abs >= 1 << 20) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1 << 20));
        }
        return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024);
    }
}
