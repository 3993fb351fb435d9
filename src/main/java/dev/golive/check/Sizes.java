package dev.golive.check;

/** Sizes as people read them. */
final class Sizes {
    private Sizes() {}

    /** {@code 12.3 GiB} from a number of KiB. */
    static String kib(long kib) {
        if (kib >= 1024L * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f GiB", kib / (1024.0 * 1024));
        }
        if (kib >= 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", kib / 1024.0);
        }
        return kib + " KiB";
    }
}
