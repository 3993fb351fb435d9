package dev.golive.store;

import java.time.Instant;

/**
 * Which journal entries to list; every filter is optional.
 *
 * @param runId only entries of this run
 * @param since only entries recorded at or after this instant
 * @param kind only entries of exactly this kind
 * @param limit only the newest {@code limit} of the matching entries; 0 for all
 */
public record JournalQuery(String runId, Instant since, String kind, int limit) {

    public JournalQuery {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (no limit) or more, was " + limit);
        }
    }

    /** Every entry. */
    public static JournalQuery all() {
        return new JournalQuery(null, null, null, 0);
    }

    public JournalQuery withRunId(String runId) {
        return new JournalQuery(runId, since, kind, limit);
    }

    public JournalQuery withSince(Instant since) {
        return new JournalQuery(runId, since, kind, limit);
    }

    public JournalQuery withKind(String kind) {
        return new JournalQuery(runId, since, kind, limit);
    }

    public JournalQuery withLimit(int limit) {
        return new JournalQuery(runId, since, kind, limit);
    }
}
