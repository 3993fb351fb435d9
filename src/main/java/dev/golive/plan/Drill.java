package dev.golive.plan;

import java.time.Duration;
import java.util.List;

/**
 * An availability test: steady load, a fault on some instances, expectations, and a guaranteed
 * restore.
 *
 * <p>Keys: {@code load} ({@code {scenario: order, rate: 50/s}}), {@code fault}, {@code expect}.
 *
 * @param name the drill's name
 * @param scenario the scenario that gives the steady load
 * @param rate its arrival rate per second
 * @param fault what is done to which instances
 * @param expect what must hold during and after the fault
 * @param location where the drill is defined
 */
public record Drill(String name, String scenario, double rate, Fault fault, Expect expect, Location location) {
    /**
     * A fault: exactly one of {@code stop}, {@code kill}, {@code hang}, {@code restart}, {@code
     * block} naming a service, with {@code count} (how many instances, default 1) or {@code
     * instances} (named hosts), or {@code host} for a whole host; {@code for} (how long the fault
     * lasts, default 30s).
     *
     * @param kind one of {@link #KINDS}
     * @param service the service, or null when a whole host is taken
     * @param count how many instances
     * @param instances named hosts of the service, if chosen by name
     * @param host a whole host, or null
     * @param duration how long the fault lasts
     */
    public record Fault(
            String kind, String service, int count, List<String> instances, String host, Duration duration) {
        public static final List<String> KINDS = List.of("stop", "kill", "hang", "restart", "block");

        public Fault {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("unknown fault " + kind);
            }
            instances = List.copyOf(instances);
        }
    }

    /**
     * Expectations: {@code errors} (max error rate during the fault), {@code errorCount}, {@code
     * recovery} (max time until the error rate is back to baseline), {@code p95}.
     */
    public record Expect(Double errors, Integer errorCount, Duration recovery, Duration p95) {}
}
