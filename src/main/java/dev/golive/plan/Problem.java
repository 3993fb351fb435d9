package dev.golive.plan;

/**
 * One thing wrong with a plan: where, the path of the value ({@code loadtests.peak.targets}), and
 * what is wrong. {@link #toString()} gives the one-line form {@code file:line:col: path: message}.
 */
public record Problem(Location location, String path, String message) {
    public Problem {
        if (location == null || message == null) {
            throw new IllegalArgumentException("location and message are required");
        }
        path = path == null ? "" : path;
    }

    @Override
    public String toString() {
        return location + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
