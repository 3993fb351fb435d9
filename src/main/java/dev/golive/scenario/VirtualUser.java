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
    private final Consumer<StepResult> listener;
    private Duration late = Duration.ZERO;

    VirtualUser(
            HttpUser http,
            Urls urls,
            Path directory,
            Pause pause,
            RandomGenerator random,
            Consumer<StepResult> listener) {
        this.http = http;
        this.urls = urls;
        this.directory = directory;
        this.pause = pause;
        this.random = random;
        this.listener = listener;
    }

    /**
     * Charges the first step of the run with how late the run started: an open workload measures
     * from the intended start, so a late generator cannot hide a slow server.
     */
    void startedLate(Duration lateness) {
        late = lateness;
    }

    StepResult charge(StepResult r) {
        if (late.isZero()) {
            return r;
        }
        Duration time = r.time().plus(late);
        late = Duration.ZERO;
        return new StepResult(r.kind(), r.name(), r.depth(), r.status(), time, r.failure(), r.request(), r.response());
    }

    void report(StepResult result) {
        listener.accept(result);
    }

    /** The URL a step names, see {@link Urls}. */
    URI resolve(String url) {
        return urls.resolve(url);
    }
}
