package dev.golive.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small shop on the JDK's HTTP server, on a loopback port of its own, for behaviour nginx
 * cannot give: {@code POST /shop/login} (form {@code id}, {@code pw}; the password is the id
 * reversed) sets a session cookie and redirects to {@code /shop/home}; {@code GET
 * /shop/search?q=} answers JSON; {@code POST /shop/cart} takes JSON {@code {"item": …}}; {@code
 * GET /slow} answers after 300 ms; {@code /echo} answers with the request it got. {@code POST
 * /upload} reads a {@code multipart/form-data} body strictly and answers with its parts as JSON
 * (text fields with their value, files with their name, type, size and SHA-256); {@code
 * /headers?Name=value} answers with those response headers, a name given twice twice; {@code
 * /bytes?n=} answers with n bytes.
 *
 * <p>Values the server hands out and expects back, as browsers meet them: {@code GET
 * /shop/signin} answers a form with a hidden one-time {@code csrf} token that {@code POST
 * /shop/signin} (form {@code csrf}, {@code id}, {@code pw}) requires before it logs in like {@code
 * /shop/login}; {@code POST /shop/orders} (JSON {@code {"item": …}}) answers 201 with {@code
 * {"order": {"id": "ord-…"}}}, a random id; {@code GET /shop/orders/ID} answers the user's order
 * with a random {@code X-Order-Token} header that {@code POST /shop/orders/ID/pay} requires.
 */
public final class ShopApp implements AutoCloseable {
    private static final Pattern ITEM = Pattern.compile("\"item\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern MULTIPART =
            Pattern.compile("multipart/form-data; boundary=([0-9A-Za-z'()+_,./:=?-]{1,70})");
    private static final Pattern DISPOSITION =
            Pattern.compile("Content-Disposition: form-data; name=\"([^\"]*)\"(?:; filename=\"([^\"]*)\")?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, String> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> csrfTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private record Order(String id, String user, String item, String token, String state) {
        Order with(String newToken, String newState) {
            return new Order(id, user, item, newToken, newState);
        }

        String json() {
            return "{\"id\":\"" + id + "\",\"item\":\"" + item + "\",\"state\":\"" + state + "\"}";
        }
    }

    private ShopApp(HttpServer server) {
        this.server = server;
    }

    public static ShopApp start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        ShopApp app = new ShopApp(server);
        server.createContext("/shop/login", app::login);
        server.createContext("/shop/home", app::home);
        server.createContext("/shop/search", app::search);
        server.createContext("/shop/cart", app::cart);
        server.createContext("/shop/signin", app::signin);
        server.createContext("/shop/orders", app::orders);
        server.createContext("/slow", app::slow);
        server.createContext("/echo", app::echo);
        server.createContext("/upload", app::upload);
        server.createContext("/headers", app::headers);
        server.createContext("/bytes", app::bytes);
        server.setExecutor(app.executor);
        server.start();
        return app;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void login(HttpExchange ex) throws IOException {
        logIn(ex, form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private void logIn(HttpExchange ex, Map<String, String> form) throws IOException {
        String id = form.getOrDefault("id", "");
        if (id.isEmpty() || !new StringBuilder(id).reverse().toString().equals(form.get("pw"))) {
            send(ex, 401, "text/plain", "bad id or password");
            return;
        }
        String token = "t-" + id + "-" + sessions.size();
        sessions.put(token, id);
        ex.getResponseHeaders().add("Set-Cookie", "session=" + token + "; Path=/shop; HttpOnly");
        ex.getResponseHeaders().add("Location", "/shop/home");
        send(ex, 302, "text/plain", "");
    }

    private void signin(HttpExchange ex) throws IOException {
        if (ex.getRequestMethod().equals("GET")) {
            String token = hex(8);
            csrfTokens.add(token);
            send(ex, 200, "text/html", """
                    <!doctype html><html><head><title>Sign in</title></head><body>
                    <form method="post" action="/shop/signin">
                      <input type="hidden" name="csrf" value="%s">
                      <input name="id"> <input type="password" name="pw"> <button>Sign in</button>
                    </form></body></html>
                    """.formatted(token));
            return;
        }
        Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!csrfTokens.remove(form.getOrDefault("csrf", ""))) {
            send(ex, 403, "text/plain", "bad or missing csrf token");
            return;
        }
        logIn(ex, form);
    }

    private void orders(HttpExchange ex) throws IOException {
        Optional<String> user = user(ex);
        String rest = ex.getRequestURI().getPath().substring("/shop/orders".length());
        String[] path = rest.split("/");
        if (user.isEmpty()) {
            send(ex, 401, "text/plain", "log in first");
        } else if ((rest.isEmpty() || rest.equals("/")) && ex.getRequestMethod().equals("POST")) {
            newOrder(ex, user.get());
        } else {
            Order order = path.length > 1 ? orders.get(path[1]) : null;
            if (order == null || !order.user().equals(user.get())) {
                send(ex, 404, "text/plain", "no such order");
            } else if (path.length == 3
                    && path[2].equals("pay")
                    && ex.getRequestMethod().equals("POST")) {
                pay(ex, order);
            } else {
                Order shown = order.with(hex(6), order.state());
                orders.put(order.id(), shown);
                ex.getResponseHeaders().add("X-Order-Token", shown.token());
                send(ex, 200, "application/json", shown.json());
            }
        }
    }

    private void newOrder(HttpExchange ex, String user) throws IOException {
        Matcher m = ITEM.matcher(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!m.find()) {
            send(ex, 400, "text/plain", "no item");
            return;
        }
        Order order = new Order("ord-" + hex(4), user, m.group(1), null, "open");
        orders.put(order.id(), order);
        send(ex, 201, "application/json", "{\"order\":" + order.json() + "}");
    }

    private void pay(HttpExchange ex, Order order) throws IOException {
        String token = ex.getRequestHeaders().getFirst("X-Order-Token");
        if (order.token() == null || !order.token().equals(token)) {
            send(ex, 403, "text/plain", "bad order token");
            return;
        }
        Order paid = order.with(null, "paid");
        orders.put(order.id(), paid);
        send(ex, 200, "application/json", paid.json());
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    private void home(HttpExchange ex) throws IOException {
        Optional<String> user = user(ex);
        if (user.isEmpty()) {
            send(ex, 401, "text/plain", "log in first");
        } else {
            send(ex, 200, "text/html", "<h1>Welcome " + user.get() + "</h1>");
        }
    }

    private void search(HttpExchange ex) throws IOException {
        String q = form(Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse(""))
                .getOrDefault("q", "");
        String body = "{\"query\":\"" + q + "\",\"user\":\"" + user(ex).orElse("") + "\",\"items\":[{\"id\":\"sku-"
                + q.replace(' ', '-') + "-1\",\"price\":12},{\"id\":\"sku-" + q.replace(' ', '-')
                + "-2\",\"price\":7}]}";
        send(ex, 200, "application/json", body);
    }

    private void cart(HttpExchange ex) throws IOException {
        Optional<String> user = user(ex);
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = ITEM.matcher(body);
        if (user.isEmpty() || !m.find()) {
            send(ex, user.isEmpty() ? 401 : 400, "text/plain", user.isEmpty() ? "log in first" : "no item");
            return;
        }
        ex.getResponseHeaders().add("X-Cart-Id", "cart-" + user.get());
        send(
                ex,
                200,
                "application/json",
                "{\"state\":\"added\",\"item\":\"" + m.group(1) + "\",\"user\":\"" + user.get() + "\"}");
    }

    private void slow(HttpExchange ex) throws IOException {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        send(ex, 200, "text/plain", "slow");
    }

    private void echo(HttpExchange ex) throws IOException {
        StringBuilder out = new StringBuilder(ex.getRequestMethod() + " " + ex.getRequestURI() + "\n");
        out.append("from port ").append(ex.getRemoteAddress().getPort()).append('\n');
        ex.getRequestHeaders()
                .forEach((k, v) -> out.append(k.toLowerCase())
                        .append(": ")
                        .append(String.join(",", v))
                        .append('\n'));
        out.append('\n').append(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        send(ex, 200, "text/plain", out.toString());
    }

    private void upload(HttpExchange ex) throws IOException {
        String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type"))
                .orElse("");
        Matcher m = MULTIPART.matcher(type);
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!m.matches()) {
            send(ex, 400, "text/plain", "not multipart/form-data with a boundary: " + type);
            return;
        }
        String delimiter = "--" + m.group(1);
        String end = "\r\n" + delimiter + "--\r\n";
        if (!body.startsWith(delimiter + "\r\n") || !body.endsWith(end)) {
            send(ex, 400, "text/plain", "the body does not start with the boundary line or end with the last one");
            return;
        }
        String inner = body.substring(delimiter.length() + 2, body.length() - end.length());
        List<Map<String, Object>> parts = new ArrayList<>();
        for (String part : inner.split(Pattern.quote("\r\n" + delimiter + "\r\n"), -1)) {
            Map<String, Object> read = part(part);
            if (read == null) {
                send(ex, 400, "text/plain", "bad part: " + part.substring(0, Math.min(200, part.length())));
                return;
            }
            parts.add(read);
        }
        send(ex, 200, "application/json", JSON.writeValueAsString(Map.of("parts", parts)));
    }

    /** One part, its bytes held one per char; null when its headers are not as a browser writes them. */
    private static Map<String, Object> part(String part) {
        int split = part.indexOf("\r\n\r\n");
        Matcher d = DISPOSITION.matcher(split < 0 ? "" : part.substring(0, split));
        if (!d.lookingAt()) {
            return null;
        }
        String headers = part.substring(0, split);
        byte[] content = part.substring(split + 4).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", d.group(1));
        if (d.group(2) == null) {
            out.put("value", new String(content, StandardCharsets.UTF_8));
            return headers.contains("\r\n") ? null : out;
        }
        Matcher t = Pattern.compile("\r\nContent-Type: (.+)$").matcher(headers);
        out.put("filename", d.group(2));
        out.put("type", t.find() ? t.group(1) : null);
        out.put("size", content.length);
        out.put("sha256", sha256(content));
        return out;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void headers(HttpExchange ex) throws IOException {
        for (String pair :
                Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse("").split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                ex.getResponseHeaders().add(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        send(ex, 200, "text/plain", "ok");
    }

    private void bytes(HttpExchange ex) throws IOException {
        int n = Integer.parseInt(form(ex.getRequestURI().getRawQuery()).get("n"));
        send(ex, 200, "application/octet-stream", "x".repeat(n));
    }

    private Optional<String> user(HttpExchange ex) {
        String cookies =
                Optional.ofNullable(ex.getRequestHeaders().getFirst("Cookie")).orElse("");
        for (String c : cookies.split(";\\s*")) {
            if (c.startsWith("session=")) {
                return Optional.ofNullable(sessions.get(c.substring("session=".length())));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> form(String text) {
        Map<String, String> out = new HashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
