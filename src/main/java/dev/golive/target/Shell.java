package dev.golive.target;

/** Quoting for POSIX shells. */
final class Shell {
    private Shell() {}

    /**
     * One shell word that stands for {@code text} exactly: single quotes, with each embedded single
     * quote closed, escaped and reopened, so no character inside is special.
     */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
