package dev.golive.target;

import java.time.Duration;
import java.time.Instant;

/**
 * How service actions behave.
 *
 * @param stopTimeout how long a graceful stop may take before the instance is killed
 * @param healthDeadline how long start and health wait for the health URL to answer 200
 * @param expectBody text the health answer must contain, or null
 * @param lines how many lines {@code logs} shows
 * @param errorsSince with {@code logs}: show only errors written since then, or null for the tail
 */
public record ServiceOptions(
        Duration stopTimeout, Duration healthDeadline, String expectBody, int lines, Instant errorsSince) {
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_HEALTH_DEADLINE = Duration.ofSeconds(120);
    public static final int DEFAULT_LINES = 100;

    public ServiceOptions {
        if (stopTimeout == null || stopTimeout.isNegative() || stopTimeout.isZero()) {
            throw new IllegalArgumentException("the stop timeout must be positive: " + stopTimeout);
        }
        if (healthDeadline == null || healthDeadline.isNegative()) {
            throw new IllegalArgumentException("the health deadline must not be negative: " + healthDeadline);
        }
        if (lines < 1) {
            throw new IllegalArgumentException("lines must be at least 1: " + lines);
        }
    }

    public static ServiceOptions defaults() {
        return new ServiceOptions(DEFAULT_STOP_TIMEOUT, DEFAULT_HEALTH_DEADLINE, null, DEFAULT_LINES, null);
    }

    public ServiceOptions withStopTimeout(Duration timeout) {
        return new ServiceOptions(timeout, healthDeadline, expectBody, lines, errorsSince);
    }

    public ServiceOptions withHealthDeadline(Duration deadline) {
        return new ServiceOptions(stopTimeout, deadline, expectBody, lines, errorsSince);
    }

    public ServiceOptions withExpectBody(String text) {
        return new ServiceOptions(stopTimeout, healthDeadline, text, lines, errorsSince);
    }

    public ServiceOptions withLines(int count) {
        return new ServiceOptions(stopTimeout, healthDeadline, expectBody, count, errorsSince);
    }

    public ServiceOptions withErrorsSince(Instant since) {
        return new ServiceOptions(stopTimeout, healthDeadline, expectBody, lines, since);
    }
}
