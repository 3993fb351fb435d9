package dev.golive.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.testsupport.RudeServer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a load test's users run: on the event loop that owns their connections. */
class UserThreadsTest {
    @TempDir
    Path dir;

    @Test
    void aUserRunsOnTheEventLoopOfItsConnectionsAndWaitsWhileTheLoopIsBusy() throws Exception {
        try (RudeServer rude = RudeServer.start()) {
            Scenarios scenarios = new Scenarios(dir, rude.url(), """
                    browse:
                      steps:
                        - { get: /ok }
                    """);
            AtomicReference<ScenarioResult> result = new AtomicReference<>();
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch ran = new CountDownLatch(1);

            boolean waited = scenarios.runner(runner -> {
                try (UserThreads threads = runner.userThreads();
                        ScenarioRunner.User user = runner.user()) {
                    runner.loop(user).execute(() -> {
                        busy.countDown();
                        await(release, 60);
                    });
                    await(busy, 60);
                    threads.of(user).execute(() -> {
                        assertThat(Thread.currentThread().isVirtual()).isTrue();
                        result.set(user.run(scenarios.scenario("browse"), s -> {}));
                        ran.countDown();
                    });
                    // Scheduled on the loop, the user cannot run before the loop is free again.
                    boolean early = await(ran, 1);
                    release.countDown();
                    return !early && await(ran, 60);
                }
            });

            assertThat(waited).isTrue();
            assertThat(result.get().passed()).as(result.get().toString()).isTrue();
        }
    }

    @Test
    void withUsersOnTheLoopsEachCpuHasALoopOtherwiseTwoShareOne() {
        assertThat(UserThreads.onEventLoops()).isTrue();
        assertThat(ScenarioRunner.eventLoops(2, true)).isEqualTo(2);
        assertThat(ScenarioRunner.carriers(2, true)).isEqualTo(1);
        assertThat(ScenarioRunner.eventLoops(8, true)).isEqualTo(8);
        assertThat(ScenarioRunner.carriers(8, true)).isEqualTo(1);

        assertThat(ScenarioRunner.eventLoops(2, false)).isEqualTo(1);
        assertThat(ScenarioRunner.carriers(2, false)).isEqualTo(1);
        assertThat(ScenarioRunner.eventLoops(8, false)).isEqualTo(4);
        assertThat(ScenarioRunner.carriers(8, false)).isEqualTo(4);
        assertThat(ScenarioRunner.carriers(3, false)).isEqualTo(2);
        assertThat(ScenarioRunner.carriers(1, false)).isEqualTo(1);
    }

    private static boolean await(CountDownLatch latch, int seconds) {
        try {
            return latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
