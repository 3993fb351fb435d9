package dev.golive.plan;

import java.time.Duration;
import java.util.List;

/**
 * An availability test: steady load, a fault on some instances, expectations, and a guaranteed
 * restore.
 *
 * <p>Keys: {@code load} ({@code {scenario: order, rate: 50/s, timeout: 10s}}), {@code fault},
 * {@code expect}, {@code baseline} (how long the load runs before the fault, default 10s), {@code
 * verify} (how long it runs after the restore, default 10s).
 *
 * <p>A drill runs in five phases: baseline (load, no fault), fault (the fault is done), observe
 * (the fault lasts its {@code for}), restore (golive undoes the fault) and verify (load after the
 * restore, until the error rate is back at the baseline).
 *
 * @param name the drill's name
 * @param scenario the scenario that gives the steady load
 * @param rate its arrival rate per second
 * @param timeout how long the load waits for a response
 * @param baseline how long the load runs before the fault
 * @param verify how long the load runs after the restore
 * @param fault what is done to which instances
 * @param expect what must hold during and after the fault
 * @param location where the drill is defined
 */
public record Drill(
        String name,
        String scenario,
        double rate,
        Duration timeout,
        Duration baseline,
        Duration verify,
        Fault fault,
        Expect expect,
        Location location) {
    /** The load's response timeout unless the drill gives one. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The baseline and verify phases unless the drill gives them. */
    public static final Duration PHASE = Duration.ofSeconds(10);

    public Drill {
        if (rate <= 0) {
            throw new IllegalArgumentException("a drill's rate must be positive");
        }
    }

    /**
     * A fault: exactly one of {@code stop}, {@code kill}, {@code hang}, {@code restart}, {@code
     * block} naming a service, with {@code count} (how many instances, default 1) or {@code
     * instances} (named hosts), or {@code host} for a whole host; {@code for} (how long the fault
     * lasts, default 30s).
     *
     * <ul>
     *   <li>{@code stop}: a graceful stop; restored by starting the instance.
     *   <li>{@code kill}: SIGKILL, as a crash; restored by starting the instance.
     *   <li>{@code hang}: SIGSTOP, as a long pause; restored by SIGCONT.
     *   <li>{@code restart}: a stop and a start at once; {@code for} is how long golive observes after it.
     *   <li>{@code block}: incoming traffic to the instance's {@code http:} port dropped with
     *       iptables or nft; restored by removing the rule. Needs root (or {@code sudo:}) on the host.
     * </ul>
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
     * recovery} (max time from the fault until the error rate is back at the baseline and stays there
     * for {@code stable}), {@code p95} (during the fault), {@code stable} (default 3s), {@code
     * survivors} (the instances not faulted answer their health check during the fault, default
     * true).
     *
     * @param errors the highest error rate during the fault, in percent, or null
     * @param errorCount the most errors during the fault, or null
     * @param recovery the longest recovery, or null
     * @param p95 the highest 95th percentile during the fault, or null
     * @param stable how long the error rate must stay at the baseline to count as recovered
     * @param survivors whether the survivors' health is checked
     */
    public record Expect(
            Double errors, Integer errorCount, Duration recovery, Duration p95, Duration stable, boolean survivors) {
        /** How long the error rate stays at the baseline to count as recovered, unless given. */
        public static final Duration STABLE = Duration.ofSeconds(3);

        public Expect {
            if (stable == null || stable.toSeconds() < 1) {
                throw new IllegalArgumentException("stable must be at least 1s");
            }
        }
    }
}
