package dev.golive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

abstract class RunsContract extends StoreContract {

    @Test
    void startsRunsWithReadableIdsThatCountPerDay() throws Exception {
        Runs runs = open().runs();

        Run first = runs.start("loadtest", "peak", "staging", "alice");
        Run second = runs.start("drill", "one-was-down", "staging", "alice");
        clock.advance(Duration.ofDays(1));
        Run nextDay = runs.start("deploy", "1.4.2", "production", "bob");

        assertThat(List.of(first.id(), second.id(), nextDay.id()))
                .containsExactly("2026-11-29-001", "2026-11-29-002", "2026-11-30-001");
    }

    @Test
    void findsARunAsItWasStarted() {
        Runs runs = open().runs();

        Run started = runs.start("loadtest", "peak", "staging", "alice");

        assertThat(runs.find(started.id()))
                .contains(new Run(started.id(), "loadtest", "peak", "staging", "alice", clock.instant(), null, null));
        assertThat(runs.find("2001-01-01-001")).isEmpty();
    }

    @Test
    void endRecordsTheTimeAndTheOutcome() {
        Runs runs = open().runs();
        Run started = runs.start("runbook", "open-day", "production", "alice");
        clock.advance(Duration.ofMinutes(90));

        Run ended = runs.end(started.id(), "passed", "bob");

        assertThat(ended.endedAt()).isEqualTo(clock.instant());
        assertThat(ended.outcome()).isEqualTo("passed");
        assertThat(runs.find(started.id())).contains(ended);
    }

    @Test
    void journalsTheStartAndTheEndOfARun() throws Exception {
        Store store = open();
        Run run = store.runs().start("loadtest", "peak", "staging", "alice");
        store.runs().end(run.id(), "failed", "bob");

        List<JournalEntry> entries = store.journal().list(JournalQuery.all().withRunId(run.id()));

        assertThat(entries).extracting(JournalEntry::kind).containsExactly("run.started", "run.ended");
        assertThat(entries).extracting(JournalEntry::actor).containsExactly("alice", "bob");
        JsonNode started = Journal.JSON.readTree(entries.get(0).data());
        assertThat(started.get("environment").asText()).isEqualTo("staging");
        assertThat(Journal.JSON.readTree(entries.get(1).data()).get("outcome").asText())
                .isEqualTo("failed");
    }

    @Test
    void refusesToEndARunTwice() {
        Runs runs = open().runs();
        Run run = runs.start("deploy", "1.4.2", "production", "alice");
        runs.end(run.id(), "passed", "alice");

        assertThatThrownBy(() -> runs.end(run.id(), "failed", "bob"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("run " + run.id() + " already ended at " + clock.instant() + " with outcome passed");
    }

    @Test
    void refusesToEndAnUnknownRun() {
        Runs runs = open().runs();

        assertThatThrownBy(() -> runs.end("2026-11-29-009", "passed", "alice"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no run with id 2026-11-29-009");
    }

    @Test
    void listsRecentRunsNewestFirst() {
        Runs runs = open().runs();
        for (String name : List.of("a", "b", "c")) {
            runs.start("loadtest", name, null, "alice");
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(runs.recent(2)).extracting(Run::name).containsExactly("c", "b");
    }

    @Test
    void runsStartedAtOnceGetDistinctIds() throws Exception {
        open();
        List<Callable<Run>> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Runs runs = open().runs();
            String name = "run " + i;
            starts.add(() -> runs.start("loadtest", name, null, "alice"));
        }

        List<String> ids = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (Future<Run> run : threads.invokeAll(starts)) {
                ids.add(run.get().id());
            }
        }

        assertThat(ids).doesNotHaveDuplicates().hasSize(8).allMatch(id -> id.startsWith("2026-11-29-"));
    }
}
