package dev.golive.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One person's HTTP client on the dashboard, with its own cookies: logs in, reads, acts. */
final class Visitor {
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern PAGE_TOKEN = Pattern.compile("name=\"csrf\" content=\"([^\"]+)\"");

    final WarRoom room;
    final CookieManager cookies = new CookieManager();
    final HttpClient http;
    String csrf;

    Visitor(WarRoom room) {
        this.room = room;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Logs in through the form with the user's own password; returns the answer to the form. */
    HttpResponse<String> login(String name) {
        return login(name, WarRoom.PASSWORDS.get(name));
    }

    HttpResponse<String> login(String name, String password) {
        String form = get("/login").body();
        Matcher m = FORM_TOKEN.matcher(form);
        if (!m.find()) {
            throw new AssertionError("the login form has no CSRF token: " + form);
        }
        HttpResponse<String> answer = post("/login", Map.of("_csrf", m.group(1), "name", name, "password", password));
        if (answer.statusCode() == 303) {
            Matcher page = PAGE_TOKEN.matcher(get("/runbook").body());
            csrf = page.find() ? page.group(1) : null;
        }
        return answer;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(room.url(path))).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form, Map.of());
    }

    HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(room.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        headers.forEach(b::header);
        return send(b);
    }

    /** A change sent as the page's script sends it: with the session's CSRF token in a header. */
    HttpResponse<String> act(String path, Map<String, String> form) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Dashboard.CSRF_HEADER, csrf);
        return post(path, form, headers);
    }

    HttpResponse<String> act(String path) {
        return act(path, Map.of());
    }

    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(Dashboard.COOKIE))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
