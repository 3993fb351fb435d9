package dev.golive.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the journal: what golive did, to what, for whom.
 *
 * @param seq the position in the journal, increasing with every entry
 * @param at when it was recorded
 * @param runId the run it belongs to, or {@code null}
 * @param kind what happened, a dotted name such as {@code deploy.started}
 * @param subject what it happened to, such as {@code was2 (10.0.0.22)}, or {@code null}
 * @param actor who did it
 * @param data details as a JSON object, secrets masked
 */
public record JournalEntry(long seq, Instant at, String runId, String kind, String subject, String actor, String data) {

    public JournalEntry {
        if (seq <= 0) {
            throw new IllegalArgumentException("seq must be positive, was " + seq);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(data, "data");
    }
}
