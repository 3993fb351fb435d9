package dev.golive.plan;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code runbooks:} and their steps. */
final class RunbookReader {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> OPTIONS = List.of("env", "release", "to", "action", "until");

    /** Kinds whose value is a map, with its keys: {@code deploy: {release: 1.4.2, to: production}}. */
    private static final Map<String, List<String>> MAP_KINDS = Map.of("deploy", List.of("release", "to"));

    private RunbookReader() {}

    static Runbook read(String name, Fields f) {
        if (!f.has("steps")) {
            f.missing("steps", "the procedure, step by step");
        }
        Map<String, Location> ids = new HashMap<>();
        List<Runbook.RunbookStep> steps = steps(f, "steps", ids);
        List<Runbook.RunbookStep> rollback = steps(f, "rollback", ids);
        f.finish();
        return new Runbook(name, steps, rollback, f.location());
    }

    private static List<Runbook.RunbookStep> steps(Fields f, String key, Map<String, Location> ids) {
        List<Runbook.RunbookStep> out = new ArrayList<>();
        List<Node> items = f.items(key);
        for (int i = 0; i < items.size(); i++) {
            Fields s = f.reading().fields(items.get(i), Paths.index(f.path(key), i));
            Runbook.RunbookStep step = step(s);
            if (step == null) {
                continue;
            }
            Location first = ids.putIfAbsent(step.id(), step.location());
            if (first != null) {
                f.reading()
                        .problem(
                                s.location("id"),
                                s.path("id"),
                                "duplicate step id '" + step.id() + "', first used at line " + first.line());
            }
            out.add(step);
        }
        return out;
    }

    private static Runbook.RunbookStep step(Fields f) {
        String id = f.required("id", "a short unique name for the step");
        String kind = Kinds.one(f, Runbook.RunbookStep.KINDS, "a runbook step");
        Map<String, String> options = new LinkedHashMap<>();
        String target = kind == null ? null : target(f, kind, options);
        Runbook.PlannedStart at = at(f);
        Duration duration = f.duration("duration", null);
        List<String> after = f.strings("after");
        List<String> approvers = f.strings("approvers");
        if ("gate".equals(kind) && approvers.isEmpty()) {
            f.missing("approvers", "the roles or people who decide a gate");
        }
        String onFailure = f.choice("on-failure", "stop", List.of("stop", "continue"));
        List<String> on = f.strings("on");
        if (!on.isEmpty()) {
            options.put("on", String.join(",", on));
        }
        for (String o : OPTIONS) {
            String v = f.string(o);
            if (v != null) {
                options.put(o, v);
            }
        }
        String title = f.string("title");
        String owner = f.string("owner");
        String instructions = f.string("instructions");
        f.finish();
        if (id == null || kind == null || target == null) {
            return null;
        }
        return new Runbook.RunbookStep(
                id,
                title,
                owner,
                at,
                duration,
                after,
                instructions,
                kind,
                target,
                options,
                approvers,
                onFailure,
                f.location());
    }

    /** The kind key's value; a map value ({@code deploy: {release, to}}) also goes into options. */
    private static String target(Fields f, String kind, Map<String, String> options) {
        if (f.node(kind) instanceof Node.Mapping) {
            List<String> keys = MAP_KINDS.get(kind);
            if (keys == null) {
                f.reading()
                        .problem(f.location(kind), f.path(kind), "a " + kind + " step takes a single value, not a map");
                return null;
            }
            Fields inner = f.fields(kind);
            Map<String, String> values = new LinkedHashMap<>();
            for (String k : keys) {
                String v = inner.required(k, null);
                if (v != null) {
                    values.put(k, v);
                }
            }
            inner.finish();
            options.putAll(values);
            return values.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .reduce((a, b) -> a + " " + b)
                    .orElse("");
        }
        return f.string(kind);
    }

    private static Runbook.PlannedStart at(Fields f) {
        String text = f.string("at");
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.startsWith("+")) {
            Duration d = Values.duration(s.substring(1));
            if (d != null) {
                return new Runbook.PlannedStart(null, d);
            }
        } else {
            try {
                return new Runbook.PlannedStart(LocalDateTime.parse(s, AT), null);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        f.reading()
                .problem(
                        f.location("at"),
                        f.path("at"),
                        "bad planned start '" + text
                                + "': expected a local time like \"2026-12-04 21:00\", or an offset from the run's start like +30m");
        return null;
    }
}
