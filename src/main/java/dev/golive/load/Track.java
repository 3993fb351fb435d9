package dev.golive.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The response times of one transaction or request as they come in from any virtual user, taken
 * out second by second without stopping the recorders.
 */
final class Track {
    private final String kind;
    private final String name;
    private final Recorder times = new Recorder(Histograms.DIGITS);
    private final Recorder service = new Recorder(Histograms.DIGITS);
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private Histogram timesSpare;
    private Histogram serviceSpare;

    Track(String kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    void passed(long micros, long serviceMicros) {
        times.recordValue(Histograms.clamp(micros));
        service.recordValue(Histograms.clamp(serviceMicros));
    }

    void failed(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** What came in since the last call; called by one thread. */
    Interval take() {
        timesSpare = times.getIntervalHistogram(timesSpare);
        serviceSpare = service.getIntervalHistogram(serviceSpare);
        Map<String, Long> failed = new TreeMap<>();
        errors.forEach((k, count) -> {
            long n = count.getAndSet(0);
            if (n > 0) {
                failed.put(k, n);
            }
        });
        return new Interval(kind, name, timesSpare.copy(), serviceSpare.copy(), failed);
    }
}
