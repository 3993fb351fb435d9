package dev.golive.scenario;

import java.time.Duration;

/**
 * What one step did.
 *
 * @param kind {@code request}, {@code think}, {@code transaction} or {@code feed}
 * @param name the step's display name
 * @param depth how deep in transactions the step is, 0 at the top
 * @param status the final HTTP status of a request, 0 for other steps or when none came
 * @param time how long the step took from its intended start; for a transaction, all its steps
 * @param failure why the step failed, or null when it passed
 * @param request the request as sent, with every redirect, or null
 * @param response the response as received, with every redirect, or null
 * @param error the kind of failure (see {@link Errors}), or null when the step passed
 * @param service how long the step took from its actual start: {@code time} without the
 *     lateness of a generator that fell behind
 */
public record StepResult(
        String kind,
        String name,
        int depth,
        int status,
        Duration time,
        String failure,
        String request,
        String response,
        String error,
        Duration service) {
    public StepResult {
        if (kind == null || name == null || time == null || service == null) {
            throw new IllegalArgumentException("kind, name, time and service time are required");
        }
        if ((failure == null) != (error == null)) {
            throw new IllegalArgumentException("a failed step has an error kind, a passed one none");
        }
    }

    /** A step whose time is all service time. */
    StepResult(
            String kind,
            String name,
            int depth,
            int status,
            Duration time,
            String failure,
            String request,
            String response,
            String error) {
        this(kind, name, depth, status, time, failure, request, response, error, time);
    }

    public boolean passed() {
        return failure == null;
    }

    /** The same step, started {@code late} after it was meant to. */
    StepResult late(Duration late) {
        return new StepResult(kind, name, depth, status, time.plus(late), failure, request, response, error, service);
    }
}
