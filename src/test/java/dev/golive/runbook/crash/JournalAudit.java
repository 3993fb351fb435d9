package dev.golive.runbook.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.store.JournalEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a runbook run's journal back and checks that it tells a whole story: the run's first and
 * last entries, JSON objects throughout, increasing sequence numbers, and for every step a life
 * that the engine allows (intent, launch, end; or intent, maybe launch, then an operator's
 * resolution). It counts per step how often the step was launched and re-run.
 */
final class JournalAudit {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPENING = List.of("run.started", "runbook.started");
    private static final List<String> CLOSING = List.of("runbook.ended", "run.ended");

    private JournalAudit() {}

    /** What the journal says about one step. */
    static final class StepLife {
        int intents;
        int launches;
        /** Launches that the journal shows ended: those commands certainly ran. */
        int finishedLaunches;

        int reruns;
        int resolvedDone;
        Phase phase = Phase.IDLE;
        final StringBuilder kinds = new StringBuilder();

        @Override
        public String toString() {
            return kinds.toString().strip();
        }
    }

    enum Phase {
        IDLE,
        INTENDED,
        LAUNCHED,
        ENDED
    }

    /** Checks the entries of one ended run and returns each step's life, by step id. */
    static Map<String, StepLife> audit(String runId, List<JournalEntry> entries, List<String> steps) {
        assertThat(entries).as("the run's journal").hasSizeGreaterThanOrEqualTo(4);
        assertThat(entries.subList(0, 2))
                .extracting(JournalEntry::kind)
                .as("first entries")
                .isEqualTo(OPENING);
        assertThat(entries.subList(entries.size() - 2, entries.size()))
                .extracting(JournalEntry::kind)
                .as("last entries")
                .isEqualTo(CLOSING);
        Map<String, StepLife> lives = new LinkedHashMap<>();
        steps.forEach(s -> lives.put(s, new StepLife()));
        long previous = 0;
        for (JournalEntry e : entries) {
            assertThat(e.seq()).as("seq of %s after %d", e.kind(), previous).isGreaterThan(previous);
            previous = e.seq();
            assertThat(e.runId()).as("run of entry %d", e.seq()).isEqualTo(runId);
            JsonNode data = object(e);
            if (e.kind().startsWith("step.")) {
                step(e, data, lives);
            } else {
                assertThat(List.of("run.started", "runbook.started", "runbook.ended", "run.ended"))
                        .as("kind of entry %d", e.seq())
                        .contains(e.kind());
            }
        }
        lives.forEach((id, life) -> assertThat(life.phase)
                .as("step %s at the end (its entries: %s)", id, life)
                .isEqualTo(Phase.ENDED));
        assertThat(data(entries.get(entries.size() - 2)).path("outcome").asText())
                .as("outcome")
                .isEqualTo("done");
        return lives;
    }

    /** Steps and their entry kinds, for failure messages. */
    static String describe(Map<String, StepLife> lives) {
        return lives.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static void step(JournalEntry e, JsonNode data, Map<String, StepLife> lives) {
        String id = data.path("step").asText();
        StepLife life = lives.get(id);
        assertThat(life).as("step '%s' of entry %d %s", id, e.seq(), e.kind()).isNotNull();
        String next = e.kind()
                + (e.kind().equals("step.resolved") ? ":" + data.path("as").asText() : "");
        life.kinds.append(next.substring("step.".length())).append(' ');
        Phase after = next(life, e, data, next);
        if (after == null) {
            fail("step %s: entry %d %s cannot follow %s; the step's entries: %s", id, e.seq(), next, life.phase, life);
        }
        life.phase = after;
    }

    private static Phase next(StepLife life, JournalEntry e, JsonNode data, String kind) {
        return switch (life.phase) {
            case IDLE ->
                kind.equals("step.intent") && data.path("attempt").asInt() == ++life.intents ? Phase.INTENDED : null;
            case INTENDED -> kind.equals("step.started") ? launched(life) : resolved(life, kind);
            case LAUNCHED -> kind.equals("step.finished") ? finished(life, data) : resolved(life, kind);
            case ENDED -> null;
        };
    }

    private static Phase launched(StepLife life) {
        life.launches++;
        return Phase.LAUNCHED;
    }

    private static Phase finished(StepLife life, JsonNode data) {
        if (!"done".equals(data.path("result").asText())) {
            return null;
        }
        life.finishedLaunches++;
        return Phase.ENDED;
    }

    private static Phase resolved(StepLife life, String kind) {
        return switch (kind) {
            case "step.resolved:rerun" -> {
                life.reruns++;
                yield Phase.IDLE;
            }
            case "step.resolved:done" -> {
                life.resolvedDone++;
                yield Phase.ENDED;
            }
            default -> null;
        };
    }

    private static JsonNode object(JournalEntry e) {
        JsonNode data = data(e);
        assertThat(data.isObject())
                .as("data of entry %d is a JSON object: %s", e.seq(), e.data())
                .isTrue();
        return data;
    }

    private static JsonNode data(JournalEntry e) {
        try {
            return JSON.readTree(e.data());
        } catch (JsonProcessingException x) {
            throw new AssertionError("data of journal entry " + e.seq() + " is not JSON: " + e.data(), x);
        }
    }
}
