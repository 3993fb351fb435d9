package dev.golive.target;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects output lines as {@code host | line} ({@code host ! line} for standard error). */
final class Lines implements OutputListener {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void line(String host, boolean error, String line) {
        lines.add(host + (error ? " ! " : " | ") + line);
    }

    List<String> all() {
        return List.copyOf(lines);
    }
}
