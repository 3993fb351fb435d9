package dev.golive.diag;

import static dev.golive.diag.DumpFiles.fixture;
import static dev.golive.diag.DumpFiles.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Class histograms: read from jmap and jcmd output, alone or in series, and classes that keep growing. */
class HistogramTest {
    @Test
    void readsTheJdk5HistogramAfterTheDumpOfTheSameFile() {
        Capture capture = read("tda-jdk5-histogram.txt");

        assertThat(capture.dumps()).hasSize(1);
        Histogram h = capture.histograms().getFirst();
        assertThat(capture.histograms()).hasSize(1);
        assertThat(h.line()).isEqualTo(82);
        assertThat(h.timestamp()).isNull();
        assertThat(h.rows()).hasSize(1084);
        assertThat(h.totalInstances()).isEqualTo(183155);
        assertThat(h.totalBytes()).isEqualTo(16330872);
        assertThat(h.rows().subList(0, 3))
                .extracting(HistogramRow::className, HistogramRow::instances, HistogramRow::bytes)
                .containsExactly(
                        tuple("[C", 15660L, 3695576L),
                        tuple("<no name>", 28591L, 3246576L),
                        tuple("<symbolKlass>", 44495L, 1611808L));
        assertThat(h.rows().getLast()).isEqualTo(new HistogramRow("java.util.Hashtable$EmptyEnumerator", "", 1, 8));
        assertThat(h.rows()).extracting(HistogramRow::instances).doesNotContain(0L);
    }

    @Test
    void findsTheClassesThatGrowInEveryHistogramOfASeriesPerMinute() {
        Diagnosis d = Diagnose.files(List.of(fixture("leak-3-histograms.txt")));

        assertThat(d.captures().getFirst().histograms())
                .extracting(Histogram::timestamp, Histogram::pid)
                .containsExactly(
                        tuple(LocalDateTime.of(2026, 11, 20, 1, 40), 4242L),
                        tuple(LocalDateTime.of(2026, 11, 20, 1, 41), 4242L),
                        tuple(LocalDateTime.of(2026, 11, 20, 1, 42), 4242L));
        Finding leak = d.findings().getFirst();
        assertThat(leak.kind()).isEqualTo(FindingKind.LEAK_SUSPECT);
        assertThat(leak.severity()).isEqualTo(Severity.WARNING);
        assertThat(leak.title())
                .isEqualTo("Leak suspect: com.shop.CartLine grows in every one of 3 histograms,"
                        + " +30,000 instances (+937.5 KB) a minute (and 2 more growing classes)");
        assertThat(leak.classes()).containsExactly("com.shop.CartLine", "com.shop.Cart", "[B");
        assertThat(leak.evidence())
                .containsExactly(
                        "com.shop.CartLine: 30,000 → 60,000 → 90,000 instances, +30,000 instances (+937.5 KB) a minute",
                        "com.shop.Cart: 10,000 → 20,000 → 30,000 instances, +10,000 instances (+468.8 KB) a minute",
                        "[B: 200,000 → 230,000 → 260,000 instances, +30,000 instances (+1.4 MB) a minute");
        assertThat(leak.seen()).endsWith("leak-3-histograms.txt: 3 histograms from 2026-11-20 01:40:00");
        assertThat(d.findings()).hasSize(1);
    }

    @Test
    void readsOneHistogramPerFileInFileOrderWhenTheyHaveNoTimestamps() {
        Diagnosis d = Diagnose.files(
                List.of(fixture("histogram-1.txt"), fixture("histogram-2.txt"), fixture("histogram-3.txt")));

        Finding leak = d.findings().getFirst();
        assertThat(leak.title())
                .isEqualTo("Leak suspect: com.shop.CartLine grows in every one of 3 histograms,"
                        + " +30,000 instances (+937.5 KB) a histogram (and 2 more growing classes)");
        assertThat(d.captures().getFirst().histograms().getFirst().rows().getFirst())
                .isEqualTo(new HistogramRow("[B", "", 200000, 12000000));
    }

    @Test
    void findsNoLeakInOneHistogramOrInClassesThatShrinkAgain() {
        assertThat(Diagnose.files(List.of(fixture("histogram-3.txt"))).findings())
                .isEmpty();
        assertThat(Diagnose.files(List.of(fixture("histogram-1.txt"), fixture("histogram-2.txt")))
                        .findings()
                        .getFirst()
                        .classes())
                .contains("java.lang.String")
                .doesNotContain("com.shop.Session", "java.util.HashMap$Node");
    }
}
