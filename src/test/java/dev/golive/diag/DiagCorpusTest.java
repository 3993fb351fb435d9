package dev.golive.diag;

import static dev.golive.diag.DumpFiles.corpus;
import static dev.golive.diag.DumpFiles.diagnose;
import static dev.golive.diag.DumpFiles.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the analysis finds in the real dumps of the corpus, and in made-up lock graphs. */
class DiagCorpusTest {
    @Test
    void findsTheMonitorDeadlockOfEachDumpAndTheThreadStuckBehindIt() {
        Diagnosis d = diagnose("samurai-jdk11-deadlock-3dumps.txt");

        Finding first = d.findings().getFirst();
        assertThat(first.kind()).isEqualTo(FindingKind.DEADLOCK);
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.title())
                .isEqualTo("Deadlock: \"DeadLockThread1\" and \"DeadLockThread2\" wait for each other's monitors");
        assertThat(first.threads()).containsExactly("DeadLockThread1", "DeadLockThread2");
        assertThat(first.locks())
                .containsExactly(
                        "<0x000000061fcc9b90> (a java.lang.Object)", "<0x000000061fcc9b80> (a java.lang.Object)");
        assertThat(first.seen())
                .endsWith(
                        "samurai-jdk11-deadlock-3dumps.txt: in 3 of 3 dumps" + " (from 2021-09-15 17:33:34, over 2 s)");
        assertThat(first.evidence())
                .contains(
                        "\"DeadLockThread1\" BLOCKED (on object monitor) waits for <0x000000061fcc9b90>"
                                + " (a java.lang.Object) held by \"DeadLockThread2\"",
                        "    at samurai.core.DeadLockingThread.run(DeadLockingThreads.java:57)",
                        "also stuck behind it: \"DeadLockThread3\" BLOCKED (on object monitor) waits for"
                                + " <0x000000061fcc9b90> (a java.lang.Object) held by \"DeadLockThread2\"",
                        "The JVM reports this deadlock too (Found one Java-level deadlock).");
        assertThat(d.findings()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jifa-jdk11-deadlock.txt", "samurai-jdk11-liberica-deadlock.txt"})
    void findsTheDeadlockOfASingleDump(String file) {
        Finding first = diagnose(file).findings().getFirst();

        assertThat(first.kind()).isEqualTo(FindingKind.DEADLOCK);
        assertThat(first.count()).isEqualTo(2);
        assertThat(first.title()).endsWith("wait for each other's monitors");
    }

    @Test
    void findsADeadlockOnReentrantLocksThroughTheJvmsSectionWhenTheDumpHasNoOwnableSynchronizers() {
        Finding first = diagnose("jstall-jdk26ea-deadlock.txt").findings().getFirst();

        assertThat(first.title())
                .isEqualTo("Deadlock: \"DeadlockThread-1\" and \"DeadlockThread-2\" wait for each other's"
                        + " java.util.concurrent locks");
        assertThat(first.locks())
                .containsExactly(
                        "<0x0000000cad01a128> (a java.util.concurrent.locks.ReentrantLock$NonfairSync)",
                        "<0x0000000cad01a0f8> (a java.util.concurrent.locks.ReentrantLock$NonfairSync)");
        assertThat(first.evidence())
                .contains("    at me.bechberger.jstall.testapp.DeadlockTestApp.lambda$runDeadlockScenario$0"
                        + "(DeadlockTestApp.java:47)");
    }

    @Test
    void findsADeadlockOfMonitorsAndReentrantLocksFromTheLockGraphAlone() {
        Diagnosis d = diagnose(List.of(fixture("lock-graph.txt")));

        Finding deadlock = d.findings().getFirst();
        assertThat(deadlock.title())
                .isEqualTo("Deadlock of 3 threads on monitors and java.util.concurrent locks:"
                        + " \"order-1\" → \"order-2\" → \"order-3\" → \"order-1\"");
        assertThat(deadlock.locks())
                .containsExactly(
                        "<0x00000000c0000002> (a java.util.concurrent.locks.ReentrantLock$NonfairSync)",
                        "<0x00000000c0000003> (a com.shop.Inventory)",
                        "<0x00000000c0000001> (a com.shop.Ledger)");
        assertThat(deadlock.evidence())
                .contains("also stuck behind it: \"order-4\" BLOCKED (on object monitor) waits for"
                        + " <0x00000000c0000003> (a com.shop.Inventory) held by \"order-3\"")
                .noneMatch(line -> line.contains("JVM reports"));
    }

    @Test
    void followsAChainOfBlockedThreadsToTheOneThatRuns() {
        Finding chain = diagnose(List.of(fixture("lock-graph.txt")))
                .findings(FindingKind.LOCK_CONTENTION)
                .getFirst();

        assertThat(chain.title())
                .isEqualTo("1 thread blocked on <0x00000000c0000005> (a com.shop.ReportCache) held by \"report-2\"");
        assertThat(chain.threads()).containsExactly("report-2", "report-3", "report-1");
        assertThat(chain.evidence())
                .containsSubsequence(
                        "holder \"report-2\" BLOCKED (on object monitor)",
                        "    at com.shop.Reports.render(Reports.java:44)",
                        "which waits for <0x00000000c0000006> (a com.shop.Template) held by \"report-3\" RUNNABLE",
                        "    at com.shop.Template.compile(Template.java:210)",
                        "waiting: \"report-1\"");
    }

    @Test
    void findsTheLockNineThreadsAreBlockedOnWhileItsHolderSleeps() {
        Diagnosis d = diagnose("samurai-jdk17-blocked-3dumps.txt");

        Finding first = d.findings().getFirst();
        assertThat(first.kind()).isEqualTo(FindingKind.LOCK_CONTENTION);
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.count()).isEqualTo(9);
        assertThat(first.title())
                .isEqualTo("9 threads blocked on <0x000000061fe28968> (a [Ljava.lang.String;) held by \"Thread-2\"");
        assertThat(first.threads()).first().isEqualTo("Thread-2");
        assertThat(first.evidence())
                .contains(
                        "holder \"Thread-2\" TIMED_WAITING (sleeping)",
                        "    at java.lang.Thread.sleep(Native Method)",
                        "    9 × at samurai.core.AThread.run(BlockerExample.java:38)");
        assertThat(first.seen()).contains("in 3 of 3 dumps");
        assertThat(d.findings(FindingKind.STUCK))
                .as("the blocked threads are explained already")
                .isEmpty();
    }

    @Test
    void findsTheDeadlockAndTheBlockedThreadOfAVisualVmDump() {
        Diagnosis d = diagnose("samurai-springboot-jdk17.txt");

        assertThat(d.findings())
                .extracting(Finding::kind)
                .containsExactly(FindingKind.DEADLOCK, FindingKind.LOCK_CONTENTION, FindingKind.THREAD_POOLS);
        assertThat(d.findings().getFirst().threads()).containsExactly("deadLock1", "deadLock2");
        assertThat(d.findings().get(1).title())
                .isEqualTo("1 thread blocked on <5b7e9c8d> (a java.lang.Object) held by \"lockingThread\"");
        assertThat(d.findings().get(2).evidence())
                .containsExactly(
                        "RMI TCP Connection(idle): 3 threads, 0 busy, 3 idle",
                        "Catalina-utility-*: 2 threads, 0 busy, 2 idle",
                        "http-nio-8080-exec-*: 2 threads, 1 busy, 1 idle");
    }

    @Test
    void findsTheHotThreadFromTheGrowthOfItsCpuTimeAcrossDumps() {
        Finding first = diagnose("samurai-jdk11-highcpu-3dumps.txt").findings().getFirst();

        assertThat(first.kind()).isEqualTo(FindingKind.CPU_HOT);
        assertThat(first.severity()).isEqualTo(Severity.WARNING);
        assertThat(first.title()).isEqualTo("\"high-cpu\" used 98% of a CPU between the first and the last dump");
        assertThat(first.evidence())
                .containsExactly(
                        "\"high-cpu\" 98% RUNNABLE nid=40195",
                        "    at one.cafebabe.samurai.core.example.HighCPUExample$1.run(HighCPUExample.java:11)",
                        "    in the same frame in all 3 dumps");
    }

    @Test
    void readsDumpsOfOneProcessInSeveralFilesAsOneSeries() {
        Diagnosis d = diagnose(
                "jstall-jdk26ea-busy-work-002.txt",
                "jstall-jdk26ea-busy-work-000.txt",
                "jstall-jdk26ea-busy-work-001.txt");

        Finding first = d.findings().getFirst();
        assertThat(first.kind()).isEqualTo(FindingKind.CPU_HOT);
        assertThat(first.title())
                .isEqualTo("3 threads used 10% or more of a CPU between the first and the last dump:"
                        + " \"BusyWorker-0\" 14%, \"BusyWorker-1\" 14%, \"BusyWorker-2\" 14%");
        assertThat(first.threads()).containsExactly("BusyWorker-0", "BusyWorker-1", "BusyWorker-2");
        assertThat(first.seen()).startsWith("in 3 of 3 dumps: ").endsWith("(from 2026-03-06 19:31:33, over 3 s)");
    }

    @Test
    void joinsTheCpuOfTopToTheThreadsByTheirOsThreadId() {
        Diagnosis d = diagnose(List.of(corpus("samurai-jdk11-highcpu-3dumps.txt"), fixture("top-threads.txt")));

        Finding first = d.findings().getFirst();
        assertThat(first.title())
                .isEqualTo("2 threads used 10% or more of a CPU as top -H measured it at 21:11:02:"
                        + " \"high-cpu\" 99%, \"GC Thread#0\" 13%");
        assertThat(first.evidence()).contains("\"GC Thread#0\" 13% RUNNABLE nid=20483");
    }

    @Test
    void readsThreadCpuAsPairsOfOsThreadIdAndPercent() {
        Diagnosis d = diagnose(List.of(corpus("samurai-jdk11-highcpu-3dumps.txt"), fixture("nid-cpu.txt")));

        assertThat(d.captures().get(1).cpu())
                .singleElement()
                .satisfies(cpu -> assertThat(cpu.percentByNid())
                        .containsEntry(0x9d03L, 61.5)
                        .containsEntry(0x9a03L, 0.5));
        assertThat(d.findings().getFirst().title()).isEqualTo("\"high-cpu\" used 62% of a CPU as top -H measured it");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tda-jdk8.txt",
                "tda-jdk11.txt",
                "tda-jdk21.txt",
                "tda-jdk21-threads.json",
                "jifa-jdk18ea.txt",
                "samurai-jdk17-idle.txt",
                "tda-jdk5-histogram.txt"
            })
    void findsNothingWrongInAQuietJvm(String file) {
        assertThat(diagnose(file).findings())
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void findsNothingWrongInThreeDumpsOfAQuietJvmTakenInTheSameSecond() {
        assertThat(diagnose(
                                "jstall-jdk26ea-normal-001.txt",
                                "jstall-jdk26ea-normal-000.txt",
                                "jstall-jdk26ea-normal-002.txt")
                        .findings())
                .isEmpty();
    }

    @Test
    void groupsIdenticalStacksAndLeavesOutWorkersWaitingForWork() {
        Diagnosis d = diagnose("sjk-jdk8-160threads.txt");

        assertThat(d.findings(FindingKind.HOT_STACK)).extracting(Finding::count).containsExactly(16, 4, 4);
        assertThat(d.findings(FindingKind.HOT_STACK).getFirst().title())
                .isEqualTo("16 threads with the same stack, WAITING (parking) at"
                        + " com.hazelcast.internal.util.collection.MPSCQueue.takeAll(MPSCQueue.java:209)");
        assertThat(d.findings(FindingKind.THREAD_POOLS).getFirst().evidence())
                .contains("hz._hzInstance_1_dev.cached.thread-*: 6 threads, 1 busy, 5 idle");
        assertThat(d.findings()).noneMatch(f -> f.severity() != Severity.INFO);
    }

    @Test
    void readsThreeJdk6DumpsAsOneSeries() {
        Diagnosis d = diagnose("tda-jdk6-3dumps.txt");

        Finding stacks = d.findings(FindingKind.HOT_STACK).getFirst();
        assertThat(stacks.count()).isEqualTo(52);
        assertThat(stacks.seen()).contains("in 3 of 3 dumps");
    }

    @Test
    void threadsWaitingForAPooledConnectionAreTheCauseOfTheirPoolsExhaustion() {
        Diagnosis d = diagnose(List.of(fixture("hikari-wait.txt")));

        Finding first = d.findings().getFirst();
        assertThat(first.kind()).isEqualTo(FindingKind.CONNECTION_POOL_WAIT);
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.title())
                .isEqualTo("5 threads waiting for a connection from the HikariCP pool: it is too small or connections"
                        + " are held too long");
        assertThat(first.evidence())
                .contains("    5 × TIMED_WAITING (parking) at com.shop.OrderDao.find(OrderDao.java:31)");
        Finding pool = d.findings().get(1);
        assertThat(pool.kind()).isEqualTo(FindingKind.POOL_EXHAUSTED);
        assertThat(pool.severity()).isEqualTo(Severity.WARNING);
        assertThat(pool.title()).isEqualTo("Thread pool http-nio-8080-exec-* exhausted: all 5 threads busy");
        assertThat(pool.evidence()).contains("cause: " + first.title());
    }

    @Test
    void findsAThreadRunnableInTheSameFramesInEveryDumpButNotOneWaitingOnASelector() {
        Diagnosis d = diagnose(List.of(fixture("stuck-3dumps.txt")));

        assertThat(d.findings()).singleElement().satisfies(stuck -> {
            assertThat(stuck.kind()).isEqualTo(FindingKind.STUCK);
            assertThat(stuck.title())
                    .isEqualTo("\"export-1\" RUNNABLE in the same frames in all 3 dumps,"
                            + " at java.io.FileOutputStream.writeBytes(Native Method)");
            assertThat(stuck.evidence()).contains("    at com.shop.Export.flush(Export.java:88)");
            assertThat(stuck.seen()).endsWith("in 3 of 3 dumps (from 2026-11-20 03:10:00, over 10 s)");
        });
    }
}
