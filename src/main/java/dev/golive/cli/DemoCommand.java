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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        description = {
            "Rehearse a go-live on this machine with a sample shop.",
            "The shop's release is deployed to staging and promoted to production; then come the readiness"
                    + " check, the integration scenario, a load test that misses a target and the thread dumps"
                    + " that say why, the hotfix released the same way, an instance lost under traffic, and the"
                    + " opening-night runbook.",
            "Stops all it started."
        })
final class DemoCommand implements Runnable {
    private static final String[][] DASHBOARD_USERS = {
        {"maria", "approver"}, {"kenji", "approver"}, {"olga", "operator"}, {"guest", "viewer"}
    };
    private static final Pattern RUN = Pattern.compile("\\(run (\\d{4}-\\d\\d-\\d\\d-\\d{3})\\)");

    private static final long STOP_WAIT_SECONDS = 60;

    private final Context context;
    private final ReentrantLock commands = new ReentrantLock();
    private volatile boolean stopping;
    private final List<String[]> verdicts = new ArrayList<>();
    private Path plan;
    private Path work;
    private int stage;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = "golive-demo",
            description = "The working directory, created or cleared (default: ${DEFAULT-VALUE}).")
    String dir;

    @Option(names = "--quick", description = "Shorter load tests.")
    boolean quick;

    @Option(
            names = "--balancer",
            paramLabel = "KIND",
            defaultValue = "auto",
            description = "In front of the shop: nginx, golive (its own), or auto: nginx when it is installed.")
    String balancer;

    @Option(
            names = "--serve",
            description = "At the end, leave the sample shop running and serve the dashboard on it until Ctrl-C.")
    boolean serve;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8420",
            description = "The dashboard's port with --serve (default: ${DEFAULT-VALUE}).")
    int port;

    DemoCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        work = context.resolve(dir).toAbsolutePath();
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        say("golive demo: a go-live rehearsed on this machine, in " + work + " (the commands are shown as run there)");
        say("Setting up the sample shop: a database, a balancer, and the shop's hosts, one in staging and two in"
                + " production, with nothing deployed on them yet.");
        SampleSystem system;
        try {
            system = SampleSystem.create(work, java, System.getProperty("java.class.path"), quick, balancer);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Thread hook = new Thread(() -> stop(system), "golive-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        plan = system.plan();
        say("In front of production: " + system.front() + ", at " + system.entry() + ".");
        try {
            story(system);
            if (serve) {
                table();
                warRoom();
            }
        } finally {
            system.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook closes the system
            }
        }
        summary();
    }

    private void story(SampleSystem system) {
        stage(
                "The plan",
                "One file describes the system: staging and production, their hosts and services, checks,"
                        + " scenarios, load tests, runbooks.");
        golive(0, "validate");
        golive(0, "plan", "show", "production");

        stage(
                "Release " + SampleSystem.FIRST,
                "The build server made the shop's first release: one runnable jar. golive keeps it by SHA-256"
                        + " under its version: from now on 1.0.0 means these bytes, in every environment.");
        release(system, SampleSystem.FIRST, "the first release");

        stage(
                "Staging",
                "1.0.0 is deployed to staging: uploaded, its SHA-256 checked on the host, installed, the instance"
                        + " started from it and checked healthy. Then the order flow verifies it there.");
        golive(0, "deploy", SampleSystem.FIRST, "--env", "staging", "--yes");
        golive(0, "smoke", "staging", "order");

        stage(
                "Production",
                "Production takes only what passed staging: the same bytes, by their SHA-256. A rolling deploy,"
                        + " one instance at a time, each checked healthy and put through the order flow on its own"
                        + " before the next is touched.");
        golive(0, "deploy", SampleSystem.FIRST, "--env", "production", "--yes");
        versions(system, SampleSystem.FIRST);

        stage("Readiness", "Before the tests: is every host, service and data check green?");
        golive(0, "check", "production");

        stage("Integration", "The order flow once, end to end, with every check: the integration test.");
        golive(0, "smoke", "production", "order");

        stage(
                "Load test",
                "The peak load, with a switch of the sample shop on: every search finds the price cache expired."
                        + " A target will be missed; when it has been missed for 3 s, golive takes thread dumps from"
                        + " every instance (the plan's capture:), and they say why.");
        system.fault("contention", true);
        String failed = golive(1, "load", "production", "peak");
        diagnose(system);

        stage(
                "The hotfix",
                "The build server made 1.0.1: it refreshes the price cache in the background, so no search"
                        + " waits for it. In a hurry, someone deploys it straight to production: refused, staging"
                        + " never saw it. Then the way 1.0.0 went: staging, the smoke, production instance by"
                        + " instance, while the balancer sends users to the instance that runs. The ledger says"
                        + " what runs where.");
        release(system, SampleSystem.HOTFIX, "the price cache refreshed in the background");
        golive(1, "deploy", SampleSystem.HOTFIX, "--env", "production", "--yes");
        golive(0, "deploy", SampleSystem.HOTFIX, "--env", "staging", "--yes");
        golive(0, "smoke", "staging", "order");
        golive(0, "deploy", SampleSystem.HOTFIX, "--env", "production", "--yes");
        versions(system, SampleSystem.HOTFIX);
        golive(0, "deployed", "production");
        golive(0, "history", "production");

        stage(
                "Load test again",
                "The same load, and the same switch on again (the restarts of the deploy cleared it): every"
                        + " search still finds the price cache expired, and 1.0.1 meets every target.");
        system.fault("contention", true);
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
        Path reports = work.resolve("reports");
        List<String> links = new ArrayList<>();
        report(failed, reports.resolve("load-with-fault.html"), "Load test on 1.0.0, with the fault", links);
        report(passed, reports.resolve("load-after-fix.html"), "Load test on 1.0.1, the hotfix", links);
        report(drill, reports.resolve("drill.html"), "Availability drill: one instance killed", links);
        golive(0, "runbook", "report", "-o", reports.resolve("runbook.html").toString());
        links.add(link("runbook.html", "Opening-night runbook, rehearsed"));
        links.add(link("../.golive/captures/", "Thread dumps taken during the first load test"));
        index(reports, links);
    }

    /** The build server's jar of {@code version}, added to the release store. */
    private void release(SampleSystem system, String version, String notes) {
        Path jar = system.build(version);
        golive(0, "release", "add", jar.toString(), "--version", version, "--notes", notes);
    }

    /** Asks each production instance which release it runs, and notes whether it is {@code expected}. */
    private void versions(SampleSystem system, String expected) {
        Map<String, String> answers = system.productionVersions();
        List<String> said = new ArrayList<>();
        answers.forEach((host, version) -> said.add(host + " " + version));
        say("  /version of the production instances: " + String.join(", ", said));
        boolean all = answers.values().stream().allMatch(expected::equals);
        verdicts.add(new String[] {"production runs " + expected, all ? "yes" : "NO"});
    }

    /** Reads the thread dumps the load test took, and notes whether they name the lock. */
    private void diagnose(SampleSystem system) {
        List<Path> files = ThreadDumps.of(work.resolve(".golive/captures"));
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

    /**
     * The war room: the plan's people get dashboard users, with passwords written to a file only
     * the demo's user can read, and the dashboard serves everything the demo recorded until Ctrl-C.
     */
    private void warRoom() {
        stage(
                "The war room",
                "On the night everyone watches one live dashboard: the runbook with its buttons, readiness,"
                        + " the load tests with their charts, the drill, the releases and what runs where, the"
                        + " journal. The plan's people get users; their passwords are in dashboard-users.txt.");
        Path file = work.resolve("dashboard-users.txt");
        StringBuilder lines = new StringBuilder("# The demo's dashboard users: name, role, password.\n");
        SecureRandom random = new SecureRandom();
        for (String[] user : DASHBOARD_USERS) {
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            goliveWithInput(password + "\n", 0, "user", "add", user[0], "--role", user[1]);
            lines.append(user[0])
                    .append(' ')
                    .append(user[1])
                    .append(' ')
                    .append(password)
                    .append('\n');
        }
        try {
            Files.writeString(file, "");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        say("  Log in as maria or kenji (approvers), olga (operator) or guest (viewer). Ctrl-C stops the dashboard"
                + " and the sample shop.");
        golive(0, "serve", "--port", String.valueOf(port));
    }

    private void table() {
        say("");
        say("Summary");
        Table table = new Table("step", "as expected");
        verdicts.forEach(v -> table.row(v[0], v[1]));
        table.print(context.out());
    }

    private void summary() {
        if (!serve) {
            table();
        }
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
        String shown = shown(args);
        say("  $ golive " + shown);
        StringWriter captured = new StringWriter();
        PrintWriter out = new PrintWriter(new Indent(context.out(), captured), true);
        Context inner = new Context(new BufferedReader(new StringReader(input)), out, out, context.env());
        int code;
        commands.lock();
        try {
            if (stopping) {
                throw new UsageException("the demo was stopped");
            }
            code = Golive.run(inner, all.toArray(String[]::new));
        } finally {
            commands.unlock();
        }
        out.flush();
        boolean ok = code == expected;
        String step = "golive " + shown + (expected == 0 ? "" : " (to fail: exit " + expected + ")");
        verdicts.add(new String[] {step, ok ? "yes" : "NO (exit " + code + ", expected " + expected + ")"});
        return captured.toString();
    }

    /**
     * Ctrl-C: no further command starts, the one running ends (a load test or a drill stops by its
     * own hook, a deploy finishes the instance it works on), and only then is everything the demo
     * started stopped, so that no command starts an instance again behind the cleanup.
     */
    private void stop(SampleSystem system) {
        stopping = true;
        boolean ended = false;
        try {
            ended = commands.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            system.close();
        } finally {
            if (ended) {
                commands.unlock();
            }
        }
    }

    /** The command as typed in the demo's directory, where the plan is found by itself. */
    private String shown(String... args) {
        List<String> words = new ArrayList<>();
        for (String a : args) {
            String w = a.replace(work + "/", "");
            words.add(w.matches("[\\w./:=@%+-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return String.join(" ", words);
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
}
