package dev.golive.runbook;

/**
 * What was asked of a runbook run cannot be done as asked: a step that is not ready, a missing
 * reason, an approval by the wrong person. The message says why and what to do instead.
 */
public final class RunbookException extends RuntimeException {
    public RunbookException(String message) {
        super(message);
    }
}
