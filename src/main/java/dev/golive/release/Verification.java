package dev.golive.release;

import java.time.Instant;

/**
 * A smoke run or a load test run recorded against a release in an environment.
 *
 * @param kind {@code smoke} or {@code load}
 * @param name the scenario or the load test
 * @param environment where it ran
 * @param at when it was recorded
 * @param passed whether it passed
 * @param by who ran it
 * @param subject what the journal says it ran on
 */
public record Verification(
        String kind, String name, String environment, Instant at, boolean passed, String by, String subject) {}
