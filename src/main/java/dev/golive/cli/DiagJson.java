package dev.golive.cli;

import dev.golive.diag.Capture;
import dev.golive.diag.Diagnosis;
import dev.golive.diag.Histogram;
import dev.golive.diag.ThreadDump;
import java.util.LinkedHashMap;
import java.util.Map;

/** A diagnosis as JSON for scripts: what each file holds (without the threads), and the findings. */
final class DiagJson {
    private DiagJson() {}

    static Map<String, Object> of(Diagnosis d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files", d.captures().stream().map(DiagJson::capture).toList());
        json.put("findings", d.findings());
        return json;
    }

    private static Map<String, Object> capture(Capture c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", c.source());
        json.put("jvm", c.jvm());
        json.put("lines", c.lines());
        json.put("skippedLines", c.skippedLines());
        json.put("dumps", c.dumps().stream().map(DiagJson::dump).toList());
        json.put("histograms", c.histograms().stream().map(DiagJson::histogram).toList());
        json.put("threadCpuTables", c.cpu().size());
        return json;
    }

    private static Map<String, Object> dump(ThreadDump d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("index", d.index());
        json.put("line", d.line());
        json.put("timestamp", d.timestamp() == null ? null : d.timestamp().toString());
        json.put("pid", d.pid());
        json.put("jvm", d.jvm());
        json.put("format", d.format());
        json.put("threads", d.threads().size());
        json.put("states", d.states());
        json.put("jvmDeadlocks", d.jvmDeadlocks().size());
        return json;
    }

    private static Map<String, Object> histogram(Histogram h) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("index", h.index());
        json.put("line", h.line());
        json.put("timestamp", h.timestamp() == null ? null : h.timestamp().toString());
        json.put("pid", h.pid());
        json.put("classes", h.rows().size());
        json.put("instances", h.totalInstances());
        json.put("bytes", h.totalBytes());
        json.put("largest", h.rows().subList(0, Math.min(10, h.rows().size())));
        return json;
    }
}
