package dev.golive.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Collects the problems of one load and renders them with the offending source line. */
final class Problems {
    static final int LIMIT = 20;
    // Where the YAML parser counts a new line: YAML 1.1 also breaks lines at NEL, LS and PS.
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\n\\r\\u0085\\u2028\\u2029]");

    private final List<Problem> found = new ArrayList<>();
    private final Map<Path, List<String>> sources = new HashMap<>();
    private boolean truncated;

    void source(Path file, String text) {
        sources.put(file, List.of(LINE_BREAK.split(text)));
    }

    void add(Location location, String path, String message) {
        if (found.size() >= LIMIT) {
            truncated = true;
            return;
        }
        Problem problem = new Problem(location, path, message);
        if (!found.contains(problem)) {
            found.add(problem);
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    boolean full() {
        return found.size() >= LIMIT;
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new PlanException(found, truncated, render());
        }
    }

    private String render() {
        StringBuilder out = new StringBuilder();
        for (Problem p : found) {
            out.append(p).append('\n');
            List<String> lines = sources.get(p.location().file());
            int line = p.location().line();
            if (lines != null && line <= lines.size()) {
                String gutter = String.format("%5d | ", line);
                out.append(gutter).append(lines.get(line - 1)).append('\n');
                out.append(" ".repeat(gutter.length() - 2)).append("| ");
                out.append(" ".repeat(p.location().column() - 1)).append("^\n");
            }
        }
        if (truncated) {
            out.append("(more problems were found; only the first ")
                    .append(LIMIT)
                    .append(" are shown)\n");
        }
        out.append(found.size())
                .append(found.size() == 1 ? " problem" : " problems")
                .append(" in the plan");
        return out.toString();
    }
}
