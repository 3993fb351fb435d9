package dev.golive.plan;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Reads the top level of a (merged) plan tree into a {@link Plan}. */
final class PlanReader {
    /** Top-level keys, in the order the reference documents them. */
    static final List<String> TOP = List.of(
            "system",
            "store",
            "artifacts",
            "secrets",
            "include",
            "people",
            "environments",
            "checks",
            "scenarios",
            "loadtests",
            "drills",
            "runbooks");

    private PlanReader() {}

    static Plan read(Node root, Path file, Reading reading, Supplier<Secrets> secrets) {
        Fields f = reading.fields(root, "");
        f.allow("include", "secrets");
        String system = f.required("system", "the name of the system this plan describes");
        String store = f.string("store");
        String artifacts = f.string("artifacts");
        var people = people(f);
        var environments = Named.read(f, "environments", EnvironmentReader::read);
        var checks = CheckReader.read(f);
        var scenarios = Named.read(f, "scenarios", ScenarioReader::read);
        var loadTests = Named.read(f, "loadtests", LoadTestReader::read);
        var drills = Named.read(f, "drills", DrillReader::read);
        var runbooks = Named.read(f, "runbooks", RunbookReader::read);
        f.finish();
        return new Plan(
                system == null ? "unnamed" : system,
                file,
                store,
                people,
                environments,
                checks,
                scenarios,
                loadTests,
                drills,
                runbooks,
                secrets.get(),
                artifacts);
    }

    /** {@code alice: [pm, architect]}, or one role: {@code bob: ops}. */
    private static Map<String, List<String>> people(Fields plan) {
        Fields people = plan.fields("people");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : people.keys()) {
            out.put(name, people.strings(name));
        }
        return out;
    }
}
