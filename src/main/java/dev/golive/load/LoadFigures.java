package dev.golive.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.golive.store.LoadSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stored load run's figures over a range of its seconds, recomputed from the stored
 * histograms: percentiles over any range are exact to the histograms' precision.
 *
 * @param from the first second included
 * @param to the second after the last one included
 * @param seconds the generator's seconds in the range
 * @param overall all transactions (or requests) together, per second, in order
 * @param totals the whole range of each transaction, request and {@code overall}
 */
public record LoadFigures(
        int from, int to, List<LoadSeries.Second> seconds, List<Interval> overall, Map<String, Interval> totals) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The figures of seconds {@code from} (inclusive) to {@code to} (exclusive) of a stored run. */
    public static LoadFigures of(LoadSeries store, String runId, int from, int to) {
        List<LoadSeries.Second> seconds = store.seconds(runId).stream()
                .filter(s -> s.second() >= from && s.second() < to)
                .toList();
        List<Interval> overall = new ArrayList<>();
        Map<String, Interval> totals = new TreeMap<>();
        for (var entry : store.rows(runId).entrySet()) {
            if (entry.getKey() < from || entry.getKey() >= to) {
                continue;
            }
            Interval second = Interval.empty("overall", "overall");
            for (LoadSeries.Row row : entry.getValue()) {
                Interval i = new Interval(
                        row.kind(),
                        row.name(),
                        Histograms.decode(row.times()),
                        Histograms.decode(row.service()),
                        errors(row.errors()));
                if (row.kind().equals("overall")) {
                    second = i;
                }
                totals.computeIfAbsent(row.kind() + ":" + row.name(), k -> Interval.empty(i.kind(), i.name()))
                        .add(i);
            }
            overall.add(second);
        }
        return new LoadFigures(from, to, seconds, overall, totals);
    }

    private static Map<String, Long> errors(String json) {
        Map<String, Long> out = new TreeMap<>();
        try {
            JsonNode node = JSON.readTree(json);
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
        } catch (JacksonException e) {
            throw new IllegalStateException("stored error counts cannot be read: " + json, e);
        }
        return out;
    }

    /** How long the range is. */
    public Duration duration() {
        return Duration.ofSeconds(Math.max(1, Math.min(to, from + overall.size()) - from));
    }

    public Interval total() {
        return totals.getOrDefault("overall:overall", Interval.empty("overall", "overall"));
    }

    /** The figures of each transaction or request (by {@code kind}) over the range. */
    public Map<String, Stats> stats(String kind) {
        Map<String, Stats> out = new TreeMap<>();
        totals.values().stream()
                .filter(i -> i.kind().equals(kind))
                .forEach(i -> out.put(i.name(), Stats.of(i.name(), i, duration())));
        return out;
    }

    public Stats overallStats() {
        return Stats.of("overall", total(), duration());
    }
}
