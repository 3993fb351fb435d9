package dev.golive.check;

import dev.golive.plan.Check;
import dev.golive.plan.Environment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** {@code http: URL}: a GET; the status is judged (default: 200). URLs may be relative to the entry. */
final class HttpProbe implements Probe {
    private final Environment environment;

    HttpProbe(Environment environment) {
        this.environment = environment;
    }

    @Override
    public List<CheckResult> run(Check check) {
        long start = System.nanoTime();
        String url = url(check.target());
        try {
            HttpResponse<String> response = get(url, check);
            String status = String.valueOf(response.statusCode());
            if (check.expect() == null) {
                boolean ok = response.statusCode() == 200;
                return List.of(new CheckResult(check.name(), url, ok, "status " + status, Probe.since(start)));
            }
            String value = check.expect().operator().equals("contains")
                            || check.expect().operator().equals("matches")
                    ? response.body()
                    : status;
            return List.of(Probe.judged(check, url, value, "status " + status, start));
        } catch (IOException e) {
            return List.of(Probe.red(check, url, "no answer: " + e, start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Probe.red(check, url, "interrupted", start));
        }
    }

    static HttpResponse<String> get(String url, Check check) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(check.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(check.timeout())
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String url(String target) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return target;
        }
        if (environment.entry() == null) {
            throw new IllegalArgumentException(
                    "'" + target + "' is relative, and environment " + environment.name() + " has no entry URL");
        }
        String entry = environment.entry().replaceAll("/+$", "");
        return entry + (target.startsWith("/") ? target : "/" + target);
    }
}
