package dev.golive.load;

import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import dev.golive.scenario.Timeouts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        Path directory = Files.createTempDirectory("golive-warm-up");
        try (WarmUpServer server = new WarmUpServer()) {
            long requests = 0;
            long errors = 0;
            Duration elapsed = Duration.ZERO;
            for (Duration round : rounds(duration)) {
                Path file = directory.resolve("warm-up.yaml");
                Files.writeString(file, plan(server.url(), round));
                Plan plan = new PlanLoader(Map.of(), null).load(file);
                LoadResult result = new LoadRunner(
                                plan,
                                plan.environments().get("loopback"),
                                new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)))
                        .run(plan.loadTests().get("warm-up"), (sample, status) -> {});
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
            delete(directory);
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

    /** The warm-up as a plan: one page, fetched again and again by {@link #USERS} users. */
    static String plan(String url, Duration duration) {
        return """
                system: golive warm-up
                environments:
                  loopback: { entry: "%s" }
                scenarios:
                  page:
                    steps:
                      - { get: /index.html }
                loadtests:
                  warm-up: { scenario: page, users: %d, duration: %dms }
                """.formatted(url, USERS, duration.toMillis());
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is removed with the others
        }
    }
}
