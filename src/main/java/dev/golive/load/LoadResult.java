package dev.golive.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a load test achieved.
 *
 * @param test the load test's name
 * @param elapsed how long it ran
 * @param overall all transactions together (all requests when there are no transactions)
 * @param transactions per transaction, by name
 * @param requests per request, by name
 * @param verdicts every target, met or missed
 * @param errors the overall failures by kind
 * @param health how well the generator kept up
 * @param stopped why the test stopped early (an abort rule, Ctrl-C), or null when it ran to its end
 * @param completed iterations that passed every step
 * @param generators each generator host's own health in a distributed run, by name; empty otherwise
 */
public record LoadResult(
        String test,
        Duration elapsed,
        Stats overall,
        Map<String, Stats> transactions,
        Map<String, Stats> requests,
        List<Verdict> verdicts,
        Map<String, Long> errors,
        Health health,
        String stopped,
        long completed,
        Map<String, Health> generators) {
    public LoadResult {
        transactions = Map.copyOf(transactions);
        requests = Map.copyOf(requests);
        verdicts = List.copyOf(verdicts);
        errors = new TreeMap<>(errors);
        generators = new java.util.LinkedHashMap<>(generators);
    }

    /** Every target met, the generator kept up, and the test ran to its end. */
    public boolean passed() {
        return verdicts.stream().allMatch(Verdict::met) && health.valid() && stopped == null;
    }

    /** Why the test did not pass, in a few words each. */
    public List<String> problems() {
        List<String> out = new java.util.ArrayList<>();
        verdicts.stream().filter(v -> !v.met()).forEach(v -> out.add(v.scope() + " " + v.target() + " missed"));
        health.invalid().forEach(out::add);
        if (stopped != null) {
            out.add("stopped early: " + stopped);
        }
        return out;
    }
}
