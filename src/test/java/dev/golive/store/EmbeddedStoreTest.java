package dev.golive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.golive.testsupport.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the embedded H2 store does: live beside the plan and take turns between processes. */
class EmbeddedStoreTest {
    private static final long SMALL = 128 << 10;

    @TempDir
    Path planDirectory;

    @Test
    void createsTheStoreBesideThePlanOnFirstUse() {
        Store store = Store.open(null, planDirectory, UnaryOperator.identity());

        Path file = planDirectory.toAbsolutePath().resolve(".golive/store");
        assertThat(file.resolveSibling("store.mv.db")).exists();
        assertThat(store.location()).isEqualTo("H2 " + file);
    }

    @Test
    void waitsForAnotherProcessToReleaseTheStore() {
        Store store = Store.open(null, planDirectory, UnaryOperator.identity());
        try (ChildJvm holder = ChildJvm.start(HoldStore.class, planDirectory.toString(), "1500")) {
            awaitHolding(holder);

            long seq = store.journal().append(null, "check.passed", "was1", "alice", "{}");

            assertThat(seq).isPositive();
            assertThat(holder.waitFor(30))
                    .as("holder; stderr: %s", holder.errors())
                    .isZero();
        }
    }

    @Test
    void namesTheStoreAndTheProcessHoldingItWhenWaitingTooLong() {
        Store store = Store.open(StoreConfig.of(null, planDirectory).withLockTimeout(Duration.ofMillis(300)));
        try (ChildJvm holder = ChildJvm.start(HoldStore.class, planDirectory.toString(), "60000")) {
            awaitHolding(holder);

            assertThatThrownBy(() -> store.journal().append(null, "check.passed", "was1", "alice", "{}"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("Could not append journal entry check.passed: store " + store.location()
                            + " is in use by another process (PID " + holder.pid() + ": ")
                    .hasMessageEndingWith(" for more than 300 ms; wait for it to finish and try again,"
                            + " or use a PostgreSQL store for a team");
        }
    }

    @Test
    void storesOpenedSeparatelyInOneProcessAppendAtOnceLosingNothing() throws Exception {
        Store.open(null, planDirectory, UnaryOperator.identity());
        List<Callable<List<Long>>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Store store = Store.open(null, planDirectory, UnaryOperator.identity());
            String actor = "writer" + w;
            writers.add(() -> appendSome(store, actor, 50));
        }

        List<Long> seqs = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (Future<List<Long>> written : threads.invokeAll(writers)) {
                seqs.addAll(written.get());
            }
        }

        List<JournalEntry> entries = Store.open(null, planDirectory, UnaryOperator.identity())
                .journal()
                .list(JournalQuery.all());
        assertThat(seqs).doesNotHaveDuplicates().hasSize(200);
        assertThat(entries).extracting(JournalEntry::seq).containsExactlyInAnyOrderElementsOf(seqs);
    }

    @Test
    void compactsTheStoreOnceItHasGrownAndKeepsEveryEntry() throws Exception {
        Store store = Store.openEmbedded(StoreConfig.of(null, planDirectory), SMALL);
        Path file = planDirectory.resolve(".golive/store.mv.db");

        long largest = 0;
        for (int i = 1; i <= 150; i++) {
            store.journal().append(null, "test.tick", "t " + i, "alice", AppendLoop.data("t", i));
            largest = Math.max(largest, Files.size(file));
        }

        Path record = planDirectory.resolve(".golive/store.compacted");
        assertThat(record).exists();
        assertThat(Files.size(file)).isLessThan(largest);
        assertThat(Long.parseLong(Files.readString(record).strip())).isLessThan(largest);
        assertThat(store.journal().list(JournalQuery.all()))
                .extracting(JournalEntry::subject)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 150).mapToObj(i -> "t " + i).toList());
    }

    @Test
    void compactsOnlyAfterTheLastConnectionOfTheProcessHasClosed() throws Exception {
        Store store = Store.openEmbedded(StoreConfig.of(null, planDirectory), SMALL);
        Path record = planDirectory.resolve(".golive/store.compacted");
        Files.deleteIfExists(record); // a compaction when the schema was created

        store.transaction("hold the store", connection -> {
            appendSome(store, "alice", 100);
            assertThat(record).as("compacted while a connection was open").doesNotExist();
            return null;
        });

        assertThat(record).exists();
        assertThat(store.journal().list(JournalQuery.all())).hasSize(100);
    }

    private static List<Long> appendSome(Store store, String actor, int count) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seqs.add(store.journal().append(null, "test.tick", actor + " " + i, actor, "{}"));
        }
        return seqs;
    }

    private static void awaitHolding(ChildJvm holder) {
        await("the child JVM holds the store")
                .atMost(Duration.ofSeconds(60))
                .until(() -> holder.lines().contains("holding") || !holder.isAlive());
        assertThat(holder.lines())
                .as("holder output; stderr: %s", holder.errors())
                .contains("holding");
    }
}
