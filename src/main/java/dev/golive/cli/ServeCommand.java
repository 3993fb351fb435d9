package dev.golive.cli;

import dev.golive.plan.Plan;
import dev.golive.runbook.Runbooks;
import dev.golive.store.Store;
import dev.golive.target.SshSettings;
import dev.golive.web.Dashboard;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        description = {
            "Serve the war-room dashboard: the runbook live with its buttons, readiness, load tests with live"
                    + " charts, drills, releases, diagnostics and the journal.",
            "Loopback only unless TLS is given (or --insecure-http). Users are added with `golive user add`."
        })
final class ServeCommand implements Runnable {
    static final String TLS_PASSWORD_VARIABLE = "GOLIVE_TLS_PASSWORD";

    private final Context context;

    @Mixin
    Workspace workspace;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8420", description = "Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(
            names = "--tls-keystore",
            paramLabel = "FILE",
            description = "Serve HTTPS with the certificate in this PKCS#12 file; its password in $"
                    + TLS_PASSWORD_VARIABLE + ".")
    Path keystore;

    @Option(
            names = "--insecure-http",
            description = "Serve plain HTTP on an address that is not loopback (passwords would cross the network"
                    + " in clear).")
    boolean insecureHttp;

    ServeCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Plan plan = workspace.plan(context);
        Store store = workspace.open(context, plan);
        if (keystore != null && !java.nio.file.Files.isRegularFile(keystore)) {
            throw new UsageException("no keystore file " + keystore);
        }
        Dashboard.Options options =
                new Dashboard.Options(bind, port, keystore, context.env().get(TLS_PASSWORD_VARIABLE), insecureHttp);
        Runbooks runbooks = new Runbooks(plan, store, Clock.systemDefaultZone(), SshSettings.forPlan(plan.directory()));
        Dashboard dashboard;
        try {
            dashboard = Dashboard.start(plan, store, runbooks, options, Clock.systemDefaultZone());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        serve(context, dashboard, keystore == null && insecureHttp);
    }

    /** Says where the dashboard is, then serves until Ctrl-C. */
    private static void serve(Context context, Dashboard dashboard, boolean insecure) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    dashboard.close();
                    stopped.countDown();
                },
                "golive-dashboard-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (insecure) {
            context.err()
                    .println("warning: plain HTTP on a network address: passwords and sessions cross the network"
                            + " in clear. Prefer --tls-keystore FILE.");
        }
        if (dashboard.users().list().isEmpty()) {
            context.err().println("No dashboard users yet: add one with `golive user add NAME --role admin`.");
        }
        context.out().println("The dashboard is at " + dashboard.url() + " — Ctrl-C stops it.");
        context.out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // An interrupt is how a caller in this process (the demo, a test) stops the dashboard;
            // it has been answered, and the caller goes on to stop the rest.
            dashboard.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            context.out().println("The dashboard has stopped.");
        }
    }
}
