package dev.golive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

abstract class JournalContract extends StoreContract {

    @Test
    void appendsEntriesAndListsThemOldestFirst() {
        Journal journal = open().journal();

        long first = journal.append(null, "check.passed", "was1", "alice", "{\"check\":\"health\"}");
        long second = journal.append(null, "check.failed", "was2", "bob", "{\"status\":503}");

        assertThat(second).isGreaterThan(first);
        assertThat(journal.list(JournalQuery.all()))
                .containsExactly(
                        new JournalEntry(
                                first,
                                clock.instant(),
                                null,
                                "check.passed",
                                "was1",
                                "alice",
                                "{\"check\":\"health\"}"),
                        new JournalEntry(
                                second, clock.instant(), null, "check.failed", "was2", "bob", "{\"status\":503}"));
    }

    @Test
    void keepsEntriesWhenTheStoreIsOpenedAgain() {
        long seq = open().journal().append(null, "plan.validated", "golive.yaml", "alice", "{}");

        List<JournalEntry> entries = open().journal().list(JournalQuery.all());

        assertThat(entries).extracting(JournalEntry::seq).containsExactly(seq);
    }

    @Test
    void listsOnlyTheEntriesOfOneRun() {
        Store store = open();
        Run run = store.runs().start("loadtest", "peak", "staging", "alice");
        store.journal().append(null, "check.passed", "was1", "alice", "{}");
        long inRun = store.journal().append(run.id(), "load.breach", "p95", "golive", "{\"p95\":912}");

        List<JournalEntry> entries = store.journal().list(JournalQuery.all().withRunId(run.id()));

        assertThat(entries).extracting(JournalEntry::kind).containsExactly("run.started", "load.breach");
        assertThat(entries.get(1).seq()).isEqualTo(inRun);
    }

    @Test
    void listsOnlyTheEntriesOfOneKind() {
        Journal journal = open().journal();
        journal.append(null, "check.passed", "was1", "alice", "{}");
        journal.append(null, "check.failed", "was2", "alice", "{}");
        journal.append(null, "check.passed", "was3", "alice", "{}");

        List<JournalEntry> entries = journal.list(JournalQuery.all().withKind("check.passed"));

        assertThat(entries).extracting(JournalEntry::subject).containsExactly("was1", "was3");
    }

    @Test
    void listsOnlyTheEntriesRecordedSinceAnInstant() {
        Journal journal = open().journal();
        journal.append(null, "check.passed", "before", "alice", "{}");
        clock.advance(Duration.ofMinutes(5));
        Instant since = clock.instant();
        journal.append(null, "check.passed", "at", "alice", "{}");
        clock.advance(Duration.ofMillis(1));
        journal.append(null, "check.passed", "after", "alice", "{}");

        List<JournalEntry> entries = journal.list(JournalQuery.all().withSince(since));

        assertThat(entries).extracting(JournalEntry::subject).containsExactly("at", "after");
    }

    @Test
    void limitKeepsTheNewestEntriesOldestFirst() {
        Journal journal = open().journal();
        for (int i = 1; i <= 5; i++) {
            journal.append(null, "tick", "tick " + i, "alice", "{}");
        }

        List<JournalEntry> entries = journal.list(JournalQuery.all().withLimit(2));

        assertThat(entries).extracting(JournalEntry::subject).containsExactly("tick 4", "tick 5");
    }

    @Test
    void combinesFilters() {
        Store store = open();
        Run run = store.runs().start("drill", "one-was-down", "production", "alice");
        Journal journal = store.journal();
        for (int i = 1; i <= 3; i++) {
            journal.append(run.id(), "fault.injected", "was" + i, "golive", "{}");
            journal.append(run.id(), "fault.restored", "was" + i, "golive", "{}");
            journal.append(null, "fault.injected", "other" + i, "golive", "{}");
        }

        List<JournalEntry> entries = journal.list(JournalQuery.all()
                .withRunId(run.id())
                .withKind("fault.injected")
                .withLimit(2));

        assertThat(entries).extracting(JournalEntry::subject).containsExactly("was2", "was3");
    }

    @Test
    void masksSubjectAndDataBeforeWriting() {
        Store store = open(text -> text.replace("s3cret", "****"));

        store.journal()
                .append(
                        null,
                        "service.checked",
                        "jdbc:postgresql://db/shop?password=s3cret",
                        "alice",
                        "{\"password\":\"s3cret\"}");

        assertThat(store.journal().list(JournalQuery.all())).singleElement().satisfies(entry -> {
            assertThat(entry.subject()).isEqualTo("jdbc:postgresql://db/shop?password=****");
            assertThat(entry.data()).isEqualTo("{\"password\":\"****\"}");
        });
        assertThat(storedText(store)).doesNotContain("s3cret");
    }

    @Test
    void recordsAnEmptyObjectWhenThereIsNoData() {
        Journal journal = open().journal();

        journal.append(null, "plan.validated", null, "alice", null);

        assertThat(journal.list(JournalQuery.all())).singleElement().satisfies(entry -> {
            assertThat(entry.data()).isEqualTo("{}");
            assertThat(entry.subject()).isNull();
        });
    }

    @Test
    void rejectsDataThatIsNotAJsonObjectQuotingItMasked() {
        Journal journal = open(text -> text.replace("s3cret", "****")).journal();

        assertThatThrownBy(() -> journal.append(null, "oops", "x", "alice", "[\"s3cret\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journal data must be a JSON object, was: [\"****\"");
    }

    @Test
    void rejectsABlankKind() {
        Journal journal = open().journal();

        assertThatThrownBy(() -> journal.append(null, " ", "x", "alice", "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journal kind must not be blank");
    }

    @Test
    void refusesAnEntryOfAnUnknownRunNamingWhatAndWhere() {
        Store store = open();

        assertThatThrownBy(() -> store.journal().append("2026-11-29-042", "deploy.started", "was1", "alice", "{}"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(
                        "Could not append journal entry deploy.started in store " + store.location() + ": ");
        assertThat(store.journal().list(JournalQuery.all())).isEmpty();
    }

    @Test
    void rollsBackAUnitOfWorkThatFails() {
        Store store = open();

        assertThatThrownBy(() -> store.transaction("record a deploy", connection -> {
                    store.journal().insert(connection, null, "deploy.started", "was1", "alice", "{}");
                    throw new IllegalStateException("the deploy went wrong");
                }))
                .hasMessage("the deploy went wrong");

        assertThat(store.journal().list(JournalQuery.all())).isEmpty();
    }

    @Test
    void openingAnUpToDateStoreAgainChangesNoSchema() {
        open();
        Store again = open();

        List<String> versions = again.transaction("list migrations", connection -> {
            List<String> applied = new ArrayList<>();
            try (ResultSet rows = connection
                    .createStatement()
                    .executeQuery("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL")) {
                while (rows.next()) {
                    applied.add(rows.getString(1));
                }
            }
            return applied;
        });

        // Each migration the code has, applied once: opening again applied none twice.
        assertThat(versions).containsExactlyElementsOf(migrations());
    }

    /** The versions of the migration scripts golive carries, in order. */
    private static List<String> migrations() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(
                JournalContract.class.getResource("/db/migration").toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .toList();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list the migrations", e);
        }
    }

    private static String storedText(Store store) {
        return store.transaction("read raw rows", connection -> {
            List<String> text = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT subject, data FROM journal");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    text.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
            return String.join("\n", text);
        });
    }
}
