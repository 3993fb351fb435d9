package dev.golive.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.golive.drill.Figures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drills as one self-contained HTML page (uPlot inlined), or as JUnit XML with one test case per
 * verdict: the survivability matrix, and per drill a timeline of requests, errors and p95 with the
 * fault and the restore marked, the measured detection and recovery, and the verdicts. Drawn from
 * what each drill journaled when it ended.
 *
 * @param title the page's title
 * @param drills each drill's result as journaled
 */
public record DrillReport(String title, List<JsonNode> drills) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public DrillReport {
        drills = List.copyOf(drills);
    }

    public boolean survived() {
        return drills.stream().allMatch(d -> d.path("survived").asBoolean());
    }

    // ---------------------------------------------------------------- JUnit

    public String junit() {
        int tests = 0;
        int failures = 0;
        StringBuilder cases = new StringBuilder();
        for (JsonNode d : drills) {
            String classname = Html.escape("golive.drill." + d.path("drill").asText());
            for (JsonNode v : d.path("verdicts")) {
                tests++;
                cases.append("  <testcase classname=\"")
                        .append(classname)
                        .append("\" name=\"")
                        .append(Html.escape(v.path("check").asText()))
                        .append("\" time=\"0\"");
                if (v.path("met").asBoolean()) {
                    cases.append("/>\n");
                    continue;
                }
                failures++;
                String message = "expected " + v.path("expected").asText() + ", got "
                        + v.path("actual").asText();
                cases.append(">\n    <failure message=\"")
                        .append(Html.escape(message))
                        .append("\">")
                        .append(Html.escape(message))
                        .append("</failure>\n  </testcase>\n");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + Html.escape(title) + "\" tests=\""
                + tests + "\" failures=\"" + failures + "\" errors=\"0\">\n" + cases + "</testsuite>\n";
    }

    // ---------------------------------------------------------------- HTML

    public String html() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title))
                .append("</title><style>")
                .append(Html.STYLE)
                .append(STYLE)
                .append(Html.resource("uplot/uPlot.min.css"))
                .append("</style><script>")
                .append(Html.resource("uplot/uPlot.iife.min.js"))
                .append("</script></head><body>");
        b.append("<h1>").append(Html.escape(title)).append("</h1>");
        b.append("<h2>Survivability</h2>").append(matrix());
        for (int i = 0; i < drills.size(); i++) {
            b.append(drill(i, drills.get(i)));
        }
        b.append("<p class=\"note\">A second is bad when its error rate is more than one point above the"
                + " baseline's, or when requests were sent and none came back. Detection: from the fault until the"
                + " load first saw it. Recovery: from the fault until the bad seconds were over, followed by"
                + " enough good ones.</p>");
        b.append("<script>const drills = ")
                .append(chartData())
                .append(";\n")
                .append(SCRIPT)
                .append("</script>");
        return b.append("</body></html>\n").toString();
    }

    private String matrix() {
        StringBuilder b = new StringBuilder("<table><tr><th></th><th>drill</th><th>fault</th><th>instances</th>"
                + "<th>errors</th><th>p95</th><th>detection</th><th>recovery</th><th>run</th></tr>");
        for (JsonNode d : drills) {
            JsonNode f = d.path("figures");
            boolean ok = d.path("survived").asBoolean();
            b.append("<tr class=\"")
                    .append(ok ? "met" : "missed")
                    .append("\"><td>")
                    .append(ok ? "✔ survived" : "✘ not survived")
                    .append("</td><td>")
                    .append(Html.escape(d.path("drill").asText()))
                    .append("</td><td>")
                    .append(Html.escape(d.path("fault").asText()))
                    .append("</td><td>")
                    .append(Html.escape(join(d.path("instances"))))
                    .append("</td><td class=\"n\">")
                    .append(Html.escape(errors(f)))
                    .append("</td><td class=\"n\">")
                    .append(Html.escape(ms(f.path("p95Ms"))))
                    .append("</td><td class=\"n\">")
                    .append(Html.escape(seconds(f.path("detectionSeconds"), "not seen")))
                    .append("</td><td class=\"n\">")
                    .append(Html.escape(seconds(f.path("recoverySeconds"), "not recovered")))
                    .append("</td><td>")
                    .append(Html.escape(d.path("run").asText()))
                    .append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    private static String drill(int index, JsonNode d) {
        StringBuilder b = new StringBuilder("<h2>Drill ");
        b.append(Html.escape(d.path("drill").asText()))
                .append(" — ")
                .append(d.path("survived").asBoolean() ? "survived" : "not survived")
                .append("</h2>");
        JsonNode f = d.path("figures");
        b.append("<p>")
                .append(Html.escape(String.format(
                        Locale.ROOT,
                        "%s of %s in %s under %s requests/s (run %s). Baseline: %.2f%% errors, p95 %s.",
                        d.path("fault").asText(),
                        join(d.path("instances")),
                        d.path("environment").asText(),
                        d.path("rate").asText(),
                        d.path("run").asText(),
                        f.path("baselineErrors").asDouble(),
                        ms(f.path("baselineP95Ms")))))
                .append("</p>");
        if (d.path("beyondSurvivable").size() > 0) {
            b.append("<p class=\"missed\">Beyond survivable: ")
                    .append(Html.escape(join(d.path("beyondSurvivable"))))
                    .append("</p>");
        }
        b.append("<div class=\"chart\" id=\"drill-").append(index).append("\"></div>");
        b.append("<table><tr><th></th><th>check</th><th>expected</th><th>actual</th></tr>");
        for (JsonNode v : d.path("verdicts")) {
            boolean met = v.path("met").asBoolean();
            b.append("<tr class=\"")
                    .append(met ? "met" : "missed")
                    .append("\"><td>")
                    .append(met ? "✔" : "✘")
                    .append("</td><td>")
                    .append(Html.escape(v.path("check").asText()))
                    .append("</td><td>")
                    .append(Html.escape(v.path("expected").asText()))
                    .append("</td><td>")
                    .append(Html.escape(v.path("actual").asText()))
                    .append("</td></tr>");
        }
        b.append("</table><h3>What was done</h3><table><tr><th>phase</th><th>instance</th><th>detail</th></tr>");
        for (String phase : List.of("faultDone", "survivors", "restore")) {
            for (JsonNode done : d.path(phase)) {
                b.append("<tr class=\"")
                        .append(done.path("ok").asBoolean() ? "met" : "missed")
                        .append("\"><td>")
                        .append(phase.equals("faultDone") ? "fault" : phase)
                        .append("</td><td>")
                        .append(Html.escape(done.path("instance").asText()))
                        .append("</td><td>")
                        .append(Html.escape(done.path("detail").asText()))
                        .append("</td></tr>");
            }
        }
        return b.append("</table>").toString();
    }

    /** Per drill: the seconds as columns and the marks, as a JSON array. */
    private String chartData() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode d : drills) {
            List<Integer> x = new ArrayList<>();
            List<Long> ok = new ArrayList<>();
            List<Long> errors = new ArrayList<>();
            List<Double> p95 = new ArrayList<>();
            for (JsonNode s : d.path("seconds")) {
                x.add(s.path(0).asInt());
                ok.add(s.path(1).asLong());
                errors.add(s.path(2).asLong());
                p95.add(s.path(3).asDouble() < 0 ? null : s.path(3).asDouble());
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", d.path("drill").asText());
            one.put("x", x);
            one.put("ok", ok);
            one.put("errors", errors);
            one.put("p95", p95);
            Map<String, Double> marks = new LinkedHashMap<>();
            d.path("marks")
                    .properties()
                    .forEach(e -> marks.put(e.getKey(), e.getValue().asDouble()));
            one.put("marks", marks);
            out.add(one);
        }
        try {
            return JSON.writeValueAsString(out).replace("</", "<\\/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String join(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return String.join(", ", out);
    }

    /** The errors during the fault, by kind where the run recorded them (runs before kinds did not). */
    private static String errors(JsonNode f) {
        Map<String, Long> kinds = new TreeMap<>();
        f.path("errorKinds")
                .properties()
                .forEach(e -> kinds.put(e.getKey(), e.getValue().asLong()));
        return Figures.shown(
                f.path("errorRate").asDouble(),
                f.path("errors").asLong(),
                f.path("requests").asLong(),
                kinds,
                " of ");
    }

    private static String ms(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.1f ms", n.asDouble()) : "-";
    }

    private static String seconds(JsonNode n, String none) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.1f s", n.asDouble()) : none;
    }

    private static final String STYLE = """
            .met td:first-child{color:#1a7f37}.missed td:first-child,.missed td:last-child,p.missed{color:#cf222e}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .chart{margin:1em 0}.note{color:#555;font-size:12px}h3{font-size:1em}
            """;

    private static final String SCRIPT = """
            const W = Math.min(1100, document.body.clientWidth - 20);
            function markers(marks) {
              const lines = [["fault", marks.fault, "#cf222e"], ["restore", marks.restore, "#1a7f37"]];
              return {hooks: {draw: [u => {
                const ctx = u.ctx;
                for (const [label, at, color] of lines) {
                  if (at == null || at < 0) continue;
                  const x = Math.round(u.valToPos(at, "x", true));
                  ctx.save();
                  ctx.strokeStyle = color; ctx.fillStyle = color; ctx.lineWidth = 2; ctx.setLineDash([6, 4]);
                  ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
                  ctx.font = "12px sans-serif"; ctx.fillText(label, x + 4, u.bbox.top + 12);
                  ctx.restore();
                }
              }]}};
            }
            drills.forEach((d, i) => {
              new uPlot({title: "Drill " + d.name + ": requests, errors and p95 per second", width: W, height: 280,
                scales: {x: {time: false}, ms: {}},
                axes: [{label: "second"}, {label: "per second"}, {side: 1, scale: "ms", label: "p95 ms"}],
                plugins: [markers(d.marks)],
                series: [{label: "second"},
                  {label: "ok/s", stroke: "#0969da", width: 1.5},
                  {label: "errors/s", stroke: "#cf222e", width: 1.5},
                  {label: "p95 ms", stroke: "#9a6700", width: 1.5, scale: "ms", spanGaps: false}]},
                [d.x, d.ok, d.errors, d.p95], document.getElementById("drill-" + i));
            });
            """;
}
