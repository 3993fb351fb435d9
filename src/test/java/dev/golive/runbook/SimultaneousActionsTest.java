package dev.golive.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** People acting on the same run at the same moment are put in order; the later ones are judged by what the first did. */
class SimultaneousActionsTest {
    private static final int PEOPLE = 6;

    @TempDir
    Path dir;

    @Test
    void aStepConfirmedByManyAtOnceIsConfirmedOnce() throws Exception {
        Harness h = Harness.of(dir, "order.yaml");
        String run = h.start("release", "staging", "alice");

        List<String> outcomes = all(i -> () -> {
            h.runbooks.confirm(run, "freeze", "person" + i, null);
            return "confirmed";
        });

        assertThat(outcomes).filteredOn("confirmed"::equals).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !o.equals("confirmed"))
                .containsOnly("step freeze cannot be confirmed now: it is done");
        long confirmations = h
                .store
                .journal()
                .list(dev.golive.store.JournalQuery.all().withRunId(run))
                .stream()
                .filter(e -> e.kind().equals("step.confirmed"))
                .count();
        assertThat(confirmations).isEqualTo(1);
    }

    @Test
    void startsInOneEnvironmentAtOnceLeaveOneRun() throws Exception {
        Harness h = Harness.of(dir, "order.yaml");

        List<String> outcomes = all(i -> () -> h.start("release", "staging", "person" + i));

        String run = h.runbooks.runId(null, "staging");
        assertThat(outcomes).filteredOn(run::equals).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !o.equals(run))
                .allSatisfy(
                        o -> assertThat(o).startsWith("runbook release is already running in staging as run " + run));
    }

    private interface Action {
        Callable<String> of(int person);
    }

    /** Runs the action as {@link #PEOPLE} people released at once; each gives its result or its refusal. */
    private static List<String> all(Action action) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(PEOPLE)) {
            for (int i = 0; i < PEOPLE; i++) {
                Callable<String> c = action.of(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        return c.call();
                    } catch (RunbookException e) {
                        return e.getMessage();
                    }
                }));
            }
            go.countDown();
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get());
            }
            return out;
        }
    }
}
