package dev.golive.plan;

import java.time.Duration;
import java.util.List;

/** Reads {@code drills:}. */
final class DrillReader {
    private DrillReader() {}

    static Drill read(String name, Fields f) {
        if (!f.has("load")) {
            f.missing("load", "the steady load, like {scenario: order, rate: 50/s}");
        }
        Fields load = f.fields("load");
        String scenario = load.required("scenario", "the scenario that gives the steady load");
        Double rate = load.has("rate") ? load.rate("rate") : null;
        if (!load.has("rate") && f.has("load")) {
            load.missing("rate", "arrivals per second, like 50/s");
        } else if (rate != null && rate <= 0) {
            f.reading()
                    .problem(
                            load.location("rate"), load.path("rate"), "a drill needs load: the rate must be above 0/s");
            rate = null;
        }
        Duration timeout = positive(load, "timeout", Drill.TIMEOUT);
        load.finish();
        Duration baseline = positive(f, "baseline", Drill.PHASE);
        Duration verify = positive(f, "verify", Drill.PHASE);
        if (!f.has("fault")) {
            f.missing("fault", "what is done, like {kill: was, count: 1}");
        }
        Drill.Fault fault = f.has("fault") ? fault(f.fields("fault")) : null;
        Drill.Expect expect = expect(f.fields("expect"));
        f.finish();
        if (scenario == null || rate == null || fault == null || expect == null) {
            return null;
        }
        return new Drill(name, scenario, rate, timeout, baseline, verify, fault, expect, f.location());
    }

    private static Drill.Fault fault(Fields f) {
        String kind = Kinds.one(f, Drill.Fault.KINDS, "a fault");
        String service = kind == null ? null : f.string(kind);
        String host = f.string("host");
        List<String> instances = f.strings("instances");
        int count = f.integer("count", instances.isEmpty() ? 1 : instances.size(), 1, 1000);
        Duration duration = f.duration("for", Duration.ofSeconds(30));
        if (!instances.isEmpty() && f.has("count")) {
            f.reading().problem(f.keyLocation("count"), f.path(), "give either 'count' or 'instances', not both");
        }
        boolean wholeHost = "host".equals(service);
        if (wholeHost && host == null) {
            f.missing("host", "the host taken down by {" + kind + ": host, host: NAME}");
        } else if (!wholeHost && host != null) {
            f.reading()
                    .problem(
                            f.keyLocation("host"),
                            f.path(),
                            "'host' goes with {" + kind + ": host}, which takes a " + "whole host; to fault " + service
                                    + " on one host, write instances: [" + host + "]");
        }
        f.finish();
        if (kind == null || service == null) {
            return null;
        }
        return new Drill.Fault(kind, service.equals("host") ? null : service, count, instances, host, duration);
    }

    private static Drill.Expect expect(Fields f) {
        Double errors = f.percent("errors");
        Integer count = f.integer("errorCount", null, 0, Integer.MAX_VALUE);
        Duration recovery = f.duration("recovery", null);
        Duration p95 = f.duration("p95", null);
        Duration stable = f.duration("stable", Drill.Expect.STABLE);
        boolean survivors = f.bool("survivors", true);
        f.finish();
        if (stable.toSeconds() < 1) {
            f.reading()
                    .problem(
                            f.location("stable"),
                            f.path("stable"),
                            "stable must be at least 1s, found " + stable.toMillis() + "ms");
            return null;
        }
        return new Drill.Expect(errors, count, recovery, p95, stable, survivors);
    }

    /** A duration of at least a second: the load is measured by the second. */
    private static Duration positive(Fields f, String key, Duration fallback) {
        Duration d = f.duration(key, fallback);
        if (d.toSeconds() < 1) {
            f.reading()
                    .problem(f.location(key), f.path(key), key + " must be at least 1s, found " + d.toMillis() + "ms");
            return fallback;
        }
        return d;
    }
}
