package dev.golive.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance of the demo's sample shop: its own JVM, like an application server instance, with
 * a pool of worker threads and a pool of database connections to the shared database. Faults can
 * be switched on to give a load test something to find: {@code contention} (every search finds
 * the price cache expired), {@code slow} (a slow query), {@code pool} (two database connections),
 * {@code leak} (each request keeps some memory forever).
 *
 * <p>It runs from its release, a jar ({@link ShopJar}): {@code java -jar shop.jar --config FILE};
 * the file is a properties file with {@code address}, {@code port}, {@code db} (JDBC URL), {@code
 * pidFile} and {@code faults} (comma-separated). Its version and the way it refreshes the price
 * cache come from the jar's manifest.
 */
public final class ShopServer {
    static final List<String> FAULTS = List.of("contention", "slow", "pool", "leak");
    private static final Pattern ITEM = Pattern.compile("\"item\"\\s*:\\s*\"?([0-9]+)\"?");
    private static final int WORKERS = 16;
    private static final int CONNECTIONS = 8;

    private final String release;
    private final boolean backgroundRefresh;
    private final String db;
    private final BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(CONNECTIONS);
    private final Map<String, Boolean> faults = new java.util.concurrent.ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final List<Connection> held = new ArrayList<>();
    private HttpServer server;
    private ExecutorService workers;

    ShopServer(String db, Attributes manifest, List<String> on) {
        this.db = db;
        String version = manifest.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        this.release = version == null ? "unreleased" : version;
        this.backgroundRefresh = "background".equals(manifest.getValue(ShopJar.PRICE_REFRESH));
        FAULTS.forEach(f -> faults.put(f, on.contains(f)));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("usage: java -jar shop.jar --config FILE");
            System.exit(2);
        }
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            config.load(in);
        }
        ShopServer shop = new ShopServer(
                config.getProperty("db"),
                manifest(),
                List.of(config.getProperty("faults", "").split(",")));
        String pidFile = config.getProperty("pidFile");
        if (pidFile != null) {
            Files.writeString(Path.of(pidFile), ProcessHandle.current().pid() + "\n");
        }
        shop.start(config.getProperty("address", "127.0.0.1"), Integer.parseInt(config.getProperty("port")));
        System.out.println("shop " + shop.release + " listening on " + config.getProperty("address") + ":"
                + config.getProperty("port"));
        Runtime.getRuntime().addShutdownHook(new Thread(shop::stop));
    }

    /** The manifest of the jar it runs from; empty when it runs from class files. */
    private static Attributes manifest() throws IOException, URISyntaxException {
        Path from = Path.of(ShopServer.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        if (!Files.isRegularFile(from)) {
            return new Attributes();
        }
        try (JarFile jar = new JarFile(from.toFile())) {
            Manifest m = jar.getManifest();
            return m == null ? new Attributes() : m.getMainAttributes();
        }
    }

    void start(String address, int port) throws IOException, SQLException {
        for (int i = 0; i < CONNECTIONS; i++) {
            pool.add(DriverManager.getConnection(db, "sa", ""));
        }
        applyPoolFault();
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(WORKERS, r -> new Thread(r, "http-exec-" + n.incrementAndGet()));
        server = HttpServer.create(new InetSocketAddress(address, port), 500);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            switch (path) {
                case "/health" -> health(x);
                case "/version" -> send(x, 200, "text/plain", release + "\n");
                case "/admin/fault" -> fault(x);
                case "/shop/login" -> login(x);
                case "/shop/search" -> search(x);
                case "/shop/cart" -> cart(x);
                case "/shop/order" -> order(x);
                default -> send(x, 404, "text/plain", "no page " + path + "\n");
            }
        } catch (SQLException | InterruptedException e) {
            send(x, 500, "text/plain", "error: " + e.getMessage() + "\n");
        }
    }

    private void health(HttpExchange x) throws IOException, SQLException, InterruptedException {
        Connection c = borrow();
        try (PreparedStatement s = c.prepareStatement("select 1")) {
            s.executeQuery().close();
        } finally {
            pool.add(c);
        }
        send(x, 200, "text/plain", "ok " + release + "\n");
    }

    private void fault(HttpExchange x) throws IOException {
        Map<String, String> q = form(x.getRequestURI().getRawQuery());
        String name = q.getOrDefault("name", "");
        if (!FAULTS.contains(name)) {
            send(x, 400, "text/plain", "faults are " + FAULTS + "\n");
            return;
        }
        faults.put(name, "on".equals(q.get("state")));
        if (name.equals("pool")) {
            applyPoolFault();
        }
        send(x, 200, "text/plain", name + " " + (faults.get(name) ? "on" : "off") + "\n");
    }

    /** The pool fault takes all but two connections out of the pool, and gives them back when off. */
    private synchronized void applyPoolFault() {
        if (faults.get("pool")) {
            while (pool.size() > 2 && held.size() < CONNECTIONS - 2) {
                Connection c = pool.poll();
                if (c != null) {
                    held.add(c);
                }
            }
        } else {
            pool.addAll(held);
            held.clear();
        }
    }

    private void login(HttpExchange x) throws IOException, SQLException, InterruptedException {
        Map<String, String> f = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String id = f.getOrDefault("id", "");
        if (id.isEmpty() || !new StringBuilder(id).reverse().toString().equals(f.get("pw"))) {
            send(x, 401, "text/plain", "wrong id or password\n");
            return;
        }
        String session = HexFormat.of().formatHex(random.generateSeed(12));
        update("insert into session (id, customer) values (?, ?)", session, id);
        x.getResponseHeaders().add("Set-Cookie", "SHOPSESSION=" + session + "; Path=/; HttpOnly");
        x.getResponseHeaders().add("Location", "/shop/search?q=");
        send(x, 302, "text/plain", "");
    }

    private void search(HttpExchange x) throws IOException, SQLException, InterruptedException {
        String term = form(x.getRequestURI().getRawQuery()).getOrDefault("q", "");
        if (faults.get("contention")) {
            if (backgroundRefresh) {
                PriceCache.refreshInBackground();
            } else {
                PriceCache.refresh();
            }
        }
        if (faults.get("leak")) {
            Leak.keep();
        }
        StringBuilder json = new StringBuilder("{\"items\": [");
        Connection c = borrow();
        try {
            if (faults.get("slow")) {
                ProductQueries.slowPlan();
            }
            try (PreparedStatement s =
                    c.prepareStatement("select id, name, price from product where name like ? order by id limit 10")) {
                s.setString(1, "%" + term + "%");
                try (ResultSet rs = s.executeQuery()) {
                    boolean first = true;
                    while (rs.next()) {
                        json.append(first ? "" : ", ")
                                .append("{\"id\": ")
                                .append(rs.getLong(1))
                                .append(", \"name\": \"")
                                .append(rs.getString(2))
                                .append("\", \"price\": ")
                                .append(rs.getBigDecimal(3))
                                .append('}');
                        first = false;
                    }
                }
            }
        } finally {
            pool.add(c);
        }
        send(x, 200, "application/json", json.append("]}\n").toString());
    }

    private void cart(HttpExchange x) throws IOException, SQLException, InterruptedException {
        String customer = customer(x);
        if (customer == null) {
            send(x, 401, "text/plain", "log in first\n");
            return;
        }
        Matcher m = ITEM.matcher(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!m.find()) {
            send(x, 400, "text/plain", "expected {\"item\": ID}\n");
            return;
        }
        update("insert into cart_item (customer, product) values (?, ?)", customer, Long.parseLong(m.group(1)));
        send(x, 200, "application/json", "{\"state\": \"added\"}\n");
    }

    private void order(HttpExchange x) throws IOException, SQLException, InterruptedException {
        String customer = customer(x);
        if (customer == null) {
            send(x, 401, "text/plain", "log in first\n");
            return;
        }
        long id = Math.abs(random.nextLong() % 1_000_000_000L);
        update(
                "insert into orders (id, customer, items) select ?, ?, count(*) from cart_item where customer = ?",
                id,
                customer,
                customer);
        update("delete from cart_item where customer = ?", customer);
        send(x, 201, "application/json", "{\"order\": {\"id\": \"ord-" + id + "\"}}\n");
    }

    private String customer(HttpExchange x) throws SQLException, InterruptedException {
        String cookies = x.getRequestHeaders().getFirst("Cookie");
        if (cookies == null) {
            return null;
        }
        for (String c : cookies.split(";")) {
            String[] kv = c.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("SHOPSESSION")) {
                Connection conn = borrow();
                try (PreparedStatement s = conn.prepareStatement("select customer from session where id = ?")) {
                    s.setString(1, kv[1]);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                } finally {
                    pool.add(conn);
                }
            }
        }
        return null;
    }

    private void update(String sql, Object... values) throws SQLException, InterruptedException {
        Connection c = borrow();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } finally {
            pool.add(c);
        }
    }

    private Connection borrow() throws InterruptedException, SQLException {
        Connection c = pool.poll(10, TimeUnit.SECONDS);
        if (c == null) {
            throw new SQLException("no database connection free within 10 s");
        }
        return c;
    }

    private static Map<String, String> form(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The contention fault: the price cache is found expired on every search. Refreshed in the
     * request (1.0.0), every search waits for one lock; refreshed in the background (the hotfix),
     * one refresh runs at a time and the searches go on with the prices they have.
     */
    static final class PriceCache {
        private static final Object LOCK = new Object();
        private static final AtomicBoolean REFRESHING = new AtomicBoolean();

        private PriceCache() {}

        static void refresh() throws InterruptedException {
            synchronized (LOCK) {
                Thread.sleep(100);
            }
        }

        static void refreshInBackground() {
            if (REFRESHING.compareAndSet(false, true)) {
                Thread.ofPlatform().daemon().name("price-refresh").start(() -> {
                    try {
                        refresh();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        REFRESHING.set(false);
                    }
                });
            }
        }
    }

    /** The slow fault: a query whose plan reads the whole table. */
    static final class ProductQueries {
        private ProductQueries() {}

        static void slowPlan() throws InterruptedException {
            Thread.sleep(400);
        }
    }

    /** The leak fault: every request keeps a snapshot of its session in a list no one empties. */
    static final class Leak {
        private static final List<SessionSnapshot> KEPT = new ArrayList<>();

        private Leak() {}

        static synchronized void keep() {
            KEPT.add(new SessionSnapshot(new byte[4096]));
        }
    }

    /** What the leak keeps. */
    record SessionSnapshot(byte[] data) {}
}
