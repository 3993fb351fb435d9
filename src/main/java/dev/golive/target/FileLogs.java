package dev.golive.target;

import java.time.Instant;

/**
 * Logs in files: {@code path} is a directory (every file directly in it) or one file. In a
 * directory the main log, which {@code logs --tail} shows, is {@code main} when it exists, else the
 * newest file.
 *
 * @param path the log directory or file
 * @param main the main log's name in the directory, or null for the newest file
 */
record FileLogs(String path, String main) implements Logs {
    /** Where clear-logs keeps its archives, inside a log directory. */
    static final String ARCHIVE = "golive-archive";

    // Remembers the time of the last timestamped line, so a stack trace's "Caused by" lines are
    // dated by the line that started it. Understands 2026-12-04 21:00:00 (ISO, log4j, logback) and
    // 04-Dec-2026 21:00:00 (Tomcat's JUL format); the same line in two files (Tomcat's console and
    // file handlers) is printed once.
    private static final String ERRORS_AWK = """
            BEGIN { split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", m, " "); \
            for (i = 1; i <= 12; i++) month[m[i]] = sprintf("%02d", i) }
            FNR == 1 { at = ""; name = FILENAME; sub(/.*\\//, "", name) }
            /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][ T][0-9][0-9]:[0-9][0-9]:[0-9][0-9]/ { \
            at = substr($0, 1, 19); gsub(/[^0-9]/, "", at) }
            /^[0-9][0-9]-[A-Z][a-z][a-z]-[0-9][0-9][0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]/ { \
            at = substr($0, 8, 4) month[substr($0, 4, 3)] substr($0, 1, 2) substr($0, 13, 2) substr($0, 16, 2) substr($0, 19, 2) }
            (at == "" || at >= since) && /ERROR|SEVERE|Exception/ && !seen[$0]++ { print name ": " $0 }
            """;

    FileLogs {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a log path is required");
        }
    }

    @Override
    public String tail(int lines) {
        return "L=" + Shell.quote(path) + "\n"
                + "if [ -d \"$L\" ]; then\n"
                + "  f=\"$L/\"" + Shell.quote(main == null ? "" : main) + "\n"
                + "  if [ ! -f \"$f\" ]; then\n"
                + "    f=$(find \"$L\" -maxdepth 1 -type f ! -name '*.gz' -printf '%T@ %p\\n' | sort -n | tail -1 | cut -d' ' -f2-)\n"
                + "  fi\n"
                + "else f=$L; fi\n"
                + "[ -n \"$f\" ] && [ -r \"$f\" ] || { echo \"no log file in $L\" >&2; exit 1; }\n"
                + "tail -n " + lines + " \"$f\"\n";
    }

    @Override
    public String errorsSince(Instant since) {
        long epoch = since.getEpochSecond();
        return "L=" + Shell.quote(path) + "\n"
                + "[ -e \"$L\" ] || { echo \"no logs at $L\" >&2; exit 1; }\n"
                + "if [ -d \"$L\" ]; then depth=1; else depth=0; fi\n"
                // The host's own clock and zone date its log lines.
                + "since=$(date -d @" + epoch + " +%Y%m%d%H%M%S)\n"
                + "find \"$L\" -maxdepth $depth -type f ! -name '*.gz' -newermt @" + epoch
                + " -exec awk -v since=\"$since\" " + Shell.quote(ERRORS_AWK) + " {} +\n";
    }

    @Override
    public String clear(String stamp) {
        return "L=" + Shell.quote(path) + "\n"
                + "if [ -d \"$L\" ]; then\n"
                + "  cd \"$L\" || exit 1\n"
                + "  files=$(find . -maxdepth 1 -type f ! -name '*.gz' -size +0 -printf '%P\\n')\n"
                + "  [ -n \"$files\" ] || { echo \"nothing to archive in $L\"; exit 0; }\n"
                + "  mkdir -p " + ARCHIVE + " || exit 1\n"
                + "  a=" + ARCHIVE + "/logs-" + stamp + ".tar.gz\n"
                + "  printf '%s\\n' \"$files\" | tar -czf \"$a\" -T - || exit 1\n"
                // Emptied, not removed: the server keeps writing to the files it holds open.
                + "  printf '%s\\n' \"$files\" | while IFS= read -r f; do : > \"$f\"; done\n"
                + "  echo \"archived $(printf '%s\\n' \"$files\" | wc -l) files to $L/$a and emptied them\"\n"
                + "elif [ -f \"$L\" ]; then\n"
                + "  a=\"$L.\"" + Shell.quote(stamp) + ".gz\n"
                + "  gzip -c \"$L\" > \"$a\" || exit 1\n"
                + "  : > \"$L\"\n"
                + "  echo \"archived $L to $a and emptied it\"\n"
                + "else echo \"no logs at $L\" >&2; exit 1; fi\n";
    }
}
