package dev.golive.check;

import java.time.Duration;

/**
 * The result of one readiness check on one target.
 *
 * @param check the check's name
 * @param subject what it looked at: a host, an instance, a database, a URL
 * @param ok green or red
 * @param detail what was found (green) or why it is red, one line
 * @param duration how long it took
 */
public record CheckResult(String check, String subject, boolean ok, String detail, Duration duration) {
    public CheckResult {
        if (check == null || subject == null || detail == null || duration == null) {
            throw new IllegalArgumentException("check, subject, detail and duration are required");
        }
    }

    /** {@code ✔ name (subject): detail} or {@code ✘ …}. */
    public String line() {
        return (ok ? "ok   " : "FAIL ") + check + " (" + subject + "): " + detail;
    }
}
