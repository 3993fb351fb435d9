package dev.golive.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.golive.load.Interval;
import dev.golive.load.LoadFigures;
import dev.golive.load.Stats;
import dev.golive.store.JournalEntry;
import dev.golive.store.LoadSeries;
import dev.golive.store.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * A load run as one self-contained HTML page (uPlot inlined, nothing loaded from the network), as
 * plain values for JSON, or as JUnit XML with one test case per target.
 *
 * @param run the run
 * @param result what the run recorded when it ended (targets, generator health), or null when it
 *     never ended
 * @param figures the stored seconds of the range reported
 * @param captures the run's journal entries about captures: triggered, taken, failed
 * @param diagnosis what the captured files say, as an HTML fragment of findings, or null
 */
public record LoadReport(Run run, JsonNode result, LoadFigures figures, List<JournalEntry> captures, String diagnosis) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final double[] PERCENTILES = {0, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100};

    // ---------------------------------------------------------------- targets

    /**
     * One line of the summary: a target, the generator or the end of the run, met or not.
     *
     * @param name what was checked
     * @param expected what was wanted
     * @param actual what came
     * @param met whether it was met
     */
    public record Check(String name, String expected, String actual, boolean met) {}

    /** Every target, then whether the generator kept up and whether the run ran to its end. */
    public List<Check> checks() {
        List<Check> out = new ArrayList<>();
        if (result == null) {
            out.add(new Check("run ended", "an ended run", "the run never ended: golive was killed", false));
            return out;
        }
        for (JsonNode v : result.path("targets")) {
            out.add(new Check(
                    v.path("scope").asText() + " " + v.path("target").asText(),
                    v.path("expected").asText(),
                    v.path("actual").asText(),
                    v.path("met").asBoolean()));
        }
        JsonNode invalid = result.path("health").path("invalid");
        List<String> reasons = new ArrayList<>();
        invalid.forEach(r -> reasons.add(r.asText()));
        out.add(new Check(
                "generator kept up",
                "no late or dropped arrivals, CPU not saturated",
                reasons.isEmpty() ? "kept up" : String.join("; ", reasons),
                reasons.isEmpty()));
        result.path("generators").properties().forEach(g -> {
            List<String> own = new ArrayList<>();
            g.getValue().path("invalid").forEach(r -> own.add(r.asText()));
            out.add(new Check(
                    "generator " + g.getKey() + " kept up",
                    "no late or dropped arrivals, CPU not saturated",
                    own.isEmpty()
                            ? g.getValue().path("arrivals").asLong() + " started, "
                                    + g.getValue().path("late").asLong() + " late, CPU at most "
                                    + Math.round(g.getValue().path("maxCpu").asDouble() * 100) + "%"
                            : String.join("; ", own),
                    own.isEmpty()));
        });
        JsonNode stopped = result.path("stopped");
        out.add(new Check(
                "ran to its end",
                "all its phases",
                stopped.isNull() || stopped.isMissingNode() ? "ran to its end" : "stopped: " + stopped.asText(),
                stopped.isNull() || stopped.isMissingNode()));
        return out;
    }

    public boolean passed() {
        return checks().stream().allMatch(Check::met);
    }

    // ---------------------------------------------------------------- JSON

    /** The report as plain values: summary, checks, tables and the series per second. */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run.id());
        out.put("test", run.name());
        out.put("environment", run.environment());
        out.put("startedBy", run.startedBy());
        out.put("startedAt", run.startedAt().toString());
        out.put("outcome", run.outcome());
        out.put("from", figures.from());
        out.put("to", figures.from() + figures.overall().size());
        out.put("passed", passed());
        out.put("checks", checks());
        out.put("overall", figures.overallStats().plain());
        out.put(
                "transactions",
                figures.stats("transaction").values().stream().map(Stats::plain).toList());
        out.put(
                "requests",
                figures.stats("request").values().stream().map(Stats::plain).toList());
        out.put("errors", figures.total().errors());
        List<Map<String, Object>> seconds = new ArrayList<>();
        for (int i = 0; i < figures.overall().size(); i++) {
            Interval o = figures.overall().get(i);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("second", figures.from() + i);
            s.put("tps", o.passed());
            s.put("errors", o.errors());
            s.put("p50Ms", ms(o.times(), 50));
            s.put("p95Ms", ms(o.times(), 95));
            s.put("p99Ms", ms(o.times(), 99));
            if (i < figures.seconds().size()) {
                LoadSeries.Second g = figures.seconds().get(i);
                s.put("wanted", g.wanted());
                s.put("active", g.active());
                s.put("late", g.late());
                s.put("dropped", g.dropped());
                s.put("cpu", g.cpu());
            }
            seconds.add(s);
        }
        out.put("seconds", seconds);
        return out;
    }

    // ---------------------------------------------------------------- JUnit

    /** JUnit XML: one test case per target, one for the generator and one for the run's end. */
    public String junit() {
        List<Check> checks = checks();
        long failures = checks.stream().filter(c -> !c.met()).count();
        Duration elapsed = run.endedAt() == null ? Duration.ZERO : Duration.between(run.startedAt(), run.endedAt());
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuite name=\"")
                .append(Html.escape("golive load " + run.name() + " on " + run.environment()))
                .append("\" tests=\"")
                .append(checks.size())
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"0\" time=\"")
                .append(elapsed.toMillis() / 1000.0)
                .append("\" timestamp=\"")
                .append(run.startedAt())
                .append("\">\n");
        String classname = Html.escape("golive.load." + run.name());
        for (Check c : checks) {
            b.append("  <testcase classname=\"")
                    .append(classname)
                    .append("\" name=\"")
                    .append(Html.escape(c.name()))
                    .append("\" time=\"0\"");
            if (c.met()) {
                b.append("/>\n");
            } else {
                String message = "expected " + c.expected() + ", got " + c.actual();
                b.append(">\n    <failure message=\"")
                        .append(Html.escape(message))
                        .append("\">")
                        .append(Html.escape(message))
                        .append("</failure>\n  </testcase>\n");
            }
        }
        b.append("  <system-out>")
                .append(Html.escape("run " + run.id() + ", started by " + run.startedBy()))
                .append("</system-out>\n");
        return b.append("</testsuite>\n").toString();
    }

    // ---------------------------------------------------------------- HTML

    public String html(ZoneId zone) {
        StringBuilder b = new StringBuilder();
        String title = "Load " + run.name() + " on " + run.environment() + " — run " + run.id();
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title))
                .append("</title><style>")
                .append(Html.STYLE)
                .append(STYLE)
                .append(DiagReport.style())
                .append(resource("uplot/uPlot.min.css"))
                .append("</style><script>")
                .append(resource("uplot/uPlot.iife.min.js"))
                .append("</script></head><body>");
        b.append("<h1>").append(Html.escape(title)).append("</h1>");
        b.append("<p>").append(Html.escape(summary(zone))).append("</p>");
        b.append("<h2>Targets</h2>").append(checkTable());
        b.append("<h2>Transactions</h2>")
                .append(statsTable("transaction", figures.stats("transaction"), figures.overallStats()));
        b.append("<h2>Requests</h2>").append(statsTable("request", figures.stats("request"), null));
        b.append("<h2>Errors by kind</h2>").append(errorTable());
        b.append("<h2>Over time</h2>");
        for (String id : List.of("tps", "times", "errors", "users", "generator")) {
            b.append("<div class=\"chart\" id=\"").append(id).append("\"></div>");
        }
        b.append("<h2>Response-time distribution</h2><div class=\"chart\" id=\"distribution\"></div>");
        b.append("<h2>Captures</h2>").append(captureList());
        if (diagnosis != null) {
            b.append("<h2>What the captures say</h2>").append(diagnosis);
        }
        b.append("<p class=\"note\">Response time counts from each request's intended start, so a generator or a"
                + " server that falls behind shows in full; service time counts from the actual send.</p>");
        b.append("<script>const data = ")
                .append(chartData())
                .append(";\n")
                .append(SCRIPT)
                .append("</script>");
        b.append("</body></html>\n");
        return b.toString();
    }

    private String summary(ZoneId zone) {
        String when = TIME.format(run.startedAt().atZone(zone));
        String outcome = run.outcome() == null ? "never ended" : run.outcome();
        String range = figures.from() == 0 && result != null
                ? ""
                : " Figures of seconds " + figures.from() + " to "
                        + (figures.from() + figures.overall().size()) + "; targets are judged on the whole run.";
        return "Started " + when + " by " + run.startedBy() + "; " + outcome + ", "
                + (passed() ? "every target met." : "not passed.") + range;
    }

    private String checkTable() {
        StringBuilder b = new StringBuilder("<table><tr><th></th><th>check</th><th>expected</th><th>actual</th></tr>");
        for (Check c : checks()) {
            b.append("<tr class=\"")
                    .append(c.met() ? "met" : "missed")
                    .append("\"><td>")
                    .append(c.met() ? "✔" : "✘")
                    .append("</td><td>")
                    .append(Html.escape(c.name()))
                    .append("</td><td>")
                    .append(Html.escape(c.expected()))
                    .append("</td><td>")
                    .append(Html.escape(c.actual()))
                    .append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    private static String statsTable(String what, Map<String, Stats> stats, Stats overall) {
        if (stats.isEmpty()) {
            return "<p>none</p>";
        }
        StringBuilder b = new StringBuilder("<table><tr><th>")
                .append(what)
                .append("</th><th>count</th><th>errors</th><th>TPS</th><th>p50</th><th>p90</th><th>p95</th>"
                        + "<th>p99</th><th>max</th></tr>");
        List<Stats> rows = new ArrayList<>(stats.values());
        if (overall != null) {
            rows.add(overall);
        }
        for (Stats s : rows) {
            b.append("<tr><td>")
                    .append(Html.escape(s.name()))
                    .append("</td><td class=\"n\">")
                    .append(s.passed() + s.errors())
                    .append("</td><td class=\"n\">")
                    .append(s.errors())
                    .append(String.format(Locale.ROOT, "</td><td class=\"n\">%.1f", s.tps()));
            for (Duration d : List.of(s.p50(), s.p90(), s.p95(), s.p99(), s.max())) {
                b.append(String.format(Locale.ROOT, "</td><td class=\"n\">%.1f ms", millis(d)));
            }
            b.append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    private String captureList() {
        if (captures.isEmpty()) {
            return "<p>none taken</p>";
        }
        StringBuilder b = new StringBuilder("<table><tr><th>when</th><th>what</th><th>files</th></tr>");
        for (JournalEntry e : captures) {
            List<String> files = new ArrayList<>();
            try {
                JsonNode data = JSON.readTree(e.data());
                for (String key : List.of("threadDumps", "cpu", "histograms")) {
                    data.path(key).forEach(f -> files.add(f.asText()));
                }
                if (!data.path("failure").isMissingNode()
                        && !data.path("failure").isNull()) {
                    files.add("failed: " + data.path("failure").asText());
                }
            } catch (IOException ex) {
                files.add("(unreadable entry)");
            }
            b.append("<tr><td>")
                    .append(Html.escape(e.at().toString()))
                    .append("</td><td>")
                    .append(Html.escape(e.kind() + " " + e.subject()))
                    .append("</td><td>")
                    .append(Html.escape(String.join("\n", files)).replace("\n", "<br>"))
                    .append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    private String errorTable() {
        Map<String, Long> errors = figures.total().errors();
        if (errors.isEmpty()) {
            return "<p>none</p>";
        }
        StringBuilder b = new StringBuilder("<table><tr><th>kind</th><th>count</th></tr>");
        errors.forEach((k, v) -> b.append("<tr><td>")
                .append(Html.escape(k))
                .append("</td><td class=\"n\">")
                .append(v)
                .append("</td></tr>"));
        return b.append("</table>").toString();
    }

    /** The arrays the charts draw, as a JSON object. */
    private String chartData() {
        try {
            // A "</script>" inside a name must not end the script element.
            return JSON.writeValueAsString(series()).replace("</", "<\\/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The series per second the charts draw: x (the second), tps, failed, p50/p95/p99/max in ms,
     * errors by kind, and the generator's wanted rate, active users, late, dropped and CPU.
     */
    public Map<String, Object> series() {
        List<Interval> overall = figures.overall();
        int n = overall.size();
        List<Integer> x = new ArrayList<>();
        List<Long> tps = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        TreeSet<String> kinds = new TreeSet<>();
        overall.forEach(o -> kinds.addAll(o.errors().keySet()));
        Map<String, List<Long>> errors = new LinkedHashMap<>();
        kinds.forEach(k -> errors.put(k, new ArrayList<>()));
        for (int i = 0; i < n; i++) {
            Interval o = overall.get(i);
            x.add(figures.from() + i);
            tps.add(o.passed());
            failed.add(o.failed());
            boolean any = o.passed() > 0;
            p50.add(any ? ms(o.times(), 50) : null);
            p95.add(any ? ms(o.times(), 95) : null);
            p99.add(any ? ms(o.times(), 99) : null);
            max.add(any ? o.times().getMaxValue() / 1000.0 : null);
            kinds.forEach(k -> errors.get(k).add(o.errors().getOrDefault(k, 0L)));
        }
        List<Object> wanted = new ArrayList<>();
        List<Object> active = new ArrayList<>();
        List<Object> late = new ArrayList<>();
        List<Object> dropped = new ArrayList<>();
        List<Object> cpu = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LoadSeries.Second g =
                    i < figures.seconds().size() ? figures.seconds().get(i) : null;
            wanted.add(g == null ? null : g.wanted());
            active.add(g == null ? null : g.active());
            late.add(g == null ? null : g.late());
            dropped.add(g == null ? null : g.dropped());
            cpu.add(g == null || g.cpu() < 0 ? null : Math.round(g.cpu() * 1000) / 10.0);
        }
        Histogram times = figures.total().times();
        Histogram service = figures.total().service();
        List<Double> at = new ArrayList<>();
        List<Double> response = new ArrayList<>();
        List<Double> sent = new ArrayList<>();
        for (int i = 0; i < PERCENTILES.length; i++) {
            at.add((double) i);
            response.add(times.getTotalCount() == 0 ? null : ms(times, PERCENTILES[i]));
            sent.add(service.getTotalCount() == 0 ? null : ms(service, PERCENTILES[i]));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("x", x);
        data.put("tps", tps);
        data.put("failed", failed);
        data.put("p50", p50);
        data.put("p95", p95);
        data.put("p99", p99);
        data.put("max", max);
        data.put("errors", errors);
        data.put("wanted", wanted);
        data.put("active", active);
        data.put("late", late);
        data.put("dropped", dropped);
        data.put("cpu", cpu);
        data.put("percentiles", PERCENTILES);
        data.put("at", at);
        data.put("response", response);
        data.put("service", sent);
        return data;
    }

    private static double ms(Histogram h, double percentile) {
        return Math.round(h.getValueAtPercentile(percentile) / 10.0) / 100.0;
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String resource(String name) {
        return Html.resource(name);
    }

    private static final String STYLE = """
            .met td:first-child{color:#1a7f37}.missed td:first-child,.missed td:last-child{color:#cf222e}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .chart{margin:1em 0}.note{color:#555;font-size:12px}
            """;

    private static final String SCRIPT = """
            const W = Math.min(1100, document.body.clientWidth - 20);
            const palette = ["#0969da","#cf222e","#1a7f37","#9a6700","#8250df","#bc4c00","#57606a"];
            function chart(id, title, xs, series, yLabel, extra) {
              const opts = Object.assign({title: title, width: W, height: 260,
                scales: {x: {time: false}},
                axes: [{label: "second"}, {label: yLabel}],
                series: [{label: "second"}].concat(series.map((s, i) =>
                  ({label: s.label, stroke: palette[i % palette.length], width: 1.5, spanGaps: false})))},
                extra || {});
              new uPlot(opts, [xs].concat(series.map(s => s.values)), document.getElementById(id));
            }
            chart("tps", "Transactions per second", data.x,
              [{label: "passed", values: data.tps}, {label: "failed", values: data.failed}], "per second");
            chart("times", "Response time", data.x,
              [{label: "p50", values: data.p50}, {label: "p95", values: data.p95},
               {label: "p99", values: data.p99}, {label: "max", values: data.max}], "ms");
            const kinds = Object.keys(data.errors);
            chart("errors", "Errors by kind", data.x,
              kinds.length ? kinds.map(k => ({label: k, values: data.errors[k]}))
                           : [{label: "errors", values: data.failed}], "per second");
            chart("users", "Users and load asked for", data.x,
              [{label: "active users", values: data.active}, {label: "asked for", values: data.wanted}], "");
            chart("generator", "Generator health", data.x,
              [{label: "late arrivals", values: data.late}, {label: "dropped arrivals", values: data.dropped},
               {label: "CPU %", values: data.cpu}], "");
            chart("distribution", "Response time by percentile", data.at,
              [{label: "response time", values: data.response}, {label: "service time", values: data.service}],
              "ms", {axes: [{label: "percentile", values: (u, vals) => vals.map(v =>
                 Number.isInteger(v) && v < data.percentiles.length ? "p" + data.percentiles[v] : "")},
                {label: "ms"}]});
            """;
}
