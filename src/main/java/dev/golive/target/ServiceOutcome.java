package dev.golive.target;

import java.time.Duration;
import java.util.List;

/**
 * What one action did to one instance (or to a service reached by address).
 *
 * @param subject the instance ({@code was/was1}) or the service
 * @param action what was done
 * @param ok whether it worked: running for {@code status}, healthy for {@code health}
 * @param detail one line: what was found, or why it failed and what to do
 * @param pids the PIDs of the instance as last seen, empty when stopped or unknown
 * @param output the text of {@code logs} and {@code jvm}, empty for the other actions
 * @param jvm what {@code jvm} found, or null
 * @param duration how long it took
 */
public record ServiceOutcome(
        String subject,
        ServiceAction action,
        boolean ok,
        String detail,
        List<Long> pids,
        String output,
        JvmInfo jvm,
        Duration duration) {
    public ServiceOutcome {
        if (subject == null || action == null || detail == null || output == null || duration == null) {
            throw new IllegalArgumentException("subject, action, detail, output and duration are required");
        }
        pids = List.copyOf(pids);
    }

    static ServiceOutcome of(String subject, ServiceAction action, boolean ok, String detail, long startNanos) {
        return new ServiceOutcome(subject, action, ok, detail, List.of(), "", null, since(startNanos));
    }

    ServiceOutcome withPids(List<Long> running) {
        return new ServiceOutcome(subject, action, ok, detail, running, output, jvm, duration);
    }

    ServiceOutcome withOutput(String text) {
        return new ServiceOutcome(subject, action, ok, detail, pids, text, jvm, duration);
    }

    ServiceOutcome withJvm(JvmInfo found) {
        return new ServiceOutcome(subject, action, ok, detail, pids, output, found, duration);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
