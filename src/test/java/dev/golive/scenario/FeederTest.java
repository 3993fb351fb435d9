package dev.golive.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeederTest {
    @TempDir
    Path dir;

    private Feeder feeder(String mode, String csv) throws IOException {
        return Feeder.open(Files.writeString(dir.resolve("users.csv"), csv), mode, new Random(3));
    }

    @Test
    void headerRowNamesTheColumnsAndQuotedFieldsKeepCommas() throws IOException {
        Feeder f = feeder("queue", "id, name\n1,\"Smith, \"\"Jo\"\"\"\n");

        assertThat(f.take().row()).isEqualTo(Map.of("id", "1", "name", "Smith, \"Jo\""));
    }

    @Test
    void queueGivesEachRowOnceThenSaysItRanOut() throws IOException {
        Feeder f = feeder("queue", "id\na\nb\n");

        assertThat(List.of(id(f.take()), id(f.take()))).containsExactly("a", "b");
        assertThatThrownBy(f::take)
                .hasMessageEndingWith("(mode queue) ran out: all 2 rows were used; add rows or use mode circular");
    }

    @Test
    void circularStartsOverAtTheEnd() throws IOException {
        Feeder f = feeder("circular", "id\na\nb\n");

        List<String> ids =
                IntStream.range(0, 5).mapToObj(i -> returned(f.take())).toList();

        assertThat(ids).containsExactly("a", "b", "a", "b", "a");
    }

    @Test
    void randomPicksRowsOfTheFile() throws IOException {
        Feeder f = feeder("random", "id\na\nb\nc\n");

        List<String> ids =
                IntStream.range(0, 60).mapToObj(i -> returned(f.take())).toList();

        assertThat(ids).containsOnly("a", "b", "c").contains("a", "b", "c");
    }

    @Test
    void rowsAreHandedOutOnceAcrossThreads() throws Exception {
        StringBuilder csv = new StringBuilder("id\n");
        IntStream.range(0, 4000).forEach(i -> csv.append(i).append('\n'));
        Feeder f = feeder("queue", csv.toString());
        List<String> taken = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> IntStream.range(0, 500).forEach(i -> taken.add(returned(f.take())))));
            }
            for (Future<?> d : done) {
                d.get();
            }
        }

        assertThat(taken).hasSize(4000).doesNotHaveDuplicates();
    }

    @Test
    void circularSkipsRowsInUseAndGivesThemOutAgainOnceReleased() throws IOException {
        Feeder f = feeder("circular", "id\na\nb\nc\n");

        Feeder.Lease a = f.take();
        Feeder.Lease b = f.take();
        b.release();
        List<String> next = List.of(returned(f.take()), returned(f.take()), returned(f.take()));

        assertThat(id(a)).isEqualTo("a");
        assertThat(next).containsExactly("c", "b", "c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"circular", "random"})
    void whenEveryRowIsInUseTheNextUserFailsUntilOneIsReleased(String mode) throws IOException {
        Feeder f = feeder(mode, "id\na\nb\n");
        Feeder.Lease first = f.take();
        Feeder.Lease second = f.take();

        assertThatThrownBy(f::take)
                .isInstanceOf(StepFailure.class)
                .hasMessage("all 2 rows of feed " + dir.resolve("users.csv")
                        + " are in use by other users; add rows or lower the users");
        second.release();
        second.release();
        assertThat(id(f.take())).isEqualTo(id(second)).isNotEqualTo(id(first));
        assertThatThrownBy(f::take).hasMessageStartingWith("all 2 rows of feed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"circular", "random"})
    void aRowIsNeverHeldByTwoUsersAtOnce(String mode) throws Exception {
        Feeder f = feeder(mode, "id\n1\n2\n3\n4\n5\n6\n");
        Set<String> held = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> uses = new ConcurrentHashMap<>();
        AtomicInteger clashes = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            List<Future<?>> users = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                users.add(pool.submit(() -> IntStream.range(0, 2000).forEach(i -> {
                    Feeder.Lease lease;
                    try {
                        lease = f.take();
                    } catch (StepFailure allInUse) {
                        return;
                    }
                    String id = id(lease);
                    if (!held.add(id)) {
                        clashes.incrementAndGet();
                    }
                    uses.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    Thread.yield();
                    held.remove(id);
                    lease.release();
                })));
            }
            for (Future<?> u : users) {
                u.get();
            }
        }

        assertThat(clashes).hasValue(0);
        assertThat(uses).containsOnlyKeys("1", "2", "3", "4", "5", "6");
        List<String> afterwards =
                IntStream.range(0, 6).mapToObj(i -> id(f.take())).toList();
        assertThat(afterwards).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6");
    }

    private static String id(Feeder.Lease lease) {
        return lease.row().get("id");
    }

    /** The row's id, the row given back at once as a user that finished. */
    private static String returned(Feeder.Lease lease) {
        lease.release();
        return id(lease);
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsNamedByLine() {
        assertThatThrownBy(() -> feeder("queue", "id,pw\na,b\nc\n"))
                .hasMessageEndingWith("users.csv line 3 has 1 fields, the header row names 2: [id, pw]");
    }
}
