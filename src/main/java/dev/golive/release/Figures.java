package dev.golive.release;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stabilization figures of the ledger: deploys per day, failed deploys, rollbacks, and the
 * time to restore (from the end of a failed deploy to the end of the next deploy or rollback in
 * the same environment in which every instance ended well).
 *
 * @param deploysPerDay how many deploys and rollbacks began each day
 * @param deploys how many in all
 * @param failed how many had an instance that did not end well
 * @param rollbacks how many were rollbacks, plus the instances put back by a failed deploy
 * @param restores each time to restore, oldest first
 */
public record Figures(
        Map<LocalDate, Integer> deploysPerDay, int deploys, int failed, int rollbacks, List<Duration> restores) {
    public Figures {
        deploysPerDay = java.util.Collections.unmodifiableMap(new TreeMap<>(deploysPerDay));
        restores = List.copyOf(restores);
    }

    /** The figures of ledger entries (oldest first), days counted in {@code zone}. */
    public static Figures of(List<LedgerEntry> entries, ZoneId zone) {
        Map<String, List<LedgerEntry>> runs = new LinkedHashMap<>();
        entries.forEach(
                e -> runs.computeIfAbsent(e.runId(), k -> new ArrayList<>()).add(e));
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        int failed = 0;
        int rollbacks = 0;
        Map<String, Instant> brokenSince = new LinkedHashMap<>();
        List<Duration> restores = new ArrayList<>();
        for (List<LedgerEntry> run : runs.values()) {
            LedgerEntry first = run.get(0);
            perDay.merge(LocalDate.ofInstant(first.startedAt(), zone), 1, Integer::sum);
            rollbacks += "rollback".equals(first.action()) ? 1 : 0;
            rollbacks += (int) run.stream()
                    .filter(e -> LedgerEntry.ROLLED_BACK.equals(e.result()))
                    .count();
            Instant end = run.stream()
                    .map(e -> e.endedAt() == null ? e.startedAt() : e.endedAt())
                    .max(Instant::compareTo)
                    .orElseThrow();
            if (run.stream().allMatch(LedgerEntry::ok)) {
                Instant since = brokenSince.remove(first.environment());
                if (since != null) {
                    restores.add(Duration.between(since, end));
                }
            } else {
                failed++;
                brokenSince.putIfAbsent(first.environment(), end);
            }
        }
        return new Figures(perDay, runs.size(), failed, rollbacks, restores);
    }

    /** The mean time to restore, or null when nothing needed restoring. */
    public Duration meanRestore() {
        return restores.isEmpty()
                ? null
                : restores.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(restores.size());
    }

    public Duration longestRestore() {
        return restores.stream().max(Duration::compareTo).orElse(null);
    }
}
