package dev.golive.diag;

import static dev.golive.diag.DumpFiles.fixture;
import static dev.golive.diag.DumpFiles.thread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Captures among other text, the newer forms of JDK 25, and files that hold no capture. */
class DumpFormatsTest {
    @TempDir
    Path dir;

    @Test
    void readsDumpsAndAHistogramAmongLogLinesAndCountsTheLinesItSkips() {
        Capture capture = Diagnose.read(fixture("log-around-dumps.txt"));

        assertThat(capture.lines()).isEqualTo(55);
        assertThat(capture.skippedLines())
                .as("7 log lines, 2 frames of a logged exception outside any dump")
                .isEqualTo(9);
        assertThat(capture.dumps())
                .extracting(
                        ThreadDump::line,
                        ThreadDump::timestamp,
                        d -> d.threads().size())
                .containsExactly(
                        tuple(7, LocalDateTime.of(2026, 11, 20, 1, 41, 0), 3),
                        tuple(45, LocalDateTime.of(2026, 11, 20, 1, 41, 11), 1));
        assertThat(capture.dumps().getFirst().threads())
                .as("the logged exception after the dump adds no frame to its last thread")
                .allSatisfy(
                        t -> assertThat(t.frames()).noneMatch(f -> f.method().contains("Noise")));
        assertThat(capture.histograms()).singleElement().satisfies(h -> {
            assertThat(h.timestamp()).isEqualTo(LocalDateTime.of(2026, 11, 20, 1, 41, 5));
            assertThat(h.pid()).isEqualTo(4242L);
            assertThat(h.rows())
                    .extracting(HistogramRow::className, HistogramRow::module, HistogramRow::instances)
                    .containsExactly(
                            tuple("[B", "java.base@21.0.5", 120034L),
                            tuple("java.lang.String", "java.base@21.0.5", 98004L),
                            tuple("com.shop.Cart", "", 40000L));
            assertThat(h.totalBytes()).isEqualTo(13234816L);
        });
    }

    @Test
    void readsACarrierThreadAndTheVirtualThreadItRunsFromJdk25() {
        ThreadDump dump = Diagnose.read(fixture("jdk25-carrier.txt")).dumps().getFirst();

        DumpThread carrier = thread(dump, "ForkJoinPool-1-worker-1");
        assertThat(carrier.state()).isEqualTo(ThreadState.RUNNABLE);
        assertThat(carrier.frames().getFirst().method()).isEqualTo("jdk.internal.vm.Continuation.run");
        DumpThread virtual = thread(dump, "virtual thread #23");
        assertThat(virtual.virtual()).isTrue();
        assertThat(virtual.id()).isEqualTo(23L);
        assertThat(virtual.carrier()).isEqualTo("ForkJoinPool-1-worker-1");
        assertThat(virtual.frames().getFirst()).isEqualTo(new Frame("V.lambda$main$0", "V.java:4"));
        assertThat(dump.pid()).isEqualTo(32735L);
    }

    @Test
    void readsThePlainTextOfThreadDumpToFile() {
        Capture capture = Diagnose.read(fixture("jdk25-dump-to-file.txt"));
        ThreadDump dump = capture.dumps().getFirst();

        assertThat(capture.skippedLines()).isZero();
        assertThat(dump.pid()).isEqualTo(32735L);
        assertThat(dump.jvm()).isEqualTo("Java 25.0.3+9-LTS");
        assertThat(dump.threads()).hasSize(10);
        DumpThread virtual = thread(dump, "busy-virt");
        assertThat(virtual.virtual()).isTrue();
        assertThat(virtual.id()).isEqualTo(23L);
        assertThat(virtual.state()).isEqualTo(ThreadState.RUNNABLE);
        assertThat(thread(dump, "Finalizer").locks())
                .extracting(LockLine::kind, l -> l.lock().className())
                .containsExactly(
                        tuple(LockLine.Kind.WAITING_ON, "java.lang.ref.ReferenceQueue$Lock"),
                        tuple(LockLine.Kind.LOCKED, "java.lang.ref.ReferenceQueue$Lock"));
    }

    @Test
    void refusesAFileWithoutAnyCaptureSayingHowManyLinesItRead() {
        assertThatThrownBy(() -> Diagnose.read(fixture("no-capture.txt")))
                .isInstanceOf(DiagException.class)
                .hasMessageEndingWith(
                        "no-capture.txt: no thread dump, class histogram or thread CPU table in its 2 lines"
                                + " (a thread dump starts with 'Full thread dump')");
    }

    @Test
    void refusesMissingFilesDirectoriesAndJsonThatIsNoThreadDump() throws IOException {
        Path json = Files.writeString(dir.resolve("report.json"), "{\"runs\": []}");

        assertThatThrownBy(() -> Diagnose.read(dir.resolve("gone.txt")))
                .isInstanceOf(DiagException.class)
                .hasMessage(dir.resolve("gone.txt") + ": no such file");
        assertThatThrownBy(() -> Diagnose.read(dir)).hasMessage(dir + " is a directory; give the capture files in it");
        assertThatThrownBy(() -> Diagnose.read(json))
                .hasMessage(json + ": JSON without threadDump.threadContainers: not a JDK thread dump");
    }

    @Test
    void readsBrokenThreadBlocksWithoutFailing() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.txt"), """
                Full thread dump OpenJDK 64-Bit Server VM (21.0.5+11-LTS mixed mode):

                "half
                   java.lang.Thread.State: SOMETHING_NEW (whatever)
                	at
                	- locked <> (a java.lang.Object)
                	- waiting to lock <0x1> (a
                "second" #2 prio=5 cpu=abcms nid=0xzz runnable
                	at com.shop.A.b(A.java:1)
                """);

        Capture capture = Diagnose.read(broken);

        assertThat(capture.dumps().getFirst().threads())
                .extracting(DumpThread::name)
                .containsExactly("half", "second");
        assertThat(thread(capture.dumps().getFirst(), "second").cpuMillis()).isNull();
        assertThat(capture.skippedLines()).isEqualTo(2);
    }
}
