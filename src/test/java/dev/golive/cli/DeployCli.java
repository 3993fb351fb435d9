package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.testsupport.DeployFixture;
import java.util.ArrayList;
import java.util.List;

/** golive's command line on a deploy fixture's plan, for the deploy tests. */
final class DeployCli {
    private DeployCli() {}

    static CliRun golive(DeployFixture fixture, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-f", fixture.plan().toString()));
        return CliRun.of(fixture.env(), all.toArray(String[]::new));
    }

    /** Builds a good WAR of each version and adds it to the release store. */
    static void addReleases(DeployFixture fixture, String... versions) throws Exception {
        for (String version : versions) {
            CliRun added = golive(
                    fixture, "release", "add", fixture.buildWar(version, true).toString(), "--version", version);
            assertThat(added.code()).as(added.out() + added.err()).isZero();
        }
    }
}
