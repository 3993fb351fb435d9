package dev.golive.cli;

import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.release.Artifact;
import dev.golive.release.ArtifactStore;
import dev.golive.release.Ledger;
import dev.golive.release.LedgerEntry;
import dev.golive.release.Release;
import dev.golive.release.ReleaseException;
import dev.golive.release.Releases;
import dev.golive.release.Verification;
import dev.golive.release.Verifications;
import dev.golive.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "release",
        description = "The release store: artifacts kept by SHA-256 under immutable versions.",
        subcommands = {ReleaseCommand.Add.class, ReleaseCommand.ListReleases.class, ReleaseCommand.Show.class})
final class ReleaseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'golive release list'");
    }

    /** The plan's releases and ledger, opened once for a command. */
    record Shelf(Plan plan, Store store, Releases releases, Ledger ledger) {
        static Shelf open(Context context, Workspace workspace, Plan plan) {
            Store store = workspace.open(context, plan);
            Clock clock = Clock.systemDefaultZone();
            return new Shelf(
                    plan,
                    store,
                    new Releases(store, new ArtifactStore(plan.artifactDirectory()), clock),
                    new Ledger(store, clock));
        }

        static Shelf open(Context context, Workspace workspace) {
            return open(context, workspace, workspace.plan(context));
        }

        Release release(String version) {
            try {
                return releases.get(version);
            } catch (ReleaseException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }

    @Command(name = "add", description = "Add artifacts (WAR, JAR, EAR, config bundle) as a release.")
    static final class Add implements Runnable {
        private final Context context;

        @Mixin
        Workspace workspace;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files of the release.")
        List<String> files = new ArrayList<>();

        @Option(names = "--version", required = true, paramLabel = "V", description = "Its version, e.g. 1.4.2.")
        String version;

        @Option(names = "--notes", paramLabel = "TEXT", description = "What it brings.")
        String notes;

        @Option(names = "--json", description = "Print the release as JSON.")
        boolean json;

        Add(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            Shelf shelf = Shelf.open(context, workspace);
            List<Path> paths = files.stream().map(context::resolve).toList();
            Release r;
            try {
                r = shelf.releases().add(version, paths, notes, workspace.actor(context));
            } catch (ReleaseException e) {
                throw new UsageException(e.getMessage());
            }
            if (json) {
                Json.print(context.out(), json(r));
                return;
            }
            context.out()
                    .println("release " + r.version() + " (" + r.artifacts().size() + " artifacts, added by "
                            + r.createdBy() + ")");
            artifacts(context, r);
        }
    }

    @Command(name = "list", description = "The releases, oldest first.")
    static final class ListReleases implements Runnable {
        private final Context context;

        @Mixin
        Workspace workspace;

        @Option(names = "--json", description = "Print the releases as JSON.")
        boolean json;

        ListReleases(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            Shelf shelf = Shelf.open(context, workspace);
            List<Release> all = shelf.releases().list();
            if (json) {
                Json.print(context.out(), all.stream().map(ReleaseCommand::json).toList());
                return;
            }
            Table t = new Table("VERSION", "ADDED", "BY", "ARTIFACTS", "NOTES");
            for (Release r : all) {
                List<String> names = r.artifacts().stream()
                        .map(a -> a.name() + " " + a.shortDigest())
                        .toList();
                t.row(r.version(), r.createdAt(), r.createdBy(), String.join(", ", names), r.notes());
            }
            t.print(context.out());
        }
    }

    @Command(name = "show", description = "A release: its digests, where it was deployed, what verified it.")
    static final class Show implements Runnable {
        private final Context context;

        @Mixin
        Workspace workspace;

        @Parameters(index = "0", paramLabel = "V", description = "The version.")
        String version;

        @Option(names = "--json", description = "Print it as JSON.")
        boolean json;

        Show(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            Shelf shelf = Shelf.open(context, workspace);
            Release r = shelf.release(version);
            Verifications verifications = new Verifications(shelf.store(), shelf.ledger());
            List<LedgerEntry> deploys = shelf.ledger().entries(null).stream()
                    .filter(e -> e.version().equals(version))
                    .toList();
            List<Verification> checks = new ArrayList<>();
            for (Environment env : shelf.plan().promotionOrder()) {
                checks.addAll(verifications.of(r, env.name()));
            }
            if (json) {
                Map<String, Object> out = json(r);
                out.put("deploys", deploys.stream().map(HistoryCommand::json).toList());
                out.put(
                        "verifications",
                        checks.stream().map(ReleaseCommand::json).toList());
                Json.print(context.out(), out);
                return;
            }
            context.out()
                    .println("release " + r.version() + ", added by " + r.createdBy() + " at " + r.createdAt()
                            + (r.notes() == null ? "" : ": " + r.notes()));
            artifacts(context, r);
            context.out().println();
            context.out().println("deployed:");
            Table d = new Table("WHEN", "ENV", "INSTANCE", "ACTION", "RESULT", "BY", "RUN");
            deploys.forEach(e -> d.row(
                    e.startedAt(),
                    e.environment(),
                    e.instance(),
                    e.action(),
                    e.result() == null ? "in progress or interrupted" : e.result(),
                    e.actor(),
                    e.runId()));
            d.print(context.out());
            context.out().println();
            context.out().println("verified:");
            Table v = new Table("WHEN", "ENV", "KIND", "NAME", "RESULT", "BY", "ON");
            checks.forEach(c -> v.row(
                    c.at(),
                    c.environment(),
                    c.kind(),
                    c.name(),
                    c.passed() ? "passed" : "FAILED",
                    c.by(),
                    c.subject()));
            v.print(context.out());
        }
    }

    static void artifacts(Context context, Release r) {
        Table t = new Table("ARTIFACT", "BYTES", "SHA-256");
        r.artifacts().forEach(a -> t.row(a.name(), a.bytes(), a.sha256()));
        t.print(context.out());
    }

    private static Map<String, Object> json(Verification v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", v.kind());
        out.put("name", v.name());
        out.put("environment", v.environment());
        out.put("at", v.at().toString());
        out.put("passed", v.passed());
        out.put("by", v.by());
        out.put("subject", v.subject());
        return out;
    }

    static Map<String, Object> json(Release r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", r.version());
        out.put("notes", r.notes());
        out.put("createdBy", r.createdBy());
        out.put("createdAt", r.createdAt().toString());
        List<Map<String, Object>> artifacts = new ArrayList<>();
        for (Artifact a : r.artifacts()) {
            artifacts.add(Map.of("name", a.name(), "sha256", a.sha256(), "bytes", a.bytes()));
        }
        out.put("artifacts", artifacts);
        return out;
    }
}
