package dev.golive.load;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * The response times of one transaction or request as they come in from any virtual user, taken
 * out second by second without stopping the users.
 *
 * <p>Each platform thread that records (an event loop, where users run) has histograms of its
 * own, so recording takes no lock and no counter another CPU writes too; virtual threads share one
 * pair under a lock. Every histogram is a plain {@link Histogram}, also those taken out: the JIT
 * compiler then sees one class wherever they are added up and encoded, where HdrHistogram's
 * concurrent histograms beside plain ones made it compile that code anew every second or so.
 */
final class Track {
    private final String kind;
    private final String name;
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<Cell> cells = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Cell> own = ThreadLocal.withInitial(this::cell);
    /** The histograms of virtual threads, recorded into under its lock. */
    private final Cell shared = cell();

    Track(String kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    void passed(long micros, long serviceMicros) {
        long times = Histograms.clamp(micros);
        long service = Histograms.clamp(serviceMicros);
        if (!Thread.currentThread().isVirtual()) {
            own.get().record(times, service);
            return;
        }
        synchronized (shared) {
            shared.record(times, service);
        }
    }

    private Cell cell() {
        Cell cell = new Cell();
        cells.add(cell);
        return cell;
    }

    void failed(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** What came in since the last call; called by one thread. */
    Interval take() {
        Histogram times = Histograms.empty();
        Histogram service = Histograms.empty();
        for (Cell cell : cells) {
            cell.drain(times, service);
        }
        Map<String, Long> failed = new TreeMap<>();
        errors.forEach((k, count) -> {
            long n = count.getAndSet(0);
            if (n > 0) {
                failed.put(k, n);
            }
        });
        return new Interval(kind, name, times, service, failed);
    }

    /**
     * One writer's histograms, in pairs: the writer records into the active pair while the reader
     * adds up the other, and a phaser tells the reader when no writer is still in the pair it took.
     */
    private static final class Cell {
        private final WriterReaderPhaser phaser = new WriterReaderPhaser();
        private volatile Histogram times = Histograms.empty();
        private volatile Histogram service = Histograms.empty();
        // The reader's.
        private Histogram spareTimes = Histograms.empty();
        private Histogram spareService = Histograms.empty();

        void record(long micros, long serviceMicros) {
            long entered = phaser.writerCriticalSectionEnter();
            try {
                times.recordValue(micros);
                service.recordValue(serviceMicros);
            } finally {
                phaser.writerCriticalSectionExit(entered);
            }
        }

        /** Adds what was recorded since the last call to the two histograms, and starts afresh. */
        void drain(Histogram intoTimes, Histogram intoService) {
            phaser.readerLock();
            try {
                Histogram t = times;
                Histogram s = service;
                times = spareTimes;
                service = spareService;
                phaser.flipPhase();
                intoTimes.add(t);
                intoService.add(s);
                t.reset();
                s.reset();
                spareTimes = t;
                spareService = s;
            } finally {
                phaser.readerUnlock();
            }
        }
    }
}
