package dev.golive.plan;

import static dev.golive.plan.Fixtures.failure;
import static dev.golive.plan.Fixtures.fixture;
import static dev.golive.plan.Fixtures.onlyProblem;
import static dev.golive.plan.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets: where they come from, when a secrets file is refused, and how they are masked. */
class PlanSecretsTest {
    @TempDir
    Path dir;

    private Path plan;
    private Path secrets;

    @BeforeEach
    void copyPlanBesideItsSecretsFile() throws IOException {
        plan = Files.copy(
                fixture("secrets-file.yaml"), dir.resolve("golive.yaml"), StandardCopyOption.REPLACE_EXISTING);
        secrets = dir.resolve("shop.secrets");
    }

    @Test
    void refusesSecretsFileOthersMayReadWithChmodHint() throws IOException {
        writeSecrets("rw-r--r--", "DB_PASSWORD=pg-Pr0d-s3cret\n");

        assertThat(failure(new PlanLoader(Map.of(), null), plan).problems())
                .containsExactly(
                        problem(
                                plan,
                                3,
                                10,
                                "secrets",
                                "secrets file " + secrets + " may be read by others (rw-r--r--); make it private with:"
                                        + " chmod 600 " + secrets),
                        problem(
                                plan,
                                7,
                                88,
                                "environments.production.services.db.password",
                                "secret DB_PASSWORD is not set: put DB_PASSWORD=... in the secrets file, or set the"
                                        + " environment variable DB_PASSWORD"));
    }

    @Test
    void refusesSecretsFileGivenOnTheCommandLineOthersMayRead() throws IOException {
        writeSecrets("rw-rw----", "DB_PASSWORD=pg-Pr0d-s3cret\n");
        Path withoutSecretsKey = fixture("secret-missing.yaml");

        assertThat(failure(new PlanLoader(Map.of(), secrets), withoutSecretsKey).problems())
                .first()
                .isEqualTo(problem(
                        withoutSecretsKey,
                        1,
                        1,
                        "secrets",
                        "secrets file " + secrets + " may be read by others (rw-rw----); make it private with: chmod"
                                + " 600 " + secrets));
    }

    @Test
    void readsPrivateSecretsFileNamedByThePlan() throws IOException {
        writeSecrets("rw-------", "# the database\nDB_PASSWORD = pg-Pr0d-s3cret\n");

        Plan loaded = new PlanLoader(Map.of(), null).load(plan);

        assertThat(db(loaded).setting("password")).hasValue("pg-Pr0d-s3cret");
        assertThat(loaded.secrets().count()).isEqualTo(1);
    }

    @Test
    void secretsFileGivenOnTheCommandLineWinsOverThePlans() throws IOException {
        writeSecrets("rw-------", "DB_PASSWORD=from-the-plans-file\n");
        Path given = Files.writeString(dir.resolve("given.secrets"), "DB_PASSWORD=from-the-command-line\n");
        Files.setPosixFilePermissions(given, PosixFilePermissions.fromString("rw-------"));

        Plan loaded = new PlanLoader(Map.of(), given).load(plan);

        assertThat(db(loaded).setting("password")).hasValue("from-the-command-line");
    }

    @Test
    void rejectsMissingSecretNamingBothPlacesToPutIt() {
        assertThat(onlyProblem("secret-missing.yaml"))
                .isEqualTo(problem(
                        "secret-missing.yaml",
                        5,
                        88,
                        "environments.production.services.db.password",
                        "secret DB_PASSWORD is not set: put DB_PASSWORD=... in the secrets file, or set the environment"
                                + " variable DB_PASSWORD"));
    }

    @Test
    void lenientLoaderListsMissingSecretsAndMasksThem() {
        Path file = fixture("secret-missing.yaml");

        Plan loaded = new PlanLoader(Map.of(), null).allowingMissingSecrets().load(file);

        assertThat(loaded.secrets().missing())
                .containsExactly(
                        file + ":5:88: environments.production.services.db.password: secret DB_PASSWORD is not set");
        assertThat(db(loaded).setting("password")).hasValue(Secrets.MASK);
    }

    @Test
    void lenientLoaderStillRejectsOtherProblems() {
        PlanLoader lenient = new PlanLoader(Map.of(), null).allowingMissingSecrets();

        assertThat(failure(lenient, fixture("env-unset.yaml")).problems())
                .extracting(Problem::path)
                .containsExactly("environments.production.hosts.db1.address");
    }

    @Test
    void masksSecretValuesWhereverTheyAppear() {
        Plan loaded =
                new PlanLoader(Map.of("DB_PASSWORD", "pg-Pr0d-s3cret"), null).load(fixture("secret-missing.yaml"));

        assertThat(loaded.secrets().mask("login failed for shop with pg-Pr0d-s3cret (pg-Pr0d-s3cret)"))
                .isEqualTo("login failed for shop with **** (****)");
    }

    @Test
    void masksPasswordsInJdbcUrlsAndUserInfo() {
        Secrets none = Secrets.none();

        assertThat(none.mask("jdbc:postgresql://10.0.1.31/shop?user=shop&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://10.0.1.31/shop?user=shop&password=****&ssl=true");
        assertThat(none.mask("jdbc:sqlserver://db1;user=shop;PWD=hunter2;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db1;user=shop;PWD=****;encrypt=true");
        assertThat(none.mask("fetching https://ops:hunter2@shop.example/health"))
                .isEqualTo("fetching https://ops:****@shop.example/health");
        assertThat(none.mask("https://shop.example/shop/")).isEqualTo("https://shop.example/shop/");
    }

    @Test
    void masksASecretContainingAnotherWhole() {
        Plan loaded = new PlanLoader(Map.of("DB_PASSWORD", "pg-Pr0d-s3cret", "STG_DB_PASSWORD", "pg"), null)
                .load(Fixtures.SHOP);

        assertThat(loaded.secrets().count()).isEqualTo(2);
        assertThat(loaded.secrets().mask("tried pg-Pr0d-s3cret, then pg")).isEqualTo("tried ****, then ****");
    }

    private void writeSecrets(String permissions, String text) throws IOException {
        Files.writeString(secrets, text);
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString(permissions));
    }

    private static Service db(Plan plan) {
        return plan.environments().get("production").services().get("db");
    }
}
