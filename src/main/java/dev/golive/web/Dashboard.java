package dev.golive.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.golive.plan.Plan;
import dev.golive.report.RunReports;
import dev.golive.runbook.RunView;
import dev.golive.runbook.RunbookException;
import dev.golive.runbook.Runbooks;
import dev.golive.store.Run;
import dev.golive.store.Store;
import dev.golive.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The war-room dashboard: the runbook, readiness, load tests, drills, releases, diagnostics and the
 * journal, live, for everyone on the night. It reads and acts through the same store and engines
 * as the command line. Every page and API needs a session; every change needs the session's CSRF
 * token and the role for it, and is journaled with the user's name by the engine that makes it.
 */
public final class Dashboard implements AutoCloseable {
    static final String COOKIE = "golive_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final long STEP_ANSWER_SECONDS = 3;
    private static final int LONGEST_NAME = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PAGES =
            Set.of("runbook", "readiness", "load", "drills", "releases", "diagnostics", "journal");
    private static final Map<String, String> ASSETS = Map.of(
            "dashboard.js", "/dev/golive/web/dashboard.js",
            "dashboard.css", "/dev/golive/web/dashboard.css",
            "uPlot.iife.min.js", "/dev/golive/report/uplot/uPlot.iife.min.js",
            "uPlot.min.css", "/dev/golive/report/uplot/uPlot.min.css");
    private static final String REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src"
            + " 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'";

    /**
     * Where and how to serve.
     *
     * @param bind the address to listen on; loopback unless TLS or {@code insecureHttp}
     * @param port the port, 0 for any free one
     * @param keystore a PKCS#12 keystore with the certificate for TLS, or null for plain HTTP
     * @param keystorePassword its password, or null
     * @param insecureHttp plain HTTP on an address that is not loopback, knowingly
     */
    public record Options(String bind, int port, Path keystore, String keystorePassword, boolean insecureHttp) {}

    private final Plan plan;
    private final Store store;
    private final Runbooks runbooks;
    private final Users users;
    private final Sessions sessions;
    private final Api api;
    private final Feed feed;
    private final boolean tls;
    private final String bind;
    private final Javalin app;
    private final Attempts attempts;
    private final ExecutorService steps = Executors.newVirtualThreadPerTaskExecutor();

    private Dashboard(Plan plan, Store store, Runbooks runbooks, Options options, Clock clock) {
        this.plan = plan;
        this.store = store;
        this.runbooks = runbooks;
        this.users = new Users(store, clock);
        this.sessions = new Sessions(clock);
        this.attempts = new Attempts(clock);
        this.api = new Api(plan, store, runbooks, clock);
        this.feed = new Feed(store, Dashboard::json);
        this.tls = options.keystore() != null;
        this.bind = options.bind();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = options.bind();
            config.jetty.port = options.port();
            if (tls) {
                config.jetty.addConnector((server, http) -> tlsConnector(server, http, options));
            }
            routes(config.routes);
        });
    }

    /** Starts serving; refuses plain HTTP beyond loopback unless asked for knowingly. */
    public static Dashboard start(Plan plan, Store store, Runbooks runbooks, Options options, Clock clock) {
        if (!loopback(options.bind()) && options.keystore() == null && !options.insecureHttp()) {
            throw new IllegalArgumentException("serving on " + options.bind() + " would send passwords and sessions"
                    + " in clear over the network: give a certificate with --tls-keystore FILE, or add"
                    + " --insecure-http if this network is trusted");
        }
        Dashboard d = new Dashboard(plan, store, runbooks, options, clock);
        d.app.start();
        d.feed.start();
        return d;
    }

    public int port() {
        return app.port();
    }

    /** The address to open, as the browser should be given it. */
    public String url() {
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        return (tls ? "https" : "http") + "://" + host + ":" + port() + "/";
    }

    public Users users() {
        return users;
    }

    static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot bind to " + address + ": unknown address");
        }
    }

    private static ServerConnector tlsConnector(
            org.eclipse.jetty.server.Server server, HttpConfiguration http, Options options) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(options.keystore().toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        if (options.keystorePassword() != null) {
            ssl.setKeyStorePassword(options.keystorePassword());
        }
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(
                server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(options.bind());
        connector.setPort(options.port());
        return connector;
    }

    private void routes(io.javalin.config.RoutesConfig r) {
        r.before(this::guard);
        r.get("/login", this::loginForm);
        r.post("/login", this::login);
        r.post("/logout", this::logout);
        r.get("/", ctx -> ctx.redirect("/runbook"));
        r.get("/assets/{name}", this::asset);
        r.get("/api/me", ctx -> {
            User u = user(ctx);
            send(ctx, Map.of("name", u.name(), "role", u.role().word(), "system", plan.system()));
        });
        r.get("/api/runbook", ctx -> send(ctx, api.runbook(ctx.queryParam("run"))));
        r.post("/api/runbook/{run}/steps/{step}/{action}", this::stepAction);
        r.post("/api/runbook/{run}/abort", ctx -> {
            need(ctx, Role.ADMIN, "abort a run");
            act(ctx, runbooks.abort(ctx.pathParam("run"), user(ctx).name(), ctx.formParam("reason")));
        });
        r.get("/api/readiness", ctx -> send(ctx, api.readiness()));
        r.get("/api/loads", ctx -> send(ctx, api.loads()));
        r.get(
                "/api/loads/{run}",
                ctx -> send(
                        ctx,
                        api.load(ctx.pathParam("run"))
                                .orElseThrow(() -> new Refused(404, "no load run " + ctx.pathParam("run")))));
        r.get("/api/drills", ctx -> send(ctx, api.drills()));
        r.get("/api/releases", ctx -> send(ctx, api.releases()));
        r.get("/api/diagnostics", ctx -> send(ctx, api.diagnostics()));
        r.get(
                "/api/journal",
                ctx -> send(
                        ctx,
                        api.journal(
                                blank(ctx.queryParam("kind")),
                                blank(ctx.queryParam("run")),
                                blank(ctx.queryParam("actor")),
                                blank(ctx.queryParam("q")),
                                limit(ctx.queryParam("limit")))));
        r.get("/reports/{run}", this::report);
        r.sse("/events", feed::add);
        r.get("/{page}", this::page);
        r.exception(Refused.class, (e, ctx) -> refuse(ctx, e.status, e.getMessage()));
        r.exception(Redirect.class, (e, ctx) -> {
            ctx.status(303);
            ctx.header("Location", e.getMessage());
        });
        r.exception(RunbookException.class, (e, ctx) -> refuse(ctx, 409, e.getMessage()));
        r.exception(IllegalArgumentException.class, (e, ctx) -> refuse(ctx, 400, e.getMessage()));
        r.exception(StoreException.class, (e, ctx) -> refuse(ctx, 503, e.getMessage()));
    }

    /** Every request: security headers, then a session (and for a change, its CSRF token) or no answer. */
    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Cache-Control", "no-store");
        boolean change = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
        if (change) {
            sameOrigin(ctx);
        }
        if (ctx.path().equals("/login")) {
            return;
        }
        Sessions.Session session =
                sessions.find(ctx.cookie(COOKIE)).filter(s -> s.user != null).orElse(null);
        if (session == null) {
            if (!change && isPage(ctx.path())) {
                throw new Redirect("/login");
            }
            throw new Refused(401, "log in first");
        }
        User user = users.find(session.user).orElse(null);
        if (user == null) {
            sessions.endAll(session.user);
            throw new Refused(401, "user " + session.user + " no longer exists");
        }
        if (change && !session.csrf(csrf(ctx))) {
            throw new Refused(403, "the request carries no valid CSRF token; reload the page");
        }
        ctx.attribute("user", user);
        ctx.attribute("session", session);
    }

    /** A page a person opens, sent to the login form when there is no session (not an API, asset or icon). */
    private static boolean isPage(String path) {
        return path.equals("/") || PAGES.contains(path.substring(1)) || path.startsWith("/reports/");
    }

    /** A change sent from another site's page is refused even before its token is looked at. */
    private static void sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String host = ctx.header("Host");
        String originHost;
        try {
            URI uri = URI.create(origin);
            originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            originHost = null;
        }
        if (host == null || !host.equalsIgnoreCase(originHost)) {
            throw new Refused(403, "a change from another origin (" + origin + ") is refused");
        }
    }

    private static String csrf(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        return header != null ? header : ctx.formParam("_csrf");
    }

    private void loginForm(Context ctx) {
        if (sessions.find(ctx.cookie(COOKIE)).filter(s -> s.user != null).isPresent()) {
            ctx.redirect("/runbook");
            return;
        }
        // A form opened twice (or in two tabs) keeps one session, so either can be sent.
        Sessions.Session form = sessions.find(ctx.cookie(COOKIE)).orElseGet(sessions::anonymous);
        cookie(ctx, form.id);
        ctx.html(Pages.login(plan.system(), form.csrf, null));
    }

    private void login(Context ctx) {
        Optional<Sessions.Session> form = sessions.find(ctx.cookie(COOKIE));
        if (form.isEmpty() || !form.get().csrf(ctx.formParam("_csrf"))) {
            Sessions.Session fresh = sessions.anonymous();
            cookie(ctx, fresh.id);
            ctx.status(403).html(Pages.login(plan.system(), fresh.csrf, "The form had expired; log in again."));
            return;
        }
        String typed = String.valueOf(ctx.formParam("name")).strip();
        String name = typed.length() > LONGEST_NAME ? typed.substring(0, LONGEST_NAME) : typed;
        String password = ctx.formParam("password");
        String address = ctx.ip();
        if (attempts.blocked(name)) {
            store.journal()
                    .append(
                            null,
                            "dashboard.login-refused",
                            name,
                            name,
                            json(Map.of("address", address, "why", "too many")));
            ctx.status(429)
                    .html(Pages.login(
                            plan.system(),
                            form.get().csrf,
                            "Too many wrong passwords for " + name + "; wait a minute and try again."));
            return;
        }
        Optional<User> user = password == null ? Optional.empty() : users.verify(name, password.toCharArray());
        if (user.isEmpty()) {
            attempts.failed(name);
            store.journal().append(null, "dashboard.login-refused", name, name, json(Map.of("address", address)));
            ctx.status(401).html(Pages.login(plan.system(), form.get().csrf, "Wrong name or password."));
            return;
        }
        attempts.succeeded(name);
        Sessions.Session session = sessions.login(form.get().id, user.get().name());
        cookie(ctx, session.id);
        store.journal()
                .append(
                        null,
                        "dashboard.login",
                        user.get().name(),
                        user.get().name(),
                        json(Map.of(
                                "address", address, "role", user.get().role().word())));
        ctx.redirect("/runbook", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        User u = user(ctx);
        sessions.end(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : ""));
        store.journal().append(null, "dashboard.logout", u.name(), u.name(), "{}");
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void cookie(Context ctx, String id) {
        ctx.header("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : ""));
    }

    private void page(Context ctx) {
        String name = ctx.pathParam("page");
        if (!PAGES.contains(name)) {
            throw new Refused(404, "no page " + name);
        }
        String title =
                Pages.NAV.stream().filter(p -> p[0].equals(name)).findFirst().orElseThrow()[1];
        Sessions.Session s = ctx.attribute("session");
        ctx.html(Pages.page(name, title, plan.system(), user(ctx), s.csrf));
    }

    private void asset(Context ctx) {
        String resource = ASSETS.get(ctx.pathParam("name"));
        if (resource == null) {
            throw new Refused(404, "no asset " + ctx.pathParam("name"));
        }
        try (InputStream in = Dashboard.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("golive is missing its resource " + resource);
            }
            String name = ctx.pathParam("name");
            ctx.contentType(name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
            ctx.header("Cache-Control", "private, max-age=300");
            ctx.result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stepAction(Context ctx) {
        String run = ctx.pathParam("run");
        String step = ctx.pathParam("step");
        String actor = user(ctx).name();
        String reason = blank(ctx.formParam("reason"));
        RunView after = switch (ctx.pathParam("action")) {
            case "confirm" -> {
                need(ctx, Role.OPERATOR, "confirm a step");
                yield runbooks.confirm(run, step, actor, blank(ctx.formParam("note")));
            }
            case "fail" -> {
                need(ctx, Role.OPERATOR, "fail a step");
                yield runbooks.fail(run, step, actor, reason);
            }
            case "approve" -> {
                need(ctx, Role.APPROVER, "approve a gate");
                yield runbooks.approve(run, step, actor);
            }
            case "reject" -> {
                need(ctx, Role.APPROVER, "reject a gate");
                yield runbooks.reject(run, step, actor, reason);
            }
            case "run" -> {
                need(ctx, Role.OPERATOR, "run a step");
                yield runStep(run, step, actor, blank(ctx.formParam("environment")));
            }
            default -> throw new Refused(404, "no action " + ctx.pathParam("action"));
        };
        act(ctx, after);
    }

    /**
     * Runs an automatic step as `golive runbook go` would, in this process: its intent is
     * committed before it starts. The answer comes when it ends, or after a few seconds with the
     * step running; the page sees its end arrive by the feed either way.
     */
    private RunView runStep(String run, String step, String actor, String typedEnvironment) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        Future<RunView> running = steps.submit(() -> runbooks.execute(run, step, actor, typedEnvironment, discard));
        try {
            return running.get(STEP_ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return runbooks.view(run);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("step " + step + " could not be run: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return runbooks.view(run);
        }
    }

    private void act(Context ctx, RunView after) {
        send(ctx, Map.of("view", Api.view(after)));
    }

    private void report(Context ctx) {
        Run run = store.runs()
                .find(ctx.pathParam("run"))
                .orElseThrow(() -> new Refused(404, "no run " + ctx.pathParam("run")));
        // A report is one self-contained file with its scripts inline: allowed here, and only here.
        ctx.header("Content-Security-Policy", REPORT_CSP);
        ctx.html(RunReports.html(store, run, ZoneId.systemDefault(), runbooks::view));
    }

    private static void need(Context ctx, Role role, String what) {
        User u = user(ctx);
        if (!u.role().allows(role)) {
            throw new Refused(
                    403,
                    u.name() + " is a " + u.role().word() + " and may not " + what + "; that needs the " + role.word()
                            + " role");
        }
    }

    private static User user(Context ctx) {
        return ctx.attribute("user");
    }

    private static void refuse(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/") || ctx.method() != HandlerType.GET) {
            ctx.contentType("application/json").result(json(Map.of("error", message)));
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(message);
        }
    }

    private static void send(Context ctx, Object value) {
        ctx.contentType("application/json").result(json(value));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int limit(String s) {
        if (s == null) {
            return 200;
        }
        try {
            return Math.max(1, Math.min(5000, Integer.parseInt(s)));
        } catch (NumberFormatException e) {
            throw new Refused(400, "limit must be a number, got " + s);
        }
    }

    @Override
    public void close() {
        feed.close();
        app.stop();
        // Steps already running finish and record their end; no new one starts.
        steps.shutdown();
    }

    /** A request answered with a status and a reason. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** A page asked for without a session goes to the login form. */
    static final class Redirect extends RuntimeException {
        Redirect(String location) {
            super(location);
        }
    }
}
