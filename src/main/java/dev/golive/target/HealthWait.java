package dev.golive.target;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a health URL until it answers 200 (with the expected text, if any) or the deadline passes.
 * From this machine directly, or with {@code curl} on the host itself when the host sits behind a
 * jump host and its ports cannot be reached from here.
 */
final class HealthWait {
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_REQUEST = Duration.ofSeconds(5);
    private static final int SHOWN_BODY = 80;

    /** One answer: a status, or why there was none. */
    record Answer(int status, String body, String failure) {
        boolean healthy(String expectBody) {
            return failure == null && status == 200 && (expectBody == null || body.contains(expectBody));
        }

        String describe(String url, String expectBody) {
            if (failure != null) {
                return url + ": no answer: " + failure;
            }
            String line = url + " answered " + status;
            return status == 200 && expectBody != null && !body.contains(expectBody)
                    ? line + " without '" + expectBody + "' (it said '" + shorten(body) + "')"
                    : line;
        }
    }

    private final String url;
    private final Target through;

    /**
     * @param url the health URL
     * @param through the host to ask from with curl, or null to ask from here
     */
    HealthWait(String url, Target through) {
        this.url = url;
        this.through = through;
    }

    /** Waits for a healthy answer; the outcome says after how long, or what the last answer was. */
    ServiceOutcome await(String subject, Duration deadline, String expectBody) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        int attempts = 0;
        Answer last;
        while (true) {
            attempts++;
            last = ask(
                    Duration.ofNanos(Math.clamp(end - System.nanoTime(), 1_000_000_000L, LONGEST_REQUEST.toNanos())));
            if (last.healthy(expectBody)) {
                String after = attempts == 1
                        ? ""
                        : " after " + tenths(ServiceOutcome.since(start)) + " (" + attempts + " tries)";
                return ServiceOutcome.of(
                        subject, ServiceAction.HEALTH, true, last.describe(url, expectBody) + after, start);
            }
            if (System.nanoTime() + PAUSE.toNanos() > end
                    || Thread.currentThread().isInterrupted()) {
                break;
            }
            pause();
        }
        String tried = attempts == 1 ? "" : "; tried " + attempts + " times in " + Failures.seconds(deadline);
        return ServiceOutcome.of(subject, ServiceAction.HEALTH, false, last.describe(url, expectBody) + tried, start);
    }

    Answer ask(Duration timeout) {
        return through == null ? direct(timeout) : viaCurl(timeout);
    }

    private Answer direct(Duration timeout) {
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .GET()
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Answer(0, "", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "interrupted");
        }
    }

    private Answer viaCurl(Duration timeout) {
        long seconds = Math.max(1, timeout.toSeconds());
        Result r =
                through.run(Command.of("curl -sS --max-time " + seconds + " -w '\\n%{http_code}' " + Shell.quote(url))
                        .withTimeout(timeout.plusSeconds(5)));
        if (r.failure() != null) {
            return new Answer(0, "", r.failure());
        }
        String out = r.stdout();
        int newline = out.lastIndexOf('\n');
        String code = out.substring(newline + 1).strip();
        if (r.exitStatus() != 0 || !code.matches("\\d{3}") || code.equals("000")) {
            return new Answer(0, "", "curl on " + r.host() + ": " + r.summary());
        }
        return new Answer(Integer.parseInt(code), newline < 0 ? "" : out.substring(0, newline), null);
    }

    private static String tenths(Duration d) {
        return Failures.seconds(Duration.ofMillis(d.toMillis() / 100 * 100));
    }

    private static String shorten(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() > SHOWN_BODY ? line.substring(0, SHOWN_BODY - 3) + "..." : line;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
