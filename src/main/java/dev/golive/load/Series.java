package dev.golive.load;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** The response times of one transaction or request, and how many of them failed. */
final class Series {
    private static final long MAX_MICROS = 3_600_000_000L;

    private final ConcurrentHistogram times = new ConcurrentHistogram(MAX_MICROS, 3);
    private final LongAdder errors = new LongAdder();

    void passed(long micros) {
        times.recordValue(Math.min(Math.max(micros, 0), MAX_MICROS));
    }

    void failed() {
        errors.increment();
    }

    Histogram times() {
        return times.copy();
    }

    long errors() {
        return errors.sum();
    }
}
