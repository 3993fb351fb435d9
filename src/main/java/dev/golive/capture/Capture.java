package dev.golive.capture;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What was captured from one instance's JVM.
 *
 * @param instance {@code service/host}
 * @param pid the JVM's process id, 0 when none was found
 * @param at when the capture started
 * @param threadDumps thread dump files, in the order taken
 * @param cpu per-thread CPU files ({@code top -H}), one per dump
 * @param histograms class histogram files
 * @param recordings a heap dump ({@code .hprof.gz}) and a flight recording ({@code .jfr}) when asked for
 * @param failure why the capture failed or is incomplete, or null
 */
public record Capture(
        String instance,
        long pid,
        Instant at,
        List<Path> threadDumps,
        List<Path> cpu,
        List<Path> histograms,
        List<Path> recordings,
        String failure) {
    public Capture {
        threadDumps = List.copyOf(threadDumps);
        cpu = List.copyOf(cpu);
        histograms = List.copyOf(histograms);
        recordings = List.copyOf(recordings);
    }

    /** A capture that found nothing to take. */
    static Capture failed(String instance, long pid, Instant at, String failure) {
        return new Capture(instance, pid, at, List.of(), List.of(), List.of(), List.of(), failure);
    }

    public boolean ok() {
        return failure == null;
    }

    /** Every file of the capture. */
    public List<Path> files() {
        return java.util.stream.Stream.of(threadDumps, cpu, histograms, recordings)
                .flatMap(List::stream)
                .toList();
    }
}
