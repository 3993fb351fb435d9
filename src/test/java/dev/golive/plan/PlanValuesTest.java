package dev.golive.plan;

import static dev.golive.plan.Fixtures.fixture;
import static dev.golive.plan.Fixtures.onlyProblem;
import static dev.golive.plan.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small value syntaxes: durations, percentages, rates, times, patterns, numbers, references. */
class PlanValuesTest {
    @Test
    void aLocalHostMayListenOnItsOwnLoopbackAddressAndSettingsNameTheirHost() {
        Plan plan = Fixtures.load("loopback-hosts.yaml");
        Environment env = plan.environment("rehearsal").orElseThrow();

        assertThat(env.hosts().get("app1").serviceAddress()).isEqualTo("127.0.0.2");
        assertThat(env.hosts().get("app2").serviceAddress()).isEqualTo("127.0.0.3");
        assertThat(env.instances("shop").stream()
                        .map(i -> i.service()
                                .forHost(i.host().name())
                                .setting("pidFile")
                                .orElseThrow())
                        .toList())
                .containsExactly("run/shop-app1.pid", "run/shop-app2.pid");
    }

    @Test
    void rejectsLoopbackOutsideTheLoopbackNetwork() {
        assertThat(onlyProblem("bad-loopback.yaml"))
                .isEqualTo(problem(
                        "bad-loopback.yaml",
                        6,
                        41,
                        "environments.rehearsal.hosts.app1.loopback",
                        "bad loopback address '10.0.0.2': expected one of 127.0.0.1 to 127.255.255.254, like"
                                + " 127.0.0.2"));
    }

    @Test
    void rejectsLoopbackOfAHostThatIsNotLocal() {
        assertThat(onlyProblem("loopback-not-local.yaml").message())
                .isEqualTo("loopback applies to a host with address: local");
    }

    @Test
    void rejectsBadDurationShowingTheUnits() {
        assertThat(onlyProblem("bad-duration.yaml"))
                .isEqualTo(problem(
                        "bad-duration.yaml",
                        12,
                        35,
                        "loadtests.peak.arrivals[0].over",
                        "bad duration '5 minutes': expected a number and a unit (ms, s, m, h, d), like 800ms, 30s, 5m"
                                + " or 1m30s"));
    }

    @Test
    void rejectsDurationTooLongToCount() {
        assertThat(onlyProblem("duration-too-long.yaml"))
                .isEqualTo(problem(
                        "duration-too-long.yaml",
                        12,
                        28,
                        "loadtests.peak.arrivals[0].for",
                        "bad duration '200000d1s': expected a number and a unit (ms, s, m, h, d), like 800ms, 30s, 5m"
                                + " or 1m30s"));
    }

    @Test
    void rejectsPercentageWithoutPercentSignAndDoesNotAlsoMisreportTheTotal() {
        assertThat(onlyProblem("bad-percentage.yaml"))
                .isEqualTo(problem(
                        "bad-percentage.yaml",
                        13,
                        19,
                        "loadtests.peak.mix.order",
                        "bad percentage '70': expected a number from 0 to 100 followed by %, like 0.1% or 70%"));
    }

    @Test
    void rejectsMixNotSummingToHundredPercent() {
        assertThat(onlyProblem("mix-not-100.yaml"))
                .isEqualTo(problem(
                        "mix-not-100.yaml",
                        13,
                        10,
                        "loadtests.peak.mix",
                        "the shares add up to 90%, they must add up to 100%"));
    }

    @Test
    void rejectsBadRate() {
        assertThat(onlyProblem("bad-rate.yaml"))
                .isEqualTo(problem(
                        "bad-rate.yaml",
                        17,
                        36,
                        "drills.one-was-down.load.rate",
                        "bad rate '50 per second': expected a number per time unit, like 300/s, 50/m or 1000/h"));
    }

    @Test
    void rejectsNegativeNumberOfUsers() {
        assertThat(onlyProblem("negative-users.yaml"))
                .isEqualTo(problem(
                        "negative-users.yaml",
                        12,
                        17,
                        "loadtests.endurance.users[0].ramp",
                        "bad number of users '-5': expected a whole number like 100"));
    }

    @Test
    void rejectsBadWindow() {
        assertThat(onlyProblem("bad-window.yaml"))
                .isEqualTo(problem(
                        "bad-window.yaml",
                        13,
                        13,
                        "loadtests.peak.window",
                        "bad window '01:00-25:00': expected two different times of day, like \"01:00-05:00\""));
    }

    @Test
    void rejectsBadPlannedStart() {
        assertThat(onlyProblem("bad-planned-start.yaml"))
                .isEqualTo(problem(
                        "bad-planned-start.yaml",
                        5,
                        27,
                        "runbooks.open-day.steps[0].at",
                        "bad planned start '04.12.2026 21:00': expected a local time like \"2026-12-04 21:00\", or an"
                                + " offset from the run's start like +30m"));
    }

    @Test
    void rejectsThinkRangeWithLongestFirst() {
        assertThat(onlyProblem("bad-think-time.yaml"))
                .isEqualTo(problem(
                        "bad-think-time.yaml",
                        6,
                        18,
                        "scenarios.browse.steps[1].think",
                        "bad think time '3s..1s': expected a duration like 2s, or a range like 1s..3s (shortest"
                                + " first)"));
    }

    @Test
    void rejectsBadRegexInExpectWithTheParsersReason() {
        assertThat(onlyProblem("bad-regex.yaml"))
                .isEqualTo(problem(
                        "bad-regex.yaml",
                        6,
                        39,
                        "scenarios.browse.steps[0].expect.regex",
                        "bad regular expression 'items\\[(0': Unclosed group"));
    }

    @Test
    void rejectsStatusCodeOutOfRange() {
        assertThat(onlyProblem("bad-status-code.yaml"))
                .isEqualTo(problem(
                        "bad-status-code.yaml",
                        5,
                        48,
                        "scenarios.browse.steps[0].expect.status",
                        "expected a number from 100 to 599, found 700"));
    }

    @Test
    void rejectsCheckExpectationComparingANonNumber() {
        assertThat(onlyProblem("bad-check-expectation.yaml"))
                .isEqualTo(problem(
                        "bad-check-expectation.yaml",
                        7,
                        87,
                        "checks[0].expect",
                        "bad expectation '>= ten thousand': >= compares numbers, but 'ten thousand' is not a number"));
    }

    @Test
    void rejectsCheckExpectationWithoutValueListingTheOperators() {
        assertThat(onlyProblem("check-expectation-without-value.yaml"))
                .isEqualTo(problem(
                        "check-expectation-without-value.yaml",
                        3,
                        51,
                        "checks[0].expect",
                        "bad expectation '>=': write an operator and a value, like '>= 10000', '== 0' or 'contains"
                                + " READY'; operators: [>=, <=, ==, !=, >, <, contains, matches]"));
    }

    @Test
    void rejectsPortOutOfRange() {
        assertThat(onlyProblem("port-out-of-range.yaml"))
                .isEqualTo(problem(
                        "port-out-of-range.yaml",
                        5,
                        41,
                        "environments.production.hosts.was1.port",
                        "expected a number from 1 to 65535, found 70000"));
    }

    @Test
    void rejectsUnsetEnvironmentVariableSuggestingADefault() {
        assertThat(onlyProblem("env-unset.yaml"))
                .isEqualTo(problem(
                        "env-unset.yaml",
                        5,
                        23,
                        "environments.production.hosts.db1.address",
                        "environment variable SHOP_DB_HOST is not set; set it, or give a default:"
                                + " ${env:SHOP_DB_HOST:-value}"));
    }

    @Test
    void rejectsBadEnvironmentVariableName() {
        assertThat(onlyProblem("bad-env-name.yaml"))
                .isEqualTo(problem(
                        "bad-env-name.yaml",
                        2,
                        8,
                        "store",
                        "bad env name 'STORE HOST' in ${env:STORE HOST}: use letters, digits, '_', '.' and '-'"));
    }

    @Test
    void substitutesEnvironmentVariablesAndDefaults() {
        Plan plan = new PlanLoader(Map.of("SHOP_DB_HOST", "10.0.1.31"), null).load(fixture("env-substitution.yaml"));

        Host db1 = plan.environments().get("production").hosts().get("db1");
        assertThat(db1.address()).isEqualTo("10.0.1.31");
        assertThat(db1.port()).isEqualTo(2222);
        assertThat(db1.user()).isEqualTo("deploy");
    }

    @Test
    void environmentVariableOverridesItsDefault() {
        Plan plan = new PlanLoader(Map.of("SHOP_DB_HOST", "db1.shop.internal", "SHOP_SSH_PORT", "2200"), null)
                .load(fixture("env-substitution.yaml"));

        Host db1 = plan.environments().get("production").hosts().get("db1");
        assertThat(db1.target()).isEqualTo("deploy@db1.shop.internal:2200");
    }

    @Test
    void rejectsBadSizeShowingTheUnits() {
        assertThat(onlyProblem("bad-size.yaml"))
                .isEqualTo(problem(
                        "bad-size.yaml",
                        5,
                        43,
                        "scenarios.browse.steps[0].expect.maxSize",
                        "bad size '2 MBs': expected a number of bytes, or a number and a unit (B, KB, MB, GB; 1 KB ="
                                + " 1024 bytes), like 512, 10KB or 2MB"));
    }

    @Test
    void rejectsMinSizeAboveMaxSize() {
        assertThat(onlyProblem("min-size-above-max.yaml"))
                .isEqualTo(problem(
                        "min-size-above-max.yaml",
                        6,
                        28,
                        "scenarios.browse.steps[0].expect.minSize",
                        "minSize (2097152 bytes) is above maxSize (524288 bytes): no body can pass"));
    }

    @Test
    void rejectsBadRegexOfAnExpectedHeaderWithTheParsersReason() {
        assertThat(onlyProblem("bad-header-regex.yaml"))
                .isEqualTo(problem(
                        "bad-header-regex.yaml",
                        7,
                        68,
                        "scenarios.browse.steps[0].expect.headers.X-Request-Id",
                        "bad regular expression '[0-9': Unclosed character class"));
    }

    @Test
    void rejectsServiceUrlWithoutTheServiceName() {
        assertThat(onlyProblem("bad-service-url.yaml"))
                .isEqualTo(problem(
                        "bad-service-url.yaml",
                        9,
                        16,
                        "scenarios.health.steps[0].get",
                        "bad service URL 'service:/health': expected service:NAME/path, like service:api/health,"
                                + " where NAME is an http service of the environment"));
    }
}
