package dev.golive.drill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one drill went: what was done, what was measured, and whether the service survived.
 *
 * @param runId the drill's run
 * @param drill the drill's name
 * @param environment where it ran
 * @param faultKind the fault kind
 * @param rate the load's arrivals per second
 * @param radius what it took down
 * @param marks when each phase began
 * @param figures what the load measured
 * @param fault what the fault did to each instance
 * @param survivors the health of the instances not faulted, during the fault
 * @param restore what the restore did
 * @param verdicts the checks
 * @param stopped why the drill was stopped early, or null
 */
public record DrillResult(
        String runId,
        String drill,
        String environment,
        String faultKind,
        double rate,
        BlastRadius radius,
        Marks marks,
        Figures figures,
        List<Done> fault,
        List<Done> survivors,
        List<Done> restore,
        List<Verdict> verdicts,
        String stopped) {
    public DrillResult {
        fault = List.copyOf(fault);
        survivors = List.copyOf(survivors);
        restore = List.copyOf(restore);
        verdicts = List.copyOf(verdicts);
    }

    public boolean survived() {
        return verdicts.stream().allMatch(Verdict::met);
    }

    /** {@code survived}, {@code not-survived} or {@code interrupted}. */
    public String outcome() {
        if (stopped != null) {
            return "interrupted";
        }
        return survived() ? "survived" : "not-survived";
    }

    /** The checks that did not hold, said plainly. */
    public List<String> problems() {
        return verdicts.stream()
                .filter(v -> !v.met())
                .map(v -> v.check() + ": expected " + v.expected() + ", got " + v.actual())
                .toList();
    }

    /** Everything, as plain values: what the journal keeps and the reports draw. */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", runId);
        out.put("drill", drill);
        out.put("environment", environment);
        out.put("fault", faultKind);
        out.put("rate", rate);
        out.put("instances", radius.instances());
        out.put("beyondSurvivable", radius.beyond());
        out.put("outcome", outcome());
        out.put("survived", survived());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fault", marks.fault());
        m.put("faulted", marks.faulted());
        m.put("restore", marks.restore());
        m.put("restored", marks.restored());
        m.put("end", marks.end());
        out.put("marks", m);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("baselineErrors", figures.baselineErrors());
        f.put("baselineP95Ms", figures.baselineP95());
        f.put("requests", figures.requests());
        f.put("errors", figures.errors());
        f.put("errorKinds", figures.errorKinds());
        f.put("errorRate", figures.errorRate());
        f.put("p95Ms", figures.p95());
        f.put("detectionSeconds", figures.detection());
        f.put("recoverySeconds", figures.recovery());
        out.put("figures", f);
        out.put("faultDone", fault);
        out.put("survivors", survivors);
        out.put("restore", restore);
        out.put("verdicts", verdicts);
        out.put("stopped", stopped);
        out.put(
                "seconds",
                figures.seconds().stream()
                        .map(p -> List.of(p.second(), p.ok(), p.errors(), p.p95() == null ? -1 : p.p95()))
                        .toList());
        return out;
    }
}
