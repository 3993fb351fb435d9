package dev.golive.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code checks:}, a list of readiness probes. */
final class CheckReader {
    private CheckReader() {}

    static List<Check> read(Fields plan) {
        List<Check> out = new ArrayList<>();
        java.util.Map<String, Location> names = new java.util.HashMap<>();
        List<Node> items = plan.items("checks");
        for (int i = 0; i < items.size(); i++) {
            String path = Paths.index(plan.path("checks"), i);
            Check c = check(plan.reading().fields(items.get(i), path));
            if (c == null) {
                continue;
            }
            Location first = names.putIfAbsent(c.name(), c.location());
            if (first != null) {
                plan.reading()
                        .problem(
                                c.location(),
                                path + ".name",
                                "duplicate check name '" + c.name() + "', first used at line " + first.line()
                                        + "; runbook steps name checks, so names are unique");
            }
            out.add(c);
        }
        return out;
    }

    private static Check check(Fields f) {
        String name = f.required("name", "what the check proves");
        String kind = Kinds.one(f, Check.KINDS, "a check");
        String target = kind == null ? null : f.string(kind);
        String service = f.string("service");
        List<String> on = f.strings("on");
        Expectation expect = expectation(f);
        Duration timeout = f.duration("timeout", Duration.ofSeconds(30));
        List<String> envs = f.strings("env");
        f.finish();
        if (name == null || kind == null || target == null) {
            return null;
        }
        return new Check(name, kind, target, service, on, expect, timeout, envs, f.location());
    }

    private static Expectation expectation(Fields f) {
        String text = f.string("expect");
        if (text == null) {
            return null;
        }
        Expectation e = Expectation.parse(text);
        if (e == null) {
            f.reading()
                    .problem(
                            f.location("expect"),
                            f.path("expect"),
                            "bad expectation '" + text
                                    + "': write an operator and a value, like '>= 10000', '== 0' or 'contains READY'; operators: "
                                    + Expectation.OPERATORS);
        } else if (e.numeric() && Values.number(e.value()) == null) {
            f.reading()
                    .problem(
                            f.location("expect"),
                            f.path("expect"),
                            "bad expectation '" + text + "': " + e.operator() + " compares numbers, but '" + e.value()
                                    + "' is not a number");
            return null;
        }
        return e;
    }
}
