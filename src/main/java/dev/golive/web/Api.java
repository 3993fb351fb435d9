package dev.golive.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.golive.plan.Plan;
import dev.golive.release.Artifact;
import dev.golive.release.ArtifactStore;
import dev.golive.release.Ledger;
import dev.golive.release.LedgerEntry;
import dev.golive.release.Release;
import dev.golive.release.Releases;
import dev.golive.report.LoadReport;
import dev.golive.report.RunReports;
import dev.golive.runbook.RunView;
import dev.golive.runbook.Runbooks;
import dev.golive.runbook.StepView;
import dev.golive.store.JournalEntry;
import dev.golive.store.JournalQuery;
import dev.golive.store.Run;
import dev.golive.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard's pages show, as plain values for JSON: read from the store and the engines,
 * the same record the command line reads and writes.
 */
final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RECENT = 200;

    private final Plan plan;
    private final Store store;
    private final Runbooks runbooks;
    private final Clock clock;

    Api(Plan plan, Store store, Runbooks runbooks, Clock clock) {
        this.plan = plan;
        this.store = store;
        this.runbooks = runbooks;
        this.clock = clock;
    }

    /** The runbook runs, the active ones first, and the one asked for (else the first active, else the latest). */
    Map<String, Object> runbook(String runId) {
        List<String> active = runbooks.activeRuns();
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Run r : runs("runbook")) {
            Map<String, Object> m = run(r);
            m.put("active", active.contains(r.id()));
            runs.add(m);
        }
        String chosen = runId != null
                ? runId
                : !active.isEmpty()
                        ? active.get(0)
                        : runs.isEmpty() ? null : (String) runs.get(0).get("id");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", runs);
        out.put("view", chosen == null ? null : view(runbooks.view(chosen)));
        out.put("people", plan.people());
        return out;
    }

    static Map<String, Object> view(RunView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", v.runId());
        m.put("runbook", v.runbook());
        m.put("environment", v.environment());
        m.put("protected", v.protectedEnvironment());
        m.put("rehearsal", v.rehearsal());
        m.put("dryRun", v.dryRun());
        m.put("startedBy", v.startedBy());
        m.put("startedAt", time(v.startedAt()));
        m.put("outcome", v.outcome());
        m.put("endedAt", time(v.endedAt()));
        m.put("rollingBack", v.rollingBack());
        m.put("reason", v.reason());
        m.put("criticalPath", v.criticalPath());
        m.put("plannedEnd", time(v.plannedEnd()));
        m.put("projectedEnd", time(v.projectedEnd()));
        m.put("steps", v.steps().stream().map(Api::step).toList());
        return m;
    }

    private static Map<String, Object> step(StepView s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("title", s.title());
        m.put("owner", s.owner());
        m.put("kind", s.kind());
        m.put("target", s.target());
        m.put("instructions", s.instructions());
        m.put("rollback", s.rollback());
        m.put("changing", s.changing());
        m.put("status", s.status().word());
        m.put("plannedStart", time(s.plannedStart()));
        m.put("plannedEnd", time(s.plannedEnd()));
        m.put("actualStart", time(s.actualStart()));
        m.put("actualEnd", time(s.actualEnd()));
        m.put("lateSeconds", s.late().toSeconds());
        m.put("critical", s.critical());
        m.put("actor", s.actor());
        m.put("reason", s.reason());
        m.put("approvals", s.approvals());
        m.put("waitingFor", s.waitingFor());
        m.put("evidence", s.evidence());
        m.put("human", s.human());
        return m;
    }

    /** The latest readiness check of each environment. */
    Map<String, Object> readiness() {
        Map<String, Object> latest = new LinkedHashMap<>();
        for (JournalEntry e : store.journal()
                .list(JournalQuery.all().withKind("check").withLimit(RECENT))
                .reversed()) {
            JsonNode data = tree(e.data());
            String env = data.path("environment").asText("?");
            if (!latest.containsKey(env)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("at", time(e.at()));
                m.put("actor", e.actor());
                m.put("report", data);
                latest.put(env, m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("environments", latest);
        out.put("planned", plan.environments().keySet());
        return out;
    }

    /** The load runs, newest first. */
    List<Map<String, Object>> loads() {
        return runs("load").stream().map(Api::run).toList();
    }

    /** One load run: its series per second so far, and its target verdicts once it has ended. */
    Optional<Map<String, Object>> load(String runId) {
        return store.runs().find(runId).filter(r -> r.kind().equals("load")).map(r -> {
            LoadReport report = RunReports.live(store, r);
            Map<String, Object> m = run(r);
            m.put("series", report.series());
            m.put("checks", report.result() == null ? List.of() : report.checks());
            m.put("passed", report.result() == null ? null : report.passed());
            return m;
        });
    }

    /** The drill runs, newest first, with their verdicts. */
    List<Map<String, Object>> drills() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Run r : runs("drill")) {
            Map<String, Object> m = run(r);
            RunReports.drillResult(store, r).ifPresent(result -> {
                m.put("fault", result.path("fault"));
                m.put("instances", result.path("instances"));
                m.put("figures", result.path("figures"));
                m.put("verdicts", result.path("verdicts"));
                m.put("survived", result.path("survived"));
            });
            out.add(m);
        }
        return out;
    }

    /** The releases, and what each instance runs by the deploy ledger, per environment. */
    Map<String, Object> releases() {
        Releases releases = new Releases(store, new ArtifactStore(plan.artifactDirectory()), clock);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Release r : releases.list()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", r.version());
            m.put("notes", r.notes());
            m.put("createdBy", r.createdBy());
            m.put("createdAt", time(r.createdAt()));
            m.put("bytes", r.bytes());
            m.put("artifacts", r.artifacts().stream().map(Api::artifact).toList());
            list.add(m);
        }
        Ledger ledger = new Ledger(store, clock);
        Map<String, Object> where = new LinkedHashMap<>();
        for (String env : plan.environments().keySet()) {
            List<Map<String, Object>> instances = new ArrayList<>();
            for (LedgerEntry e : ledger.latest(env).values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("instance", e.instance());
                m.put("version", e.version());
                m.put("previous", e.previous());
                m.put("action", e.action());
                m.put("result", e.result());
                m.put("detail", e.detail());
                m.put("actor", e.actor());
                m.put("run", e.runId());
                m.put("at", time(e.endedAt() != null ? e.endedAt() : e.startedAt()));
                instances.add(m);
            }
            where.put(env, instances);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("releases", list);
        out.put("deployed", where);
        return out;
    }

    private static Map<String, Object> artifact(Artifact a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("sha256", a.sha256());
        m.put("bytes", a.bytes());
        return m;
    }

    /** What captures found: the findings of each capture, newest first. */
    List<Map<String, Object>> diagnostics() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JournalEntry e :
                store.journal().list(JournalQuery.all().withLimit(2000)).reversed()) {
            if (e.kind().equals("capture.findings")
                    || e.kind().equals("capture.taken")
                    || e.kind().equals("capture.failed")) {
                Map<String, Object> m = entry(e);
                m.put("data", tree(e.data()));
                out.add(m);
            }
            if (out.size() >= RECENT) {
                break;
            }
        }
        return out;
    }

    /** The journal, newest first, filtered by kind (a prefix such as {@code step.}), run, actor and text. */
    List<Map<String, Object>> journal(String kind, String run, String actor, String text, int limit) {
        JournalQuery query = JournalQuery.all().withLimit(run == null && kind == null ? limit : 10_000);
        if (run != null) {
            query = query.withRunId(run);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (JournalEntry e : store.journal().list(query).reversed()) {
            if ((kind == null || e.kind().startsWith(kind))
                    && (actor == null || actor.equals(e.actor()))
                    && (text == null || contains(e, text))) {
                Map<String, Object> m = entry(e);
                m.put("data", e.data());
                out.add(m);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    private static boolean contains(JournalEntry e, String text) {
        String t = text.toLowerCase();
        return (e.subject() != null && e.subject().toLowerCase().contains(t))
                || e.data().toLowerCase().contains(t)
                || e.kind().contains(t);
    }

    private static Map<String, Object> entry(JournalEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", time(e.at()));
        m.put("run", e.runId());
        m.put("kind", e.kind());
        m.put("subject", e.subject());
        m.put("actor", e.actor());
        return m;
    }

    private List<Run> runs(String kind) {
        return store.runs().recent(RECENT).stream()
                .filter(r -> r.kind().equals(kind))
                .toList();
    }

    static Map<String, Object> run(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("kind", r.kind());
        m.put("name", r.name());
        m.put("environment", r.environment());
        m.put("startedBy", r.startedBy());
        m.put("startedAt", time(r.startedAt()));
        m.put("endedAt", time(r.endedAt()));
        m.put("outcome", r.outcome());
        return m;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    Instant now() {
        return clock.instant();
    }
}
