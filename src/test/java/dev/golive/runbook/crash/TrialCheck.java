package dev.golive.runbook.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.runbook.StepStatus;
import dev.golive.runbook.StepView;
import dev.golive.runbook.crash.JournalAudit.StepLife;
import dev.golive.store.JournalEntry;
import dev.golive.store.JournalQuery;
import dev.golive.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must hold once a killed run has been resumed to its end: the marker file (what really ran)
 * against the journal (what golive says it did) and against what the killed golive printed.
 */
final class TrialCheck {
    static final Pattern STARTED = Pattern.compile("started (\\S+)");
    private static final Pattern STEP_DONE = Pattern.compile("Step (\\S+): done");

    private TrialCheck() {}

    /**
     * @param walked what the killed golive printed
     * @param story what happened in the trial so far; the commands and the journal are added
     */
    static void check(
            Store store, Path marker, OperatorResume.Outcome resumed, List<String> walked, StringBuilder story)
            throws IOException {
        List<String> ids = resumed.after().steps().stream().map(StepView::id).toList();
        Map<String, Integer> ran = markerCounts(marker, ids);
        story.append("; commands ran ").append(ran);
        List<JournalEntry> entries = store.journal().list(JournalQuery.all());
        Map<String, StepLife> lives = JournalAudit.audit(resumed.runId(), entries, ids);
        story.append("; journal: ").append(JournalAudit.describe(lives));
        assertThat(resumed.after().outcome())
                .as("outcome of the run after the resume")
                .isEqualTo("done");
        for (StepView s : resumed.after().steps()) {
            assertThat(s.status()).as("status of step %s", s.id()).isEqualTo(StepStatus.DONE);
        }
        for (String id : ids) {
            ranAsOften(id, ran.get(id), lives.get(id), resumed.choices().get(id));
        }
        assertThat(transitions(store, resumed.runId()))
                .as("transitions counted on the run's row, against step entries in the journal")
                .isEqualTo(entries.stream()
                        .filter(e -> e.kind().startsWith("step."))
                        .count());
        childClaims(walked, entries, resumed.runId());
    }

    // At most once unless re-run; never without a launch committed first; at least once if a
    // launch was recorded as finished.
    private static void ranAsOften(String id, int ran, StepLife life, String choice) {
        int reruns = "rerun".equals(choice) ? 1 : 0;
        assertThat(life.reruns).as("re-runs of step %s in the journal", id).isEqualTo(reruns);
        assertThat(ran)
                .as("times step %s's command ran, with %d re-run(s) chosen", id, reruns)
                .isLessThanOrEqualTo(1 + reruns);
        assertThat(ran)
                .as("times step %s's command ran, with %d launch(es) committed", id, life.launches)
                .isLessThanOrEqualTo(life.launches);
        assertThat(ran)
                .as("times step %s's command ran, with %d launch(es) finished", id, life.finishedLaunches)
                .isGreaterThanOrEqualTo(life.finishedLaunches);
    }

    /** Whatever the killed golive printed as committed is in the journal, written by it. */
    private static void childClaims(List<String> walked, List<JournalEntry> entries, String runId) {
        for (String line : walked) {
            Matcher started = STARTED.matcher(line);
            if (started.matches()) {
                assertThat(started.group(1)).as("run the walk printed").isEqualTo(runId);
            }
            Matcher done = STEP_DONE.matcher(line);
            if (done.matches()) {
                String step = "\"step\":\"" + done.group(1) + "\"";
                assertThat(entries)
                        .as("the end of step %s, which the walk printed as done", done.group(1))
                        .anyMatch(e -> e.kind().equals("step.finished")
                                && e.actor().equals(WalkUntilKilled.ACTOR)
                                && e.data().contains(step));
            }
        }
    }

    private static long transitions(Store store, String runId) {
        return store.transaction("read the version of run " + runId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT version FROM runbook_runs WHERE run_id = ?")) {
                s.setString(1, runId);
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next())
                            .as("row of run %s in runbook_runs", runId)
                            .isTrue();
                    return r.getLong(1);
                }
            }
        });
    }

    private static Map<String, Integer> markerCounts(Path marker, List<String> ids) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ids.forEach(id -> counts.put(id, 0));
        List<String> lines = Files.exists(marker) ? Files.readAllLines(marker) : List.of();
        for (String line : lines) {
            assertThat(ids)
                    .as("a line of the marker file, whole and naming a step")
                    .contains(line);
            counts.merge(line, 1, Integer::sum);
        }
        return counts;
    }
}
