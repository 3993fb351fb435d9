package dev.golive.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a load test achieved.
 *
 * @param test the load test's name
 * @param elapsed how long it ran
 * @param overall all transactions together (all requests when there are no transactions)
 * @param transactions per transaction, by name
 * @param requests per request, by name
 * @param verdicts every target, met or missed
 */
public record LoadResult(
        String test,
        Duration elapsed,
        Stats overall,
        Map<String, Stats> transactions,
        Map<String, Stats> requests,
        List<Verdict> verdicts) {
    public LoadResult {
        transactions = Map.copyOf(transactions);
        requests = Map.copyOf(requests);
        verdicts = List.copyOf(verdicts);
    }

    public boolean passed() {
        return verdicts.stream().allMatch(Verdict::met);
    }
}
