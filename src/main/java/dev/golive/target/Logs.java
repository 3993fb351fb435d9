package dev.golive.target;

import java.time.Instant;

/** Where a service writes its logs, and the scripts that read and clear them there. */
interface Logs {
    /** Prints the last {@code lines} lines of the main log. */
    String tail(int lines);

    /** Prints the lines with ERROR, SEVERE or Exception written since {@code since}. */
    String errorsSince(Instant since);

    /** Archives the logs to a file named with {@code stamp}, then empties them; prints what it did. */
    String clear(String stamp);

    /** No logs golive knows of: every script says so and fails. */
    record Unknown(String why) implements Logs {
        @Override
        public String tail(int lines) {
            return fail();
        }

        @Override
        public String errorsSince(Instant since) {
            return fail();
        }

        @Override
        public String clear(String stamp) {
            return fail();
        }

        private String fail() {
            return "echo " + Shell.quote(why) + " >&2\nexit 1\n";
        }
    }
}
