package dev.golive.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.golive.testsupport.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real JVMs in trouble, captured with jcmd as an operator would, diagnosed: the cause each was
 * made with is the first finding.
 */
class DiagCaptureTest {
    @TempDir
    Path dir;

    @Test
    void aDeadlockOnMonitorsIsTheFirstFinding() {
        try (ChildJvm jvm = started(MonitorDeadlockApp.class)) {
            Path dumps = Jcmd.threadPrint(jvm, dir.resolve("dumps.txt"));

            Finding first = Diagnose.files(List.of(dumps)).findings().getFirst();

            assertThat(first.kind()).isEqualTo(FindingKind.DEADLOCK);
            assertThat(first.title())
                    .isEqualTo("Deadlock: \"transfer-a-to-b\" and \"transfer-b-to-a\" wait for each other's monitors");
            assertThat(first.locks())
                    .hasSize(2)
                    .allSatisfy(l -> assertThat(l).endsWith("(a dev.golive.diag.MonitorDeadlockApp$Account)"));
            assertThat(first.evidence())
                    .anySatisfy(l -> assertThat(l).startsWith("    at dev.golive.diag.MonitorDeadlockApp.transfer("))
                    .contains("The JVM reports this deadlock too (Found one Java-level deadlock).");
        }
    }

    @Test
    void aDeadlockOnReentrantLocksIsTheFirstFinding() {
        try (ChildJvm jvm = started(LockDeadlockApp.class)) {
            Path dumps = Jcmd.threadPrint(jvm, dir.resolve("dumps.txt"));

            Finding first = Diagnose.files(List.of(dumps)).findings().getFirst();

            assertThat(first.kind()).isEqualTo(FindingKind.DEADLOCK);
            assertThat(first.title())
                    .isEqualTo("Deadlock: \"settle-a-then-b\" and \"settle-b-then-a\" wait for each other's"
                            + " java.util.concurrent locks");
            assertThat(first.locks())
                    .allSatisfy(
                            l -> assertThat(l).endsWith("(a java.util.concurrent.locks.ReentrantLock$NonfairSync)"));
            assertThat(first.evidence())
                    .anySatisfy(l -> assertThat(l).startsWith("    at dev.golive.diag.LockDeadlockApp.settle("));
        }
    }

    @Test
    void aDeadlockIsFoundInTheJsonDumpOfJdk21AndLater() {
        try (ChildJvm jvm = started(MonitorDeadlockApp.class)) {
            Path json = Jcmd.jsonDump(jvm, dir.resolve("threads.json"));

            Diagnosis d = Diagnose.files(List.of(json));

            assertThat(d.captures().getFirst().dumps().getFirst().format()).isEqualTo("json");
            assertThat(d.captures().getFirst().dumps().getFirst().pid()).isEqualTo(jvm.pid());
            Finding first = d.findings().getFirst();
            assertThat(first.kind()).isEqualTo(FindingKind.DEADLOCK);
            assertThat(first.threads()).containsExactlyInAnyOrder("transfer-a-to-b", "transfer-b-to-a");
            assertThat(first.locks())
                    .allSatisfy(l -> assertThat(l).endsWith("(a dev.golive.diag.MonitorDeadlockApp$Account)"));
        }
    }

    @Test
    void manyThreadsBlockedOnOneMonitorAreTheFirstFinding() {
        try (ChildJvm jvm = started(ContentionApp.class)) {
            Path dumps = dir.resolve("dumps.txt");
            Jcmd.series(2, () -> Jcmd.threadPrint(jvm, dumps));

            Finding first = Diagnose.files(List.of(dumps)).findings().getFirst();

            assertThat(first.kind()).isEqualTo(FindingKind.LOCK_CONTENTION);
            assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(first.count()).isGreaterThanOrEqualTo(5);
            assertThat(first.title())
                    .matches("\\d threads blocked on <0x\\p{XDigit}+> \\(a dev.golive.diag.ContentionApp\\$Ledger\\)"
                            + " held by \"order-writer-\\d\"");
            assertThat(first.evidence())
                    .anySatisfy(l -> assertThat(l).matches(" {4}\\d × at dev.golive.diag.ContentionApp.write\\(.*"));
        }
    }

    @Test
    void aPoolWhoseWorkersAllWaitInASlowCallIsTheFirstFinding() {
        try (ChildJvm jvm = started(ExhaustedPoolApp.class)) {
            Path dumps = dir.resolve("dumps.txt");
            Jcmd.series(2, () -> Jcmd.threadPrint(jvm, dumps));

            Finding first = Diagnose.files(List.of(dumps)).findings().getFirst();

            assertThat(first.kind()).isEqualTo(FindingKind.POOL_EXHAUSTED);
            assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(first.title()).isEqualTo("Thread pool checkout-worker-* exhausted: all 4 threads busy");
            assertThat(first.seen()).contains("in 2 of 2 dumps");
            assertThat(first.evidence())
                    .anySatisfy(
                            l -> assertThat(l)
                                    .startsWith(
                                            "    4 × TIMED_WAITING (sleeping) at dev.golive.diag.ExhaustedPoolApp$SlowBackend.call("));
        }
    }

    @Test
    void aClassThatGrowsInEveryHistogramIsTheFirstFinding() {
        try (ChildJvm jvm = started(LeakApp.class)) {
            Path histograms = dir.resolve("histograms.txt");
            Jcmd.series(3, () -> Jcmd.histogram(jvm, histograms));

            Diagnosis d = Diagnose.files(List.of(histograms));

            assertThat(d.captures().getFirst().histograms())
                    .hasSize(3)
                    .allSatisfy(h -> assertThat(h.pid()).isEqualTo(jvm.pid()));
            Finding first = d.findings().getFirst();
            assertThat(first.kind()).isEqualTo(FindingKind.LEAK_SUSPECT);
            assertThat(first.title())
                    .startsWith(
                            "Leak suspect: dev.golive.diag.LeakApp$LeakedOrder grows in every one of 3 histograms, +")
                    .contains(" a minute");
            assertThat(first.classes()).first().isEqualTo("dev.golive.diag.LeakApp$LeakedOrder");
        }
    }

    static ChildJvm started(Class<?> app, String... arguments) {
        ChildJvm jvm = ChildJvm.start(app, arguments);
        await(app.getSimpleName() + " is ready to be captured")
                .atMost(Duration.ofSeconds(120))
                .until(() -> jvm.lines().contains("ready") || !jvm.isAlive());
        assertThat(jvm.lines())
                .as("%s output; stderr: %s", app.getSimpleName(), jvm.errors())
                .contains("ready");
        return jvm;
    }
}
