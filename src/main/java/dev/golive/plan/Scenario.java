package dev.golive.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A business flow: HTTP steps with checks, saved values and think time.
 *
 * <p>Keys: {@code steps} (required), {@code feed} (a CSV file whose header row names the values
 * each virtual user gets: {@code {file: customers.csv, mode: queue|circular|random}}), {@code
 * pacing} (the minimum duration of one iteration, for closed workloads).
 *
 * @param name the scenario's name
 * @param feed the feeder, or null
 * @param pacing minimum iteration time, or null
 * @param steps the steps, in order
 * @param location where the scenario is defined
 */
public record Scenario(String name, Feed feed, Duration pacing, List<Step> steps, Location location) {
    public Scenario {
        steps = List.copyOf(steps);
    }

    /** The names of all transactions in this scenario, nested ones included. */
    public List<String> transactions() {
        List<String> out = new ArrayList<>();
        collect(steps, out);
        return out;
    }

    private static void collect(List<Step> steps, List<String> out) {
        for (Step s : steps) {
            if (s instanceof Step.Transaction t) {
                out.add(t.name());
                collect(t.steps(), out);
            }
        }
    }

    /**
     * A CSV feeder.
     *
     * @param file the CSV file, relative to the plan
     * @param mode {@code queue} (each row once), {@code circular} (start over at the end), {@code
     *     random}
     */
    public record Feed(String file, String mode) {
        public static final List<String> MODES = List.of("queue", "circular", "random");

        public Feed {
            if (file == null || !MODES.contains(mode)) {
                throw new IllegalArgumentException("file and a valid mode are required");
            }
        }
    }
}
