package dev.golive.release;

/** Quoting for the POSIX shell scripts run on hosts. */
final class Sh {
    private Sh() {}

    /** One shell word that stands for {@code text} exactly. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
