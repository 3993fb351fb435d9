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
        }
        load.finish();
        if (!f.has("fault")) {
            f.missing("fault", "what is done, like {kill: was, count: 1}");
        }
        Drill.Fault fault = f.has("fault") ? fault(f.fields("fault")) : null;
        Drill.Expect expect = expect(f.fields("expect"));
        f.finish();
        if (scenario == null || rate == null || fault == null) {
            return null;
        }
        return new Drill(name, scenario, rate, fault, expect, f.location());
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
        Drill.Expect e = new Drill.Expect(
                f.percent("errors"),
                f.integer("errorCount", null, 0, Integer.MAX_VALUE),
                f.duration("recovery", null),
                f.duration("p95", null));
        f.finish();
        return e;
    }
}
