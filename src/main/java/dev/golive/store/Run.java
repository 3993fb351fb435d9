package dev.golive.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One execution of a load test, drill, deploy or runbook.
 *
 * @param id a readable id such as {@code 2026-11-29-001}: the day it started and a counter
 * @param kind what ran: {@code loadtest}, {@code drill}, {@code deploy}, {@code runbook}, …
 * @param name the name in the plan, such as {@code peak}
 * @param environment where it ran, or {@code null}
 * @param startedBy who started it
 * @param endedAt {@code null} while it runs
 * @param outcome how it ended, such as {@code passed}; {@code null} while it runs
 */
public record Run(
        String id,
        String kind,
        String name,
        String environment,
        String startedBy,
        Instant startedAt,
        Instant endedAt,
        String outcome) {

    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(startedAt, "startedAt");
        if ((endedAt == null) != (outcome == null)) {
            throw new IllegalArgumentException("a run has both an end and an outcome, or neither");
        }
    }

    public boolean ended() {
        return endedAt != null;
    }
}
