package dev.golive.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Response times recorded from many threads at once, taken out while they record. */
class TrackTest {
    private static final int PER_THREAD = 200_000;

    @Test
    void everyTimeRecordedByPlatformAndVirtualThreadsIsTakenOutExactlyOnce() throws Exception {
        Track track = new Track("request", "home");
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            writers.add(Thread.ofPlatform().unstarted(() -> record(track, start)));
        }
        for (int t = 0; t < 20; t++) {
            writers.add(Thread.ofVirtual().unstarted(() -> record(track, start)));
        }
        writers.forEach(Thread::start);

        Histogram times = new Histogram(Histograms.DIGITS);
        Histogram service = new Histogram(Histograms.DIGITS);
        AtomicBoolean done = new AtomicBoolean();
        Thread joiner = Thread.ofPlatform().start(() -> {
            writers.forEach(TrackTest::join);
            done.set(true);
        });
        start.countDown();
        int takes = 0;
        while (!done.get()) {
            add(track.take(), times, service);
            takes++;
        }
        joiner.join();
        add(track.take(), times, service);

        long all = (long) writers.size() * PER_THREAD;
        assertThat(takes).isPositive();
        assertThat(times.getTotalCount()).isEqualTo(all);
        assertThat(service.getTotalCount()).isEqualTo(all);
        // Each writer recorded 1..PER_THREAD once as the time, half of it as the service time.
        assertThat(times.getMaxValue()).isEqualTo(times.highestEquivalentValue(PER_THREAD));
        assertThat(times.getMean()).isCloseTo((PER_THREAD + 1) / 2.0, withPercentage(0.1));
        assertThat(service.getMean()).isCloseTo(times.getMean() / 2, withPercentage(0.2));
        assertThat(track.take().passed()).isZero();
    }

    @Test
    void whatIsTakenOutIsAPlainHistogramWithTheFailuresByKind() throws InterruptedException {
        Track track = new Track("transaction", "checkout");
        track.passed(1500, 1200);
        Thread.ofVirtual().start(() -> track.passed(2500, 2000)).join();
        track.failed("timeout");
        track.failed("timeout");
        track.failed("status");

        Interval taken = track.take();

        assertThat(taken.kind()).isEqualTo("transaction");
        assertThat(taken.name()).isEqualTo("checkout");
        assertThat(taken.times().getClass()).isEqualTo(Histogram.class);
        assertThat(taken.service().getClass()).isEqualTo(Histogram.class);
        assertThat(taken.passed()).isEqualTo(2);
        assertThat(taken.times().getMaxValue()).isEqualTo(taken.times().highestEquivalentValue(2500));
        assertThat(taken.service().getMinValue()).isEqualTo(taken.service().lowestEquivalentValue(1200));
        assertThat(taken.errors()).containsExactly(Map.entry("status", 1L), Map.entry("timeout", 2L));

        Interval next = track.take();
        assertThat(next.passed()).isZero();
        assertThat(next.errors()).isEmpty();
    }

    private static void record(Track track, CountDownLatch start) {
        await(start);
        for (int i = 1; i <= PER_THREAD; i++) {
            track.passed(i, i / 2);
        }
    }

    private static void add(Interval i, Histogram times, Histogram service) {
        times.add(i.times());
        service.add(i.service());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
