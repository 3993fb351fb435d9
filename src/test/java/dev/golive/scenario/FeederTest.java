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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeederTest {
    @TempDir
    Path dir;

    private Feeder feeder(String mode, String csv) throws IOException {
        return Feeder.open(Files.writeString(dir.resolve("users.csv"), csv), mode, new Random(3));
    }

    @Test
    void headerRowNamesTheColumnsAndQuotedFieldsKeepCommas() throws IOException {
        Feeder f = feeder("queue", "id, name\n1,\"Smith, \"\"Jo\"\"\"\n");

        assertThat(f.next()).isEqualTo(Map.of("id", "1", "name", "Smith, \"Jo\""));
    }

    @Test
    void queueGivesEachRowOnceThenSaysItRanOut() throws IOException {
        Feeder f = feeder("queue", "id\na\nb\n");

        assertThat(List.of(f.next().get("id"), f.next().get("id"))).containsExactly("a", "b");
        assertThatThrownBy(f::next)
                .hasMessageEndingWith("(mode queue) ran out: all 2 rows were used; add rows or use mode circular");
    }

    @Test
    void circularStartsOverAtTheEnd() throws IOException {
        Feeder f = feeder("circular", "id\na\nb\n");

        List<String> ids =
                IntStream.range(0, 5).mapToObj(i -> f.next().get("id")).toList();

        assertThat(ids).containsExactly("a", "b", "a", "b", "a");
    }

    @Test
    void randomPicksRowsOfTheFile() throws IOException {
        Feeder f = feeder("random", "id\na\nb\nc\n");

        List<String> ids =
                IntStream.range(0, 60).mapToObj(i -> f.next().get("id")).toList();

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
                done.add(pool.submit(() ->
                        IntStream.range(0, 500).forEach(i -> taken.add(f.next().get("id")))));
            }
            for (Future<?> d : done) {
                d.get();
            }
        }

        assertThat(taken).hasSize(4000).doesNotHaveDuplicates();
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsNamedByLine() {
        assertThatThrownBy(() -> feeder("queue", "id,pw\na,b\nc\n"))
                .hasMessageEndingWith("users.csv line 3 has 1 fields, the header row names 2: [id, pw]");
    }
}
