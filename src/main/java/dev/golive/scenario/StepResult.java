package dev.golive.scenario;

import java.time.Duration;

/**
 * What one step did.
 *
 * @param kind {@code request}, {@code think}, {@code transaction} or {@code feed}
 * @param name the step's display name
 * @param depth how deep in transactions the step is, 0 at the top
 * @param status the final HTTP status of a request, 0 for other steps or when none came
 * @param time how long the step took; for a transaction, all its steps
 * @param failure why the step failed, or null when it passed
 * @param request the request as sent, with every redirect, or null
 * @param response the response as received, with every redirect, or null
 */
public record StepResult(
        String kind,
        String name,
        int depth,
        int status,
        Duration time,
        String failure,
        String request,
        String response) {
    public StepResult {
        if (kind == null || name == null || time == null) {
            throw new IllegalArgumentException("kind, name and time are required");
        }
    }

    public boolean passed() {
        return failure == null;
    }
}
