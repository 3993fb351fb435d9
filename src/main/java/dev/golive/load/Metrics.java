package dev.golive.load;

import dev.golive.scenario.StepResult;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/** Every transaction's and request's response times, recorded from any virtual user. */
final class Metrics {
    private final Map<String, Series> transactions = new ConcurrentHashMap<>();
    private final Map<String, Series> requests = new ConcurrentHashMap<>();

    void record(StepResult step) {
        Map<String, Series> into = switch (step.kind()) {
            case "transaction" -> transactions;
            case "request", "feed" -> requests;
            default -> null;
        };
        if (into == null) {
            return;
        }
        Series series = into.computeIfAbsent(step.name(), n -> new Series());
        if (step.passed()) {
            series.passed(step.time().toNanos() / 1000);
        } else {
            series.failed();
        }
    }

    Map<String, Stats> transactions(Duration elapsed) {
        return stats(transactions, elapsed);
    }

    Map<String, Stats> requests(Duration elapsed) {
        return stats(requests, elapsed);
    }

    /** All transactions together; all requests when the scenarios have no transactions. */
    Stats overall(Duration elapsed) {
        Map<String, Series> base = transactions.isEmpty() ? requests : transactions;
        Histogram all = new Histogram(3);
        long errors = 0;
        for (Series s : base.values()) {
            all.add(s.times());
            errors += s.errors();
        }
        return Stats.of("overall", all, errors, elapsed);
    }

    private static Map<String, Stats> stats(Map<String, Series> series, Duration elapsed) {
        Map<String, Stats> out = new TreeMap<>();
        series.forEach((name, s) -> out.put(name, Stats.of(name, s.times(), s.errors(), elapsed)));
        return out;
    }
}
