package dev.golive.scenario;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/** One run of a scenario by a virtual user: its connections and cookies, and the values of this run. */
final class VirtualUser {
    final HttpUser http;
    final Values values = new Values();
    final String entry;
    final Pause pause;
    final RandomGenerator random;
    /** Whether steps keep the requests and responses as text; a load test does not. */
    final boolean transcripts;

    private final Consumer<StepResult> listener;
    private Duration late = Duration.ZERO;

    VirtualUser(
            HttpUser http,
            String entry,
            Pause pause,
            RandomGenerator random,
            boolean transcripts,
            Consumer<StepResult> listener) {
        this.http = http;
        this.transcripts = transcripts;
        this.entry = entry;
        this.pause = pause;
        this.random = random;
        this.listener = listener;
    }

    /**
     * Charges the next step with how late it starts: an open workload measures from the intended
     * start of a run, and a think time that overslept delays the step after it, so a late
     * generator cannot hide a slow server.
     */
    void startedLate(Duration lateness) {
        late = late.plus(lateness);
    }

    StepResult charge(StepResult r) {
        if (late.isZero()) {
            return r;
        }
        Duration charged = late;
        late = Duration.ZERO;
        return r.late(charged);
    }

    void report(StepResult result) {
        listener.accept(result);
    }

    /** An absolute URL as it is; a relative one appended to the environment's entry. */
    URI resolve(String url) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return uri(url);
        }
        if (entry == null) {
            throw new StepFailure("cannot request '" + url
                    + "': the environment has no entry; give it `entry:` or use an absolute URL");
        }
        String base = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
        return uri(base + (url.startsWith("/") ? url : "/" + url));
    }

    private static URI uri(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new StepFailure("bad URL '" + text + "': " + e.getMessage());
        }
    }
}
