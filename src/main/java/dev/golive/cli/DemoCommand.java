package dev.golive.cli;

import dev.golive.demo.SampleSystem;
import dev.golive.demo.ThreadDumps;
import dev.golive.diag.Diagnose;
import dev.golive.diag.Diagnosis;
import dev.golive.diag.Finding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        description = {
            "Rehearse a go-live on this machine with a sample shop: readiness check, integration",
            "scenario, a load test that misses a target and the thread dumps that say why, the fix,",
            "an instance lost under traffic, and the opening-night runbook. Stops all it started."
        })
final class DemoCommand implements Runnable {
    private static final Pattern RUN = Pattern.compile("\\(run (\\d{4}-\\d\\d-\\d\\d-\\d{3})\\)");

    private final Context context;
    private final List<String[]> verdicts = new ArrayList<>();
    private Path plan;
    private int stage;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = "golive-demo",
            description = "The working directory, created or cleared (default: ${DEFAULT-VALUE}).")
    String dir;

    @Option(names = "--quick", description = "Shorter load tests.")
    boolean quick;

    DemoCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Path work = context.resolve(dir).toAbsolutePath();
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        say("golive demo: a go-live rehearsed on this machine, in " + work);
        say("Setting up the sample shop: a database, two instances, a balancer in front.");
        SampleSystem system;
        try {
            system = SampleSystem.create(work, java, System.getProperty("java.class.path"), quick);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Thread hook = new Thread(system::close, "golive-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        plan = system.plan();
        try {
            story(system);
        } finally {
            system.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook closes the system
            }
        }
        summary(work);
    }

    private void story(SampleSystem system) {
        stage("The plan", "One file describes the system: hosts, services, checks, scenarios, load tests, runbooks.");
        golive(0, "validate");
        golive(0, "plan", "show", "production");

        stage(
                "Start",
                "golive starts each instance through the service's own start command, then waits for its health.");
        golive(0, "service", "production", "shop", "start");

        stage("Readiness", "Before anything else: is every host, service and data check green?");
        golive(0, "check", "production");

        stage("Integration", "The order flow once, end to end, with every check: the integration test.");
        golive(0, "smoke", "production", "order");

        stage(
                "Load test",
                "The peak load with a fault switched on: every search waits for one lock. A target will be missed;"
                        + " when it has been missed for 3 s, golive takes thread dumps from every instance"
                        + " (the plan's capture:), and they say why.");
        system.fault("contention", true);
        String failed = golive(1, "load", "production", "peak");
        List<Path> files = ThreadDumps.of(work(system).resolve(".golive/captures"));
        say("  " + files.size()
                + " thread dumps were taken during the test, in .golive/captures/; golive diag reads them:");
        String first = "nothing stands out";
        if (!files.isEmpty()) {
            Diagnosis d = Diagnose.files(files);
            if (!d.findings().isEmpty()) {
                Finding f = d.findings().getFirst();
                say("    " + f.severity() + "  " + f.title());
                f.evidence().stream().limit(4).forEach(line -> say("      " + line));
                first = f.title() + "\n" + String.join("\n", f.evidence());
            }
        }
        verdicts.add(new String[] {"thread dumps name the cause", first.contains("PriceCache") ? "yes" : "NO"});

        stage("The fix", "The fault is switched off (the hotfix), and the same load test runs again.");
        system.fault("contention", false);
        String passed = golive(0, "load", "production", "peak");

        stage(
                "Availability",
                "A drill: orders keep coming at 8 a second while one instance is killed, as a crash would; the"
                        + " balancer sends users to the other. golive measures the errors and the recovery, then"
                        + " starts the instance again, whatever happens. The readiness check confirms all is back.");
        String drill = golive(0, "drill", "production", "lose-one-shop");
        golive(0, "check", "production");

        stage(
                "Opening night",
                "The runbook, rehearsed: maria (pm) confirms the freeze, golive runs the check and the backup,"
                        + " the gate needs pm and architect; kenji approves.");
        golive(0, "runbook", "start", "opening", "--env", "production", "--rehearsal", "--as", "maria");
        goliveWithInput("y\nproduction\ny\n", 0, "runbook", "go", "--as", "maria");
        golive(0, "runbook", "approve", "go", "--as", "kenji");
        goliveWithInput("y\n", 0, "runbook", "go", "--as", "maria");
        golive(0, "runbook", "status");

        stage("Reports", "One HTML file per run: the load tests with their charts, the runbook's timeline.");
        Path reports = work(system).resolve("reports");
        List<String> links = new ArrayList<>();
        report(failed, reports.resolve("load-with-fault.html"), "Load test with the fault", links);
        report(passed, reports.resolve("load-after-fix.html"), "Load test after the fix", links);
        report(drill, reports.resolve("drill.html"), "Availability drill: one instance killed", links);
        golive(0, "runbook", "report", "-o", reports.resolve("runbook.html").toString());
        links.add(link("runbook.html", "Opening-night runbook, rehearsed"));
        links.add(link("../.golive/captures/", "Thread dumps taken during the first load test"));
        index(reports, links);
    }

    private static Path work(SampleSystem system) {
        return system.dir();
    }

    private void report(String output, Path file, String title, List<String> links) {
        Matcher m = RUN.matcher(output);
        if (m.find()) {
            golive(0, "report", m.group(1), "-o", file.toString());
            links.add(link(file.getFileName().toString(), title + " (run " + m.group(1) + ")"));
        }
    }

    private static String link(String href, String text) {
        return "<li><a href=\"" + href + "\">" + text + "</a></li>";
    }

    private void index(Path reports, List<String> links) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>golive demo</title>"
                + "<style>body{font:14px/1.5 system-ui,sans-serif;margin:2em}</style></head><body>"
                + "<h1>golive demo: the reports</h1><ul>" + String.join("", links) + "</ul></body></html>\n";
        try {
            Files.writeString(reports.resolve("index.html"), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + reports.resolve("index.html"), e);
        }
    }

    private void summary(Path work) {
        say("");
        say("Summary");
        Table table = new Table("step", "as expected");
        verdicts.forEach(v -> table.row(v[0], v[1]));
        table.print(context.out());
        say("");
        say("Open " + work.resolve("reports/index.html") + " for the reports; the plan is " + plan + ".");
        say("Everything the demo started has stopped.");
        boolean all = verdicts.stream().allMatch(v -> v[1].equals("yes"));
        if (!all) {
            throw new CheckFailedException("the demo did not go as expected; see the steps marked NO above");
        }
    }

    private void stage(String name, String why) {
        stage++;
        say("");
        say("[" + stage + "] " + name);
        for (String line : wrap(why, 92)) {
            say("    " + line);
        }
    }

    private String golive(int expected, String... args) {
        return goliveWithInput("", expected, args);
    }

    /** Runs a golive command here, its output indented; notes whether it ended as expected. */
    private String goliveWithInput(String input, int expected, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--as") && !List.of("validate", "plan", "report").contains(args[0])) {
            all.addAll(List.of("--as", "olga"));
        }
        all.addAll(List.of("-f", plan.toString()));
        say("  $ golive " + String.join(" ", args));
        StringWriter captured = new StringWriter();
        PrintWriter out = new PrintWriter(new Indent(context.out(), captured), true);
        Context inner = new Context(new BufferedReader(new StringReader(input)), out, out, context.env());
        int code = Golive.run(inner, all.toArray(String[]::new));
        out.flush();
        boolean ok = code == expected;
        verdicts.add(new String[] {
            "golive " + String.join(" ", args), ok ? "yes" : "NO (exit " + code + ", expected " + expected + ")"
        });
        return captured.toString();
    }

    private void say(String line) {
        context.out().println(line);
        context.out().flush();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Writes through to the terminal with every line indented, and keeps a copy. */
    private static final class Indent extends Writer {
        private final PrintWriter out;
        private final StringWriter copy;
        private boolean lineStart = true;

        Indent(PrintWriter out, StringWriter copy) {
            this.out = out;
            this.copy = copy;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            copy.write(buffer, offset, length);
            for (int i = offset; i < offset + length; i++) {
                if (lineStart) {
                    out.write("      ");
                    lineStart = false;
                }
                out.write(buffer[i]);
                lineStart = buffer[i] == '\n';
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
