package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code golive runbook start, status, confirm, approve, skip, fail, abort} end to end on a plan in a temporary directory. */
class RunbookCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String plan;
    private Map<String, String> env;

    @BeforeEach
    void writePlan() throws IOException {
        Path file = dir.resolve("golive.yaml");
        try (InputStream in = getClass().getResourceAsStream("/runbooks/cli-open-day.yaml")) {
            Files.copy(in, file);
        }
        plan = file.toString();
        env = Map.of("MARKER", dir.resolve("deployed.txt").toString());
    }

    @Test
    void startPrintsTheRunItsStepsAndHowToWalkIt() {
        CliRun start = golive("runbook", "start", "open-day", "--env", "live", "--as", "alice");

        String run = activeRun();
        assertThat(start.code()).isZero();
        assertThat(start.err()).isEmpty();
        assertThat(start.out())
                .startsWith("Run " + run + ": runbook open-day in live, started by alice at ")
                .contains("STEP", "STATUS", "OWNER", "PLANNED", "LATE")
                .contains("Ready now: freeze (pm)")
                .contains("Critical path (*): freeze -> deploy -> go -> announce")
                .endsWith("\nWalk it with: golive runbook go --run " + run + "\n");
        assertThat(start.out().lines().filter(l -> l.contains("↩ back"))).hasSize(1);
    }

    @Test
    void secondStartInTheSameEnvironmentExitsTwoNamingTheRunAndWhoStartedIt() {
        golive("runbook", "start", "open-day", "--env", "live", "--as", "alice");
        String run = activeRun();

        CliRun second = golive("runbook", "start", "open-day", "--env", "live", "--as", "bob");

        assertThat(second.code()).isEqualTo(2);
        assertThat(second.out()).isEmpty();
        assertThat(second.err())
                .startsWith("runbook open-day is already running in live as run " + run + ", started by alice at ")
                .endsWith("; one run per environment at a time: finish or abort it first\n");
    }

    @Test
    void startWithoutAnEnvironmentIsAUsageError() {
        CliRun start = golive("runbook", "start", "open-day", "--as", "alice");

        assertThat(start.code()).isEqualTo(2);
        assertThat(start.err()).isEqualTo("say where the runbook runs: --env ENV\n");
    }

    @Test
    void statusWithoutAnyRunSaysHowToStartOne() {
        CliRun status = golive("runbook", "status");

        assertThat(status.code()).isEqualTo(2);
        assertThat(status.err()).isEqualTo("no runbook run yet; start one with: golive runbook start NAME --env ENV\n");
    }

    @Test
    void statusJsonHasTheRunAndEveryStepWithItsTimes() throws IOException {
        golive("runbook", "start", "open-day", "--env", "live", "--as", "alice");
        golive("runbook", "confirm", "freeze", "--as", "alice", "--note", "posted in #shop");

        CliRun status = golive("runbook", "status", "--json");

        assertThat(status.code()).isZero();
        JsonNode json = JSON.readTree(status.out());
        assertThat(names(json))
                .containsExactly(
                        "run",
                        "runbook",
                        "environment",
                        "rehearsal",
                        "dryRun",
                        "startedBy",
                        "startedAt",
                        "outcome",
                        "endedAt",
                        "rollingBack",
                        "reason",
                        "plannedEnd",
                        "projectedEnd",
                        "criticalPath",
                        "steps");
        assertThat(json.get("run").asText()).isEqualTo(activeRun());
        assertThat(json.get("runbook").asText()).isEqualTo("open-day");
        assertThat(json.get("environment").asText()).isEqualTo("live");
        assertThat(json.get("startedBy").asText()).isEqualTo("alice");
        assertThat(json.get("outcome").isNull()).isTrue();
        assertThat(texts(json.get("criticalPath"))).containsExactly("freeze", "deploy", "go", "announce");
        JsonNode steps = json.get("steps");
        assertThat(steps).hasSize(5);
        assertThat(names(steps.get(0)))
                .containsExactly(
                        "id",
                        "title",
                        "owner",
                        "kind",
                        "rollback",
                        "status",
                        "plannedStart",
                        "plannedEnd",
                        "actualStart",
                        "actualEnd",
                        "lateSeconds",
                        "critical",
                        "actor",
                        "reason",
                        "approvedBy",
                        "approvals",
                        "waitingFor",
                        "attempts",
                        "evidence");
        assertThat(Stream.of(0, 1, 2, 3, 4)
                        .map(i -> steps.get(i).get("id").asText() + " "
                                + steps.get(i).get("status").asText()))
                .containsExactly("freeze done", "deploy ready", "go waiting", "announce waiting", "back waiting");
        assertThat(steps.get(0).get("actor").asText()).isEqualTo("alice");
        assertThat(steps.get(0).get("lateSeconds").asLong()).isZero();
        assertThat(steps.get(4).get("rollback").asBoolean()).isTrue();
        assertThat(texts(steps.get(2).get("waitingFor"))).containsExactly("pm", "architect");
    }

    @Test
    void confirmApproveAndSkipTakeTheRunToItsEnd() {
        golive("runbook", "start", "open-day", "--env", "live", "--as", "alice");
        CliRun confirm = golive("runbook", "confirm", "freeze", "--as", "alice");
        CliRun go = go("l\n", "alice", "--confirm-env", "live");
        CliRun first = golive("runbook", "approve", "go", "--as", "alice");
        CliRun second = golive("runbook", "approve", "go", "--as", "bob");
        CliRun skip = golive(
                "runbook",
                "skip",
                "announce",
                "--as",
                "alice",
                "--approved-by",
                "bob",
                "--reason",
                "sent by marketing");
        CliRun status = golive("runbook", "status");

        assertThat(confirm.out()).isEqualTo("Step freeze confirmed by alice.\n");
        assertThat(go.code()).isZero();
        assertThat(first.out()).isEqualTo("Gate go approved by alice; still waiting for [architect].\n");
        assertThat(second.out()).isEqualTo("Gate go approved by bob; the gate is passed.\n");
        assertThat(skip.code()).isZero();
        assertThat(skip.out()).isEqualTo("Step announce skipped by alice, approved by bob.\n");
        assertThat(status.out()).containsPattern("\nEnded \\d\\d:\\d\\d: done; planned end \\d\\d:\\d\\d\n");
        assertThat(status.out()).contains("sent by marketing (approved by bob)");
        assertThat(golive("runbook", "start", "open-day", "--env", "live", "--as", "carol")
                        .code())
                .as("a new run may start once the last one is done")
                .isZero();
    }

    @Test
    void approvingTwiceExitsTwoWithTheReason() {
        startAndDeploy();
        golive("runbook", "approve", "go", "--as", "alice");

        CliRun again = golive("runbook", "approve", "go", "--as", "alice");

        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("alice has already approved gate go\n");
    }

    @Test
    void statusListsWhoApprovedTheGateAsWhat() {
        startAndDeploy();
        golive("runbook", "approve", "go", "--as", "bob");

        CliRun alice = golive("runbook", "approve", "go", "--as", "alice");
        CliRun status = golive("runbook", "status");

        assertThat(alice.out()).isEqualTo("Gate go approved by alice; the gate is passed.\n");
        assertThat(status.out()).contains("approved by bob as architect, alice as pm");
    }

    @Test
    void skipWithoutASecondPersonIsAUsageError() {
        golive("runbook", "start", "open-day", "--env", "live", "--as", "alice");

        CliRun missing = golive("runbook", "skip", "freeze", "--as", "alice", "--reason", "done already");
        CliRun self = golive(
                "runbook", "skip", "freeze", "--as", "alice", "--approved-by", "alice", "--reason", "done already");

        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--approved-by=NAME'");
        assertThat(self.code()).isEqualTo(2);
        assertThat(self.err()).isEqualTo("skipping step freeze needs a second person, not alice again\n");
    }

    @Test
    void refusedActionExitsTwoWithTheMessageOnStandardError() {
        golive("runbook", "start", "open-day", "--env", "live", "--as", "alice");

        CliRun confirm = golive("runbook", "confirm", "deploy", "--as", "alice");
        CliRun early = golive("runbook", "approve", "go", "--as", "bob");

        assertThat(confirm.code()).isEqualTo(2);
        assertThat(confirm.out()).isEmpty();
        assertThat(confirm.err()).isEqualTo("step deploy is a command step; only manual steps are confirmed\n");
        assertThat(early.code()).isEqualTo(2);
        assertThat(early.err()).isEqualTo("step go cannot be approved now: it waits for [deploy]\n");
    }

    @Test
    void rejectedGateRollsBackToTheEnd() {
        startAndDeploy();

        CliRun reject = golive("runbook", "reject", "go", "--as", "bob", "--reason", "checkout answers 500");
        CliRun rollback = golive("runbook", "rollback", "--as", "alice", "--reason", "checkout is broken");
        CliRun back = golive("runbook", "confirm", "back", "--as", "alice");
        CliRun status = golive("runbook", "status", "--json");

        assertThat(reject.out())
                .isEqualTo("Gate go rejected by bob. Roll back with: golive runbook rollback --reason ...\n");
        assertThat(rollback.out()).startsWith("Run ").contains(" is rolling back.");
        assertThat(back.code()).isZero();
        assertThat(status.out())
                .contains("\"outcome\" : \"rolled-back\"")
                .contains("\"reason\" : \"checkout is broken\"");
    }

    @Test
    void abortEndsTheRunAndFreesTheEnvironment() {
        golive("runbook", "start", "open-day", "--env", "live", "--as", "alice");

        CliRun abort = golive("runbook", "abort", "--env", "live", "--as", "alice", "--reason", "vendor postponed");
        CliRun next = golive("runbook", "start", "open-day", "--env", "live", "--as", "bob");

        assertThat(abort.code()).isZero();
        assertThat(abort.out()).endsWith(" aborted by alice.\n");
        assertThat(next.code()).isZero();
    }

    private void startAndDeploy() {
        golive("runbook", "start", "open-day", "--env", "live", "--as", "alice");
        golive("runbook", "confirm", "freeze", "--as", "alice");
        CliRun go = go("l\n", "alice", "--confirm-env", "live");
        assertThat(go.code()).as(go.err()).isZero();
    }

    private String activeRun() {
        CliRun status = golive("runbook", "status", "--json");
        assertThat(status.code()).as(status.err()).isZero();
        try {
            return JSON.readTree(status.out()).get("run").asText();
        } catch (IOException e) {
            throw new AssertionError(status.out(), e);
        }
    }

    private CliRun go(String input, String actor, String... options) {
        List<String> all = new ArrayList<>(List.of("runbook", "go", "--as", actor, "-f", plan));
        all.addAll(List.of(options));
        return CliRun.withInput(input, env, all.toArray(String[]::new));
    }

    private CliRun golive(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-f");
        all.add(plan);
        return CliRun.withInput("", env, all.toArray(String[]::new));
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> i = array.elements(); i.hasNext(); ) {
            out.add(i.next().asText());
        }
        return out;
    }
}
