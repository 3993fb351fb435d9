package dev.golive.plan;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code loadtests:}. */
final class LoadTestReader {
    private LoadTestReader() {}

    static LoadTest read(String name, Fields f) {
        Map<String, Double> mix = mix(f);
        String model = f.has("users") ? "closed" : "open";
        if (f.has("users") && f.has("arrivals")) {
            f.reading()
                    .problem(
                            f.keyLocation("users"),
                            f.path(),
                            "a load test is open (arrivals) or closed (users), not both");
        } else if (!f.has("users") && !f.has("arrivals")) {
            f.missing("arrivals", "the arrival rate phases (open model), or 'users' for a closed model");
        }
        List<LoadTest.Phase> phases = phases(f, model.equals("open") ? "arrivals" : "users", model.equals("open"));
        LoadTest.Targets targets = f.has("targets") ? targets(f.fields("targets")) : null;
        Map<String, LoadTest.Targets> perTransaction = Named.read(f, "transactions", (n, t) -> {
            LoadTest.Targets own = targets(t);
            if (own.achieved() != null) {
                t.reading()
                        .problem(
                                t.keyLocation("achieved"),
                                t.path("achieved"),
                                "'achieved' is a target of the whole test (under targets:), not of one transaction");
            }
            return own;
        });
        LoadTest.Window window = window(f);
        LoadTest.Capture capture = f.has("capture") ? capture(f.fields("capture")) : null;
        List<LoadTest.AbortRule> abort = abort(f);
        int maxUsers = f.integer("maxUsers", LoadTest.MAX_USERS, 1, 1_000_000);
        if (model.equals("closed") && f.has("maxUsers")) {
            f.reading()
                    .problem(
                            f.keyLocation("maxUsers"),
                            f.path("maxUsers"),
                            "maxUsers applies to an open test (arrivals); a closed test runs exactly its users");
        }
        if (model.equals("closed") && achieved(targets, perTransaction)) {
            f.reading()
                    .problem(
                            f.keyLocation("targets"),
                            f.path("targets"),
                            "the target 'achieved' (a share of the intended arrivals) applies to an open test"
                                    + " (arrivals) only");
        }
        f.finish();
        return new LoadTest(
                name, mix, model, phases, targets, perTransaction, window, capture, abort, maxUsers, f.location());
    }

    private static boolean achieved(LoadTest.Targets targets, Map<String, LoadTest.Targets> perTransaction) {
        return targets != null && targets.achieved() != null;
    }

    private static List<LoadTest.AbortRule> abort(Fields f) {
        List<LoadTest.AbortRule> rules = new ArrayList<>();
        List<Node> items = f.items("abort");
        for (int i = 0; i < items.size(); i++) {
            Fields r = f.reading().fields(items.get(i), Paths.index(f.path("abort"), i));
            String figure = Kinds.one(r, LoadTest.AbortRule.FIGURES, "an abort rule");
            Duration over = r.duration("for", Duration.ofSeconds(30));
            if (figure == null) {
                r.finish();
                continue;
            }
            String text = r.string(figure);
            Double limit = figure.equals("errors") ? r.percent(figure) : micros(r.duration(figure, null));
            if (over != null && over.toSeconds() < 1) {
                r.reading().problem(r.location("for"), r.path("for"), "an abort rule looks at 1 s or more");
                over = null;
            }
            r.finish();
            if (limit != null && over != null && text != null) {
                rules.add(new LoadTest.AbortRule(figure, limit, text, over));
            }
        }
        return rules;
    }

    private static Double micros(Duration d) {
        return d == null ? null : d.toNanos() / 1000.0;
    }

    private static Map<String, Double> mix(Fields f) {
        Map<String, Double> mix = new LinkedHashMap<>();
        if (f.has("scenario")) {
            String scenario = f.string("scenario");
            if (scenario != null) {
                mix.put(scenario, 100.0);
            }
            if (f.has("mix")) {
                f.reading().problem(f.keyLocation("mix"), f.path(), "give either 'scenario' or 'mix', not both");
            }
            return mix;
        }
        if (!f.has("mix")) {
            f.missing("mix", "the scenarios and their shares, like {order: 70%, browse: 30%}; or 'scenario'");
            return mix;
        }
        Fields m = f.fields("mix");
        boolean complete = true;
        for (String scenario : m.keys()) {
            Double share = m.percent(scenario);
            if (share != null) {
                mix.put(scenario, share);
            }
            complete &= share != null;
        }
        double total = mix.values().stream().mapToDouble(Double::doubleValue).sum();
        // A share already reported would only make the total wrong as well.
        if (complete && !mix.isEmpty() && Math.abs(total - 100.0) > 0.001) {
            f.reading()
                    .problem(
                            f.location("mix"),
                            f.path("mix"),
                            "the shares add up to " + trim(total) + "%, they must add up to 100%");
        }
        return mix;
    }

    private static List<LoadTest.Phase> phases(Fields f, String key, boolean rates) {
        List<LoadTest.Phase> out = new ArrayList<>();
        List<Node> items = f.items(key);
        if (items.size() == 1 && items.get(0) instanceof Node.Scalar && !rates) {
            Long users = f.reading().integer(items.get(0), f.path(key), 1, 1_000_000);
            Duration d = f.duration("duration", null);
            if (d == null) {
                f.missing("duration", "how long the users run");
            }
            if (users != null && d != null) {
                out.add(new LoadTest.Phase(users, users, d));
            }
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            LoadTest.Phase p = phase(f.reading().fields(items.get(i), Paths.index(f.path(key), i)), rates);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static LoadTest.Phase phase(Fields f, boolean rates) {
        String kind = Kinds.one(f, List.of("ramp", "hold"), "a phase");
        if (kind == null) {
            f.allow("over", "for");
            f.finish();
            return null;
        }
        String text = f.string(kind);
        Duration d = kind.equals("ramp") ? required(f, "over") : required(f, "for");
        f.finish();
        if (text == null || d == null) {
            return null;
        }
        if (kind.equals("hold")) {
            Double level = level(f, kind, text, rates);
            return level == null ? null : new LoadTest.Phase(level, level, d);
        }
        String[] ends = Values.range(text);
        if (ends == null) {
            f.reading()
                    .problem(
                            f.location(kind),
                            f.path(kind),
                            "bad ramp '" + text + "': expected from..to, like " + (rates ? "0/s..300/s" : "0..100"));
            return null;
        }
        Double from = level(f, kind, ends[0], rates);
        Double to = level(f, kind, ends[1], rates);
        return from == null || to == null ? null : new LoadTest.Phase(from, to, d);
    }

    private static Duration required(Fields f, String key) {
        if (!f.has(key)) {
            f.missing(key, "how long the phase lasts");
            return null;
        }
        return f.duration(key, null);
    }

    private static Double level(Fields f, String key, String text, boolean rates) {
        Double v = rates ? Values.rate(text) : Values.number(text);
        if (v == null || v < 0) {
            f.reading()
                    .problem(
                            f.location(key),
                            f.path(key),
                            rates
                                    ? Values.rateHint(text)
                                    : "bad number of users '" + text + "': expected a whole number like 100");
            return null;
        }
        return v;
    }

    static LoadTest.Targets targets(Fields f) {
        LoadTest.Targets t = new LoadTest.Targets(
                f.duration("p50", null),
                f.duration("p90", null),
                f.duration("p95", null),
                f.duration("p99", null),
                f.duration("max", null),
                f.percent("errors"),
                number(f, "tps"),
                f.percent("achieved"));
        f.finish();
        return t;
    }

    private static Double number(Fields f, String key) {
        String text = f.string(key);
        if (text == null) {
            return null;
        }
        Double v = Values.number(text.replace("/s", ""));
        if (v == null || v < 0) {
            f.reading()
                    .problem(
                            f.location(key),
                            f.path(key),
                            "expected a number of transactions per second, like 290, found '" + text + "'");
        }
        return v;
    }

    private static LoadTest.Window window(Fields f) {
        String text = f.string("window");
        if (text == null) {
            return null;
        }
        String[] parts = text.split("-");
        try {
            if (parts.length == 2) {
                LocalTime from = LocalTime.parse(parts[0].strip());
                LocalTime to = LocalTime.parse(parts[1].strip());
                if (!from.equals(to)) {
                    return new LoadTest.Window(from, to);
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        f.reading()
                .problem(
                        f.location("window"),
                        f.path("window"),
                        "bad window '" + text + "': expected two different times of day, like \"01:00-05:00\"");
        return null;
    }

    private static LoadTest.Capture capture(Fields f) {
        String on = f.choice("on", "breach", LoadTest.Capture.TRIGGERS);
        List<String> services = f.strings("services");
        if (services.isEmpty()) {
            f.missing("services", "the services whose JVMs are captured");
        }
        int dumps = f.integer("dumps", 3, 1, 100);
        Duration every = f.duration("every", Duration.ofSeconds(5));
        boolean histogram = f.bool("histogram", true);
        Duration after = f.duration("after", Duration.ofSeconds(10));
        f.finish();
        return new LoadTest.Capture(on, services, dumps, every, histogram, after);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
