package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.golive.plan.Host;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostsTest {
    @TempDir
    Path dir;

    private Hosts hosts(int parallelism, Host... all) {
        Map<String, Host> byName = new LinkedHashMap<>();
        for (Host host : all) {
            byName.put(host.name(), host);
        }
        return new Hosts(byName, Settings.trusting(dir, dir).withParallelism(parallelism), OutputListener.NONE);
    }

    @Test
    void givesResultsInHostOrderAndTurnsAnExceptionIntoAFailedResult() {
        Host a = TestHosts.local("a");
        Host b = TestHosts.local("b");
        Host c = TestHosts.local("c");

        List<Result> results;
        try (Hosts hosts = hosts(20, a, b, c)) {
            results = hosts.each(List.of(c, a, b), target -> {
                if (target.host().name().equals("a")) {
                    throw new IllegalStateException("broken on purpose");
                }
                return target.run(Command.of("echo " + target.host().name()));
            });
        }

        assertThat(results).extracting(Result::host).containsExactly("c", "a", "b");
        assertThat(results.get(0).stdout()).isEqualTo("c\n");
        assertThat(results.get(1).failure()).isEqualTo("a (local): java.lang.IllegalStateException: broken on purpose");
        assertThat(results.get(2).stdout()).isEqualTo("b\n");
    }

    @Test
    void runsOnAtMostParallelismHostsAtOnce() {
        Host[] all = {
            TestHosts.local("a"), TestHosts.local("b"), TestHosts.local("c"), TestHosts.local("d"), TestHosts.local("e")
        };
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();

        List<Result> results;
        try (Hosts hosts = hosts(2, all)) {
            results = hosts.each(List.of(all), target -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                Result result = target.run(Command.of("sleep 0.2"));
                running.decrementAndGet();
                return result;
            });
        }

        assertThat(results).allMatch(Result::ok);
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void anUnknownHostNameListsTheHostsThereAre() {
        try (Hosts hosts = hosts(20, TestHosts.local("was1"), TestHosts.local("was2"))) {
            assertThatThrownBy(() -> hosts.target("was3"))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("no host 'was3' in this environment; its hosts are [was1, was2]");
        }
    }

    @Test
    void aFailedResultThrowsItsSummaryOnRequest() {
        Result failed = Result.failed("was2", "was2 (10.0.0.22:22): connection refused", Duration.ZERO);

        assertThatThrownBy(failed::orThrow)
                .isInstanceOf(TargetException.class)
                .hasMessage("was2 (10.0.0.22:22): connection refused");
    }
}
