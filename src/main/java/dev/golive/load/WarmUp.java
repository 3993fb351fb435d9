package dev.golive.load;

import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import dev.golive.scenario.Timeouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Readies golive's engine before a load test. For a moment, virtual users of a scenario of its
 * own send requests to a server of its own on loopback ({@link WarmUpServer}), through the same
 * engine as the test: the JVM's compilers then have compiled the path of a request, its response
 * and its figures before the test's first second, instead of competing with the test for the
 * CPUs in its first seconds. The system under test sees none of it, and nothing of it is
 * recorded.
 */
public final class WarmUp {
    /** Users enough to keep every event loop busy on a generator of many CPUs. */
    static final int USERS = 50;

    private WarmUp() {}

    /** What a warm-up did. */
    public record Done(long requests, long errors, Duration elapsed) {}

    /**
     * Warms up for about {@code duration}.
     *
     * @throws IOException when the server cannot listen on loopback or its plan cannot be written
     */
    public static Done run(Duration duration) throws IOException {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a warm-up takes some time: " + duration);
        }
        Path file = Files.createTempFile("golive-warm-up", ".yaml");
        try (WarmUpServer server = new WarmUpServer()) {
            List<Duration> rounds = rounds(duration);
            Files.writeString(file, plan(server.url(), rounds));
            Plan plan = new PlanLoader(Map.of(), null).load(file);
            long requests = 0;
            long errors = 0;
            Duration elapsed = Duration.ZERO;
            for (int i = 1; i <= rounds.size(); i++) {
                LoadResult result = new LoadRunner(
                                plan,
                                plan.environments().get("loopback"),
                                new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)))
                        .run(plan.loadTests().get("round-" + i), (sample, status) -> {});
                requests += result.overall().passed();
                errors += result.overall().errors();
                elapsed = elapsed.plus(result.elapsed());
            }
            // The warm-up's garbage is all dead now, but G1 keeps the heap it grew for it committed
            // (130 MB more resident memory before a test of a few users). A full collection gives
            // back what a load test's ratio of free heap lets it (see Main.returnUnusedHeap), in
            // tens of milliseconds.
            System.gc();
            return new Done(requests, errors, elapsed);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The warm-up in three rounds, each a load test of its own with new users and connections: the
     * first, of three fifths, long enough for a second to end ({@link Track}'s swap of the
     * figures), and two short ones. A test's start takes ways through the engine that its steady
     * state does not; run once, when the code is still interpreted, they are compiled as never
     * taken, and the test's own start would throw that compiled code away again. The later rounds
     * take them once more, so that it happens here.
     */
    static List<Duration> rounds(Duration d) {
        long fifth = d.toMillis() / 5;
        return List.of(Duration.ofMillis(d.toMillis() - 2 * fifth), Duration.ofMillis(fifth), Duration.ofMillis(fifth));
    }

    /**
     * The warm-up as a plan: one page, fetched again and again by {@link #USERS} users, in one load
     * test per round ({@code round-1}, {@code round-2}, …).
     */
    static String plan(String url, List<Duration> rounds) {
        StringBuilder tests = new StringBuilder();
        for (int i = 0; i < rounds.size(); i++) {
            tests.append("  round-%d: { scenario: page, users: %d, duration: %dms }\n"
                    .formatted(i + 1, USERS, rounds.get(i).toMillis()));
        }
        return """
                system: golive warm-up
                environments:
                  loopback: { entry: "%s" }
                scenarios:
                  page:
                    steps:
                      - { get: /index.html }
                loadtests:
                """.formatted(url) + tests;
    }
}
