package dev.golive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.golive.testsupport.ChildJvm;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What must hold when golive processes are killed or run side by side, tried with real child JVMs. */
abstract class DurabilityContract extends StoreContract {
    private static final Pattern COMMITTED = Pattern.compile("committed (\\d+) (\\d+) ok");
    private static final int KILLS = 3;
    private static final int ENTRIES_BEFORE_KILL = 40;

    @Test
    void journalSurvivesTheWriterBeingKilledWithNoPartialEntry() throws Exception {
        open();
        for (int round = 1; round <= KILLS; round++) {
            String label = "writer" + round;
            Map<Long, Long> committed;
            try (ChildJvm writer = ChildJvm.start(AppendLoop.class, url(), planDirectory.toString(), label, "0")) {
                await("writer " + round + " commits " + ENTRIES_BEFORE_KILL + " entries")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> committed(writer).size() >= ENTRIES_BEFORE_KILL || !writer.isAlive());
                assertThat(writer.isAlive())
                        .as("writer alive; stderr: %s", writer.errors())
                        .isTrue();
                writer.kill();
                committed = committed(writer);
            }
            assertEveryCommittedEntryIsWhole(label, committed);
        }
        assertThat(open().journal().append(null, "after.kills", "store", "alice", "{}"))
                .isPositive();
    }

    @Test
    void twoProcessesAppendingAtOnceLoseNothing() throws Exception {
        open();
        int count = 100;
        try (ChildJvm first = ChildJvm.start(AppendLoop.class, url(), planDirectory.toString(), "first", "" + count);
                ChildJvm second =
                        ChildJvm.start(AppendLoop.class, url(), planDirectory.toString(), "second", "" + count)) {
            assertThat(first.waitFor(120))
                    .as("first writer; stderr: %s", first.errors())
                    .isZero();
            assertThat(second.waitFor(120))
                    .as("second writer; stderr: %s", second.errors())
                    .isZero();

            assertEveryCommittedEntryIsWhole("first", committed(first));
            assertEveryCommittedEntryIsWhole("second", committed(second));
            assertThat(committed(first)).hasSize(count);
            assertThat(committed(second)).hasSize(count);
        }
        assertThat(open().journal().list(JournalQuery.all())).hasSize(2 * count);
    }

    private String url() {
        return storeUrl() == null ? "-" : storeUrl();
    }

    /** seq to counter, for every line the child printed after its append returned. */
    private static Map<Long, Long> committed(ChildJvm child) {
        return child.lines().stream()
                .map(COMMITTED::matcher)
                .filter(Matcher::matches)
                .collect(Collectors.toMap(m -> Long.parseLong(m.group(1)), m -> Long.parseLong(m.group(2))));
    }

    // The child may have been killed after a commit but before printing it: at most one such
    // entry, and it too must be whole.
    private void assertEveryCommittedEntryIsWhole(String label, Map<Long, Long> committed) throws Exception {
        List<JournalEntry> written = open().journal().list(JournalQuery.all()).stream()
                .filter(entry -> entry.actor().equals(label))
                .toList();
        Map<Long, JournalEntry> bySeq =
                written.stream().collect(Collectors.toMap(JournalEntry::seq, Function.identity()));

        assertThat(bySeq).containsKeys(committed.keySet().toArray(Long[]::new));
        assertThat(written.size()).isBetween(committed.size(), committed.size() + 1);
        for (int i = 0; i < written.size(); i++) {
            JournalEntry entry = written.get(i);
            long counter = i + 1;
            assertThat(entry.subject()).isEqualTo(label + " " + counter);
            assertThat(entry.kind()).isEqualTo("test.tick");
            JsonNode data = Journal.JSON.readTree(entry.data());
            assertThat(data.get("i").asLong()).isEqualTo(counter);
            assertThat(data.get("pad").asText()).isEqualTo(AppendLoop.PAD);
            if (committed.containsKey(entry.seq())) {
                assertThat(committed.get(entry.seq())).isEqualTo(counter);
            }
        }
    }
}
