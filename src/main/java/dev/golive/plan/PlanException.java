package dev.golive.plan;

import java.util.List;

/**
 * A plan could not be loaded. Carries every problem found (up to {@link Problems#LIMIT}), each
 * with file, line and column; {@link #getMessage()} shows them with the source line and a caret.
 */
public final class PlanException extends RuntimeException {
    private final List<Problem> problems;
    private final boolean truncated;

    PlanException(List<Problem> problems, boolean truncated, String rendered) {
        super(rendered);
        this.problems = List.copyOf(problems);
        this.truncated = truncated;
    }

    /** The problems, in the order they were found. */
    public List<Problem> problems() {
        return problems;
    }

    /** True when more problems were found than were kept. */
    public boolean truncated() {
        return truncated;
    }
}
