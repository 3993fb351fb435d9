package dev.golive.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo's sample system in a working directory: a shared database (H2 in server mode, on
 * loopback), a front balancer, and the hosts of the shop on loopback addresses, one in staging and
 * two in production, where golive deploys the shop's releases ({@link #build}) and runs them as
 * processes. It writes the plan that describes it. Closing it stops everything it started, and
 * any instance still running.
 */
public final class SampleSystem implements AutoCloseable {
    /** The file that marks a directory as a demo's own, safe to clear. */
    public static final String MARKER = ".golive-demo";

    /** The shop's first release. */
    public static final String FIRST = "1.0.0";

    /** The hotfix: the price cache refreshed in the background. */
    public static final String HOTFIX = "1.0.1";

    static final List<String> PRODUCTION = List.of("app1", "app2");
    static final String STAGING = "stage1";
    static final List<String> HOSTS = List.of("app1", "app2", STAGING);
    private static final String[] ADJECTIVES = {"red", "blue", "green", "black", "white", "wooden", "steel", "small"};
    private static final String[] NOUNS = {"hat", "lamp", "chair", "desk", "mug", "book", "bag", "pen", "clock", "vase"
    };

    private final Path dir;
    private final int shopPort;
    private final Process database;
    private final int databasePort;
    private final Front balancer;
    private final HttpClient client = HttpClient.newHttpClient();

    private SampleSystem(Path dir, int shopPort, Process database, int databasePort, Front balancer) {
        this.dir = dir;
        this.shopPort = shopPort;
        this.database = database;
        this.databasePort = databasePort;
        this.balancer = balancer;
    }

    /**
     * Sets up the system in {@code dir} (created, or cleared when it is an earlier demo's) and
     * starts its database and balancer; the instances are started through golive.
     *
     * @param quick shorter load tests, for a quick run
     */
    public static SampleSystem create(Path dir, String java, String classPath, boolean quick) {
        return create(dir, java, classPath, quick, "auto");
    }

    /**
     * As {@link #create(Path, String, String, boolean)}, with the front balancer chosen: {@code
     * nginx}, {@code golive} (ours), or {@code auto} (nginx when it is installed).
     */
    public static SampleSystem create(Path dir, String java, String classPath, boolean quick, String front) {
        if (!List.of("auto", "nginx", "golive").contains(front)) {
            throw new IllegalArgumentException("the balancer is auto, nginx or golive, not '" + front + "'");
        }
        Optional<Path> nginx = NginxFront.installed();
        if (front.equals("nginx") && nginx.isEmpty()) {
            throw new IllegalArgumentException(
                    "nginx is not installed (apt-get install nginx); --balancer golive" + " uses golive's own");
        }
        try {
            prepare(dir);
            int shopPort = freePort(HOSTS.stream().map(SampleSystem::address).toArray(String[]::new));
            Path db = dir.resolve("db");
            load(db);
            int databasePort = freePort("127.0.0.1");
            Process database = startDatabase(java, classPath, db, databasePort, dir.resolve("logs/database.out"));
            Front balancer;
            try {
                balancer = front(front, nginx, dir, shopPort);
            } catch (IOException | RuntimeException e) {
                database.destroy();
                throw e;
            }
            SampleSystem system = new SampleSystem(dir, shopPort, database, databasePort, balancer);
            system.write(java, quick);
            return system;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the demo in " + dir + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the demo's database: " + e.getMessage(), e);
        }
    }

    private static Front front(String choice, Optional<Path> nginx, Path dir, int shopPort) throws IOException {
        if (nginx.isPresent() && !choice.equals("golive")) {
            List<String> backends =
                    PRODUCTION.stream().map(h -> address(h) + ":" + shopPort).toList();
            return NginxFront.start(nginx.get(), dir.resolve("nginx"), backends, freePort("127.0.0.1"));
        }
        List<String> backends = PRODUCTION.stream()
                .map(h -> "http://" + address(h) + ":" + shopPort)
                .toList();
        return Balancer.start(backends, 0);
    }

    public Path dir() {
        return dir;
    }

    public Path plan() {
        return dir.resolve("golive.yaml");
    }

    public String entry() {
        return balancer.url();
    }

    /** What stands in front of production: nginx, or golive's own balancer. */
    public String front() {
        return balancer.kind();
    }

    public String jdbcUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/shop";
    }

    /**
     * Builds the shop's jar of {@code version}, {@link #FIRST} or {@link #HOTFIX}, as the build
     * server would, into {@code build/VERSION/shop.jar}.
     */
    public Path build(String version) {
        if (!version.equals(FIRST) && !version.equals(HOTFIX)) {
            throw new IllegalArgumentException("the demo builds " + FIRST + " and " + HOTFIX + ", not " + version);
        }
        Path jar = dir.resolve("build").resolve(version).resolve(ShopJar.NAME);
        ShopJar.write(jar, version, version.equals(HOTFIX) ? "background" : "in-request");
        return jar;
    }

    /** Switches a fault on or off on every production instance that runs. */
    public void fault(String name, boolean on) {
        for (String host : PRODUCTION) {
            ask(host, "/admin/fault?name=" + name + "&state=" + (on ? "on" : "off"));
        }
    }

    /** What each production instance answers at {@code /version}, by host; "down" for one that does not answer. */
    public Map<String, String> productionVersions() {
        Map<String, String> out = new LinkedHashMap<>();
        PRODUCTION.forEach(host -> out.put(host, ask(host, "/version").orElse("down")));
        return out;
    }

    private Optional<String> ask(String host, String path) {
        URI uri = URI.create("http://" + address(host) + ":" + shopPort + path);
        try {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(r.body().strip()) : Optional.empty();
        } catch (IOException e) {
            // an instance that is down answers nothing
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        stopInstances(dir);
        balancer.close();
        database.destroy();
        try {
            database.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the instances a demo in {@code dir} left running, found by their PID files. */
    static void stopInstances(Path dir) {
        for (String host : HOSTS) {
            Path pid = dir.resolve("run/shop-" + host + ".pid");
            try {
                if (Files.exists(pid)) {
                    ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                            .ifPresent(p -> {
                                // Its command line names the jar deployed in this directory: a PID reused since is left
                                // alone.
                                if (p.info().commandLine().orElse("").contains(dir.toString())) {
                                    p.destroyForcibly();
                                    p.onExit().join();
                                }
                            });
                }
            } catch (IOException | NumberFormatException e) {
                // nothing to stop
            }
        }
    }

    /** The database in a JVM of its own, listening on loopback only. */
    private static Process startDatabase(String java, String classPath, Path db, int port, Path log)
            throws IOException {
        Process p = new ProcessBuilder(
                        java,
                        "-Dh2.bindAddress=127.0.0.1",
                        "-cp",
                        classPath,
                        "org.h2.tools.Server",
                        "-tcp",
                        "-tcpPort",
                        String.valueOf(port),
                        "-baseDir",
                        db.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        for (int i = 0; i < 300; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException e) {
                if (!p.isAlive()) {
                    throw new IOException("the database did not start: " + Files.readString(log));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        p.destroyForcibly();
        throw new IOException("the database did not listen on port " + port + " within 15 s");
    }

    private static void prepare(Path dir) throws IOException {
        if (Files.exists(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(MARKER))) {
                throw new IllegalArgumentException(
                        dir + " exists and is not a golive demo's directory; give" + " another with --dir");
            }
            stopInstances(dir);
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) {
                        Files.delete(p);
                    }
                }
            }
        }
        for (String d : List.of("run", "logs", "reports", "uploads")) {
            Files.createDirectories(dir.resolve(d));
        }
        for (String host : HOSTS) {
            Files.createDirectories(dir.resolve("apps").resolve(host));
            // Each instance's logs apart, as on hosts of their own: clear-logs of one leaves the others.
            Files.createDirectories(dir.resolve("logs").resolve(host));
        }
        Files.writeString(dir.resolve(MARKER), "a working directory of golive demo; safe to delete\n");
    }

    private static int freePort(String... addresses) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(addresses[0]))) {
                port = s.getLocalPort();
            }
            boolean free = true;
            for (String a : addresses) {
                try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(a))) {
                    // free here too
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return port;
            }
        }
        throw new IOException("no port free on " + String.join(" and ", addresses));
    }

    /** The shop's database: 10,000 products and the tables of sessions, carts and orders. */
    private static void load(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.resolve("shop"), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("create table product (id bigint primary key, name varchar(100), price decimal(10, 2))");
            s.execute("create table session (id varchar(40) primary key, customer varchar(40))");
            s.execute("create table cart_item (customer varchar(40), product bigint)");
            s.execute("create table orders (id bigint primary key, customer varchar(40), items int)");
            try (PreparedStatement insert = c.prepareStatement("insert into product values (?, ?, ?)")) {
                for (int i = 1; i <= 10_000; i++) {
                    insert.setLong(1, i);
                    insert.setString(
                            2, ADJECTIVES[i % ADJECTIVES.length] + " " + NOUNS[(i / 8) % NOUNS.length] + " " + i);
                    insert.setBigDecimal(3, java.math.BigDecimal.valueOf(500 + (i * 37L) % 9500, 2));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private void write(String java, boolean quick) throws IOException {
        for (String host : HOSTS) {
            String config = String.join(
                    "\n",
                    "address=" + address(host),
                    "port=" + shopPort,
                    "db=" + jdbcUrl(),
                    "pidFile=" + dir.resolve("run/shop-" + host + ".pid"),
                    "faults=",
                    "");
            Files.writeString(dir.resolve("run/" + host + ".properties"), config.replace("\\", "\\\\"));
        }
        StringBuilder csv = new StringBuilder("id,pw,term\n");
        for (int i = 1; i <= 500; i++) {
            String id = String.format(Locale.ROOT, "customer%03d", i);
            csv.append(id)
                    .append(',')
                    .append(new StringBuilder(id).reverse())
                    .append(',')
                    .append(NOUNS[i % NOUNS.length])
                    .append('\n');
        }
        Files.writeString(dir.resolve("customers.csv"), csv.toString());
        Files.writeString(plan(), DemoPlan.yaml(this, java, quick), StandardCharsets.UTF_8);
    }

    int shopPort() {
        return shopPort;
    }

    /** The loopback address that stands for {@code host}. */
    static String address(String host) {
        return "127.0.0." + (HOSTS.indexOf(host) + 2);
    }
}
