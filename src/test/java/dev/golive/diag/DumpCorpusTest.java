package dev.golive.diag;

import static dev.golive.diag.DumpFiles.read;
import static dev.golive.diag.DumpFiles.thread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real dump of the corpus is read, with what each holds: dumps, threads, states, locks. */
class DumpCorpusTest {
    static List<Arguments> threadCounts() {
        return List.of(
                Arguments.of("jifa-jdk11-deadlock.txt", List.of(18)),
                Arguments.of("jifa-jdk18ea.txt", List.of(22)),
                Arguments.of("jstall-jdk26ea-busy-work-000.txt", List.of(25)),
                Arguments.of("jstall-jdk26ea-busy-work-001.txt", List.of(25)),
                Arguments.of("jstall-jdk26ea-busy-work-002.txt", List.of(25)),
                Arguments.of("jstall-jdk26ea-deadlock.txt", List.of(21)),
                Arguments.of("jstall-jdk26ea-normal-000.txt", List.of(21)),
                Arguments.of("jstall-jdk26ea-normal-001.txt", List.of(21)),
                Arguments.of("jstall-jdk26ea-normal-002.txt", List.of(21)),
                Arguments.of("samurai-jdk11-deadlock-3dumps.txt", List.of(21, 21, 21)),
                Arguments.of("samurai-jdk11-highcpu-3dumps.txt", List.of(27, 27, 27)),
                Arguments.of("samurai-jdk11-liberica-deadlock.txt", List.of(21)),
                Arguments.of("samurai-jdk17-blocked-3dumps.txt", List.of(30, 30, 30)),
                Arguments.of("samurai-jdk17-idle.txt", List.of(20, 20, 20)),
                Arguments.of("samurai-springboot-jdk17.txt", List.of(25)),
                Arguments.of("sjk-jdk8-160threads.txt", List.of(160)),
                Arguments.of("tda-jdk11.txt", List.of(14)),
                Arguments.of("tda-jdk21.txt", List.of(28)),
                Arguments.of("tda-jdk21-threads.json", List.of(8)),
                Arguments.of("tda-jdk5-histogram.txt", List.of(14)),
                Arguments.of("tda-jdk6-3dumps.txt", List.of(88, 86, 86)),
                Arguments.of("tda-jdk8.txt", List.of(21)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadCounts")
    void readsEveryDumpOfEveryFileWithItsThreads(String file, List<Integer> threads) {
        Capture capture = read(file);

        assertThat(capture.dumps()).extracting(d -> d.threads().size()).containsExactlyElementsOf(threads);
        assertThat(capture.dumps()).extracting(ThreadDump::index).startsWith(1);
        assertThat(capture.dumps()).allSatisfy(d -> assertThat(d.jvm()).isNotEmpty());
    }

    @Test
    void readsAJdk8DumpWithItsHeapSectionAndAnOddLockLine() {
        Capture capture = read("tda-jdk8.txt");
        ThreadDump dump = capture.dumps().getFirst();

        assertThat(dump.timestamp()).isEqualTo(LocalDateTime.of(2016, 7, 12, 14, 2, 38));
        assertThat(dump.jvm()).isEqualTo("OpenJDK 64-Bit Server VM (25.91-b14 mixed mode)");
        assertThat(dump.jniRefs()).isEqualTo(556);
        assertThat(capture.skippedLines())
                .as("the Heap section belongs to the dump")
                .isZero();
        assertThat(dump.states())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(ThreadState.RUNNABLE, 12, ThreadState.WAITING, 7, ThreadState.TIMED_WAITING, 2));
        DumpThread sleeper = thread(dump, "Thread-2");
        assertThat(sleeper.id()).isEqualTo(20L);
        assertThat(sleeper.nid()).isEqualTo(0x2a43L);
        assertThat(sleeper.daemon()).isFalse();
        assertThat(sleeper.stateText()).isEqualTo("TIMED_WAITING (sleeping)");
        assertThat(sleeper.frames())
                .extracting(Frame::toString)
                .containsExactly(
                        "java.lang.Thread.sleep(Native Method)",
                        "com.pironet.tda.utils.MemoryStatusUpdater.run(StatusBar.java:124)",
                        "java.lang.Thread.run(Thread.java:745)");
        assertThat(thread(dump, "Java2D Disposer").locks())
                .extracting(l -> l.kind(), l -> l.lock().toString(), LockLine::depth)
                .containsExactly(
                        tuple(
                                LockLine.Kind.WAITING_ON,
                                "<0x00000000d7338608> (a java.lang.ref.ReferenceQueue$Lock)",
                                0),
                        tuple(LockLine.Kind.LOCKED, "<0x00000000d7338608> (a java.lang.ref.ReferenceQueue$Lock)", 1));
        DumpThread vm = thread(dump, "VM Thread");
        assertThat(vm.internal()).isTrue();
        assertThat(vm.state()).isEqualTo(ThreadState.RUNNABLE);
    }

    @Test
    void readsCpuElapsedOsThreadIdsAndOwnableSynchronizersOfJdk21() {
        ThreadDump dump = read("tda-jdk21.txt").dumps().getFirst();
        DumpThread loop = thread(dump, "JPS event loop");

        assertThat(loop.id()).isEqualTo(21L);
        assertThat(loop.nid()).isEqualTo(32771L);
        assertThat(loop.cpuMillis()).isEqualTo(1244.00);
        assertThat(loop.elapsedSeconds()).isEqualTo(25573.97);
        assertThat(loop.frames().getFirst()).isEqualTo(new Frame("sun.nio.ch.KQueue.poll", "Native Method"));
        assertThat(loop.locks())
                .extracting(l -> l.kind(), l -> l.lock().className(), LockLine::depth)
                .containsExactly(
                        tuple(LockLine.Kind.LOCKED, "sun.nio.ch.Util$2", 2),
                        tuple(LockLine.Kind.LOCKED, "sun.nio.ch.KQueueSelectorImpl", 2));
        assertThat(loop.synchronizers())
                .containsExactly(new Lock(
                        "34b314548", "java.util.concurrent.locks.ReentrantLock$NonfairSync", "0x000000034b314548"));
        assertThat(dump.jniRefs()).isEqualTo(14);
        assertThat(read("tda-jdk21.txt").skippedLines())
                .as("Threads class SMR info is known")
                .isZero();
    }

    @Test
    void readsTheJvmsDeadlockSectionOnMonitorsAndOnOwnableSynchronizers() {
        ThreadDump monitors = read("jifa-jdk11-deadlock.txt").dumps().getFirst();
        ThreadDump synchronizers = read("jstall-jdk26ea-deadlock.txt").dumps().getFirst();

        assertThat(monitors.jvmDeadlocks())
                .singleElement()
                .satisfies(d -> assertThat(d.links())
                        .extracting(JvmDeadlock.Link::thread, l -> l.lock().address(), JvmDeadlock.Link::heldBy)
                        .containsExactly(
                                tuple("main", "0x000000070fe20f58", "Thread-0"),
                                tuple("Thread-0", "0x000000070fe20f48", "main")));
        assertThat(synchronizers.jvmDeadlocks())
                .singleElement()
                .satisfies(d -> assertThat(d.links())
                        .extracting(JvmDeadlock.Link::thread, l -> l.lock().toString(), JvmDeadlock.Link::heldBy)
                        .containsExactly(
                                tuple(
                                        "DeadlockThread-1",
                                        "<0x0000000cad01a128> (a java.util.concurrent.locks.ReentrantLock$NonfairSync)",
                                        "DeadlockThread-2"),
                                tuple(
                                        "DeadlockThread-2",
                                        "<0x0000000cad01a0f8> (a java.util.concurrent.locks.ReentrantLock$NonfairSync)",
                                        "DeadlockThread-1")));
        assertThat(monitors.threads())
                .as("the stacks under the deadlock section are not threads")
                .extracting(DumpThread::name)
                .doesNotHaveDuplicates();
        assertThat(thread(monitors, "Finalizer").locks())
                .extracting(LockLine::kind)
                .containsExactly(LockLine.Kind.WAITING_ON, LockLine.Kind.WAITING_TO_RELOCK);
    }

    @Test
    void readsSeveralDumpsOfOneFileInTheJmxFormatOfJdk6() {
        Capture capture = read("tda-jdk6-3dumps.txt");

        assertThat(capture.dumps())
                .extracting(ThreadDump::timestamp, ThreadDump::line)
                .containsExactly(
                        tuple(LocalDateTime.of(2007, 11, 6, 10, 30, 41), 2),
                        tuple(LocalDateTime.of(2007, 11, 6, 10, 30, 45), 879),
                        tuple(LocalDateTime.of(2007, 11, 6, 10, 30, 46), 1740));
        ThreadDump first = capture.dumps().getFirst();
        assertThat(first.jvm()).isEqualTo("Java HotSpot(TM) Client VM 1.6.0_03-b05");
        DumpThread rmi = thread(first, "RMI TCP Connection(23)-127.0.1.1");
        assertThat(rmi.id()).isEqualTo(3149L);
        assertThat(rmi.state()).isEqualTo(ThreadState.RUNNABLE);
        assertThat(rmi.synchronizers())
                .extracting(Lock::id, Lock::className)
                .containsExactly(tuple("166fba", "java.util.concurrent.locks.ReentrantLock$NonfairSync"));
        assertThat(thread(first, "Reference Handler").locks())
                .extracting(LockLine::kind, l -> l.lock().id())
                .containsExactly(tuple(LockLine.Kind.WAITING_ON, "1dea370"), tuple(LockLine.Kind.LOCKED, "1dea370"));
        assertThat(capture.skippedLines()).isZero();
    }

    @Test
    void readsVisualVmDumpsWithTheOwnersOfLocks() {
        ThreadDump dump = read("samurai-springboot-jdk17.txt").dumps().getFirst();

        DumpThread locked = thread(dump, "lockedThread");
        assertThat(locked.id()).isEqualTo(18L);
        assertThat(locked.state()).isEqualTo(ThreadState.BLOCKED);
        assertThat(locked.locks())
                .extracting(LockLine::kind, l -> l.lock().address(), LockLine::owner)
                .containsExactly(tuple(LockLine.Kind.WAITING_TO_LOCK, "5b7e9c8d", "lockingThread"));
        assertThat(locked.frames().getFirst().method())
                .as("app// and java.base@17/ prefixes are dropped")
                .isEqualTo("com.example.actuatordemo.ActuatorDemoApplication.lambda$main$1");
        assertThat(thread(dump, "Finalizer").id()).isNull();
        assertThat(thread(dump, "http-nio-8080-Acceptor").synchronizers())
                .extracting(Lock::address)
                .containsExactly("52c9308b");
    }

    @Test
    void readsTheProcessIdAndVersionLinesOfJcmdOutputFromJdk26() {
        Capture capture = read("jstall-jdk26ea-busy-work-000.txt");
        ThreadDump dump = capture.dumps().getFirst();

        assertThat(dump.pid()).isEqualTo(79395L);
        assertThat(dump.jvm()).isEqualTo("OpenJDK 64-Bit Server VM (26-ea+29-2803 mixed mode, sharing)");
        assertThat(capture.skippedLines()).as("the JDK version line").isEqualTo(1);
        assertThat(thread(dump, "WaiterThread").frames()).hasSize(6);
        assertThat(thread(dump, "BusyWorker-0").cpuMillis()).isEqualTo(192.32);
    }

    @Test
    void readsTheJsonDumpOfJdk21() {
        Capture capture = read("tda-jdk21-threads.json");
        ThreadDump dump = capture.dumps().getFirst();

        assertThat(dump.format()).isEqualTo("json");
        assertThat(dump.pid()).isEqualTo(3862L);
        assertThat(dump.jvm()).isEqualTo("Java 21.0.10+7-LTS");
        assertThat(dump.timestamp()).isEqualTo(LocalDateTime.parse("2026-01-25T15:46:04.439828"));
        assertThat(capture.lines()).isEqualTo(125);
        DumpThread finalizer = thread(dump, "Finalizer");
        assertThat(finalizer.id()).isEqualTo(10L);
        assertThat(finalizer.frames().getFirst()).isEqualTo(new Frame("java.lang.Object.wait0", "Native Method"));
        assertThat(finalizer.state()).as("inferred from the top frame").isEqualTo(ThreadState.WAITING);
        assertThat(thread(dump, "Signal Dispatcher").state()).isEqualTo(ThreadState.UNKNOWN);
    }
}
