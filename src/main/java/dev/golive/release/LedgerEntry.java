package dev.golive.release;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One instance one deploy or rollback worked on.
 *
 * @param id its place in the ledger, increasing
 * @param runId the deploy's run
 * @param environment where
 * @param instance which instance ({@code was/was1})
 * @param action {@code deploy} or {@code rollback}
 * @param version the release put on the instance
 * @param previous the release it ran before, or null
 * @param digests the SHA-256 of each artifact, by name
 * @param actor who deployed
 * @param startedAt when the instance was begun
 * @param endedAt when it was done, or null while it is worked on (or when golive was killed)
 * @param result how it ended ({@link #OK}, {@link #ROLLED_BACK}, {@link #FAILED}, {@link
 *     #REFUSED}, {@link #INTERRUPTED}), or null
 * @param detail what happened, in a line
 */
public record LedgerEntry(
        long id,
        String runId,
        String environment,
        String instance,
        String action,
        String version,
        String previous,
        Map<String, String> digests,
        String actor,
        Instant startedAt,
        Instant endedAt,
        String result,
        String detail) {
    public static final String OK = "ok";
    public static final String ROLLED_BACK = "rolled-back";
    public static final String FAILED = "failed";
    public static final String REFUSED = "refused";
    public static final String INTERRUPTED = "interrupted";

    public LedgerEntry {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(version, "version");
        digests = Map.copyOf(digests);
    }

    public boolean ok() {
        return OK.equals(result);
    }

    /** Still worked on, or left so by a golive that was killed. */
    public boolean open() {
        return endedAt == null;
    }

    public Duration duration() {
        return endedAt == null ? null : Duration.between(startedAt, endedAt);
    }
}
