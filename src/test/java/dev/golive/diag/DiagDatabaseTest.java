package dev.golive.diag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.testsupport.ChildJvm;
import dev.golive.testsupport.PostgresServer;
import dev.golive.testsupport.PostgresServerExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Workers waiting for slow queries on a real PostgreSQL, through its JDBC driver. */
@ExtendWith(PostgresServerExtension.class)
class DiagDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void threadsWaitingOnTheDatabaseAreTheFirstFindingAndTheCauseOfTheirPoolsExhaustion(PostgresServer postgres) {
        try (ChildJvm jvm = DiagCaptureTest.started(SlowQueryApp.class, postgres.createDatabase())) {
            Path dumps = dir.resolve("dumps.txt");
            Jcmd.series(2, () -> Jcmd.threadPrint(jvm, dumps));

            Diagnosis d = Diagnose.files(List.of(dumps));

            Finding first = d.findings().getFirst();
            assertThat(first.kind()).isEqualTo(FindingKind.DATABASE_WAIT);
            assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(first.title())
                    .isEqualTo("3 threads waiting on the database (PostgreSQL): a socket read in the JDBC driver");
            assertThat(first.threads())
                    .containsExactlyInAnyOrder("report-worker-1", "report-worker-2", "report-worker-3");
            assertThat(first.evidence())
                    .anySatisfy(
                            l -> assertThat(l).startsWith("    3 × RUNNABLE at dev.golive.diag.SlowQueryApp.report("))
                    .anySatisfy(l -> assertThat(l).startsWith("    at org.postgresql."));
            Finding pool = d.findings(FindingKind.POOL_EXHAUSTED).getFirst();
            assertThat(pool.severity()).isEqualTo(Severity.WARNING);
            assertThat(pool.evidence()).contains("cause: " + first.title());
        }
    }
}
