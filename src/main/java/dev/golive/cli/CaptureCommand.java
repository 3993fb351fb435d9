package dev.golive.cli;

import dev.golive.capture.Capture;
import dev.golive.capture.Captures;
import dev.golive.plan.Durations;
import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import dev.golive.plan.Plan;
import dev.golive.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "capture",
        description = {
            "Take thread dumps (and per-thread CPU, class histograms) from the JVMs of a service's"
                    + " instances, locally or over SSH, into the store's capture directory, and read them."
        })
final class CaptureCommand implements Runnable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Context context;

    @Mixin
    Reach reach;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String env;

    @Parameters(index = "1", paramLabel = "SERVICE[/HOST]", description = "A service, or one instance of it.")
    String target;

    @Option(
            names = "--dumps",
            paramLabel = "N",
            defaultValue = "3",
            description = "Thread dumps per instance (default ${DEFAULT-VALUE}).")
    int dumps;

    @Option(
            names = "--every",
            paramLabel = "DURATION",
            defaultValue = "5s",
            description = "Time between dumps (default ${DEFAULT-VALUE}).")
    String every;

    @Option(
            names = "--histogram",
            description = "Also a class histogram after the first and the last dump (runs a full GC).")
    boolean histogram;

    @Option(names = "--no-cpu", description = "Leave out the per-thread CPU (top -H) taken with each dump.")
    boolean noCpu;

    @Option(
            names = "--heap-dump",
            description =
                    "Also a compressed heap dump: as large as the heap in use, and the JVM pauses while it is written.")
    boolean heapDump;

    @Option(
            names = "--jfr",
            paramLabel = "DURATION",
            description = "Also a flight recording of this long, after the dumps.")
    String jfr;

    @Option(names = "--json", description = "Print the captures as JSON.")
    boolean json;

    CaptureCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Duration interval = Durations.parse(every);
        if (interval == null || dumps < 1 || dumps > 100) {
            throw new UsageException(
                    "--dumps takes 1 to 100 and --every a duration like 5s; got " + dumps + " and " + every);
        }
        Duration recording = jfr == null ? null : Durations.parse(jfr);
        if (jfr != null && (recording == null || recording.toSeconds() < 1)) {
            throw new UsageException("--jfr takes a duration of a second or more, like 30s; got " + jfr);
        }
        Plan plan = reach.plan(context);
        Environment environment = Reach.environment(plan, env);
        Store store = reach.store(context, plan);
        String actor = reach.actor(context);
        Path directory = plan.directory().resolve(".golive/captures/" + STAMP.format(LocalDateTime.now()));
        List<Capture> captures;
        try (Captures c = new Captures(environment, listener -> reach.hosts(context, plan, environment, listener))) {
            List<Instance> instances;
            try {
                instances = c.select(target);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (!json) {
                context.out()
                        .println("capturing " + instances.size() + " instance(s) of " + target + ": " + dumps
                                + " thread dumps " + every + " apart" + (histogram ? ", class histograms" : ""));
            }
            if (heapDump && !json) {
                context.out()
                        .println("a heap dump is as large as the heap in use, compressed; each JVM pauses while"
                                + " it writes its dump");
            }
            captures = c.capture(
                    instances,
                    new Captures.Options(dumps, interval, histogram, !noCpu, heapDump, recording),
                    directory);
        }
        CaptureReport.journal(store, null, actor, env, captures);
        if (json) {
            Json.print(context.out(), CaptureReport.json(captures));
        } else {
            CaptureReport.print(context.out(), plan.directory(), captures);
        }
        if (!json) {
            CaptureReport.findings(context.out(), captures);
        }
        long failed = captures.stream().filter(x -> !x.ok()).count();
        if (failed > 0) {
            throw new CheckFailedException(failed + " of " + captures.size() + " captures failed");
        }
    }

    static Map<String, Object> plain(Capture c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instance", c.instance());
        out.put("pid", c.pid());
        out.put("at", c.at().toString());
        out.put("threadDumps", c.threadDumps().stream().map(Path::toString).toList());
        out.put("cpu", c.cpu().stream().map(Path::toString).toList());
        out.put("histograms", c.histograms().stream().map(Path::toString).toList());
        out.put("recordings", c.recordings().stream().map(Path::toString).toList());
        out.put("failure", c.failure());
        return out;
    }
}
