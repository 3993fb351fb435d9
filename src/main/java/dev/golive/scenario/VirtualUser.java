package dev.golive.scenario;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/** One run of a scenario by a virtual user: its connections and cookies, and the values of this run. */
final class VirtualUser {
    final HttpUser http;
    final Values values = new Values();
    final Urls urls;
    final Path directory;
    final Pause pause;
    final RandomGenerator random;
    /** Whether steps keep the requests and responses as text; a load test does not. */
    final boolean transcripts;

    private final Consumer<StepResult> listener;
    private Duration late = Duration.ZERO;

    VirtualUser(
            HttpUser http,
            Urls urls,
            Path directory,
            Pause pause,
            RandomGenerator random,
            boolean transcripts,
            Consumer<StepResult> listener) {
        this.http = http;
        this.urls = urls;
        this.directory = directory;
        this.transcripts = transcripts;
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

    /** The URL a step names, see {@link Urls}. */
    URI resolve(String url) {
        return urls.resolve(url);
    }
}
