package dev.golive.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store is built aside and moved into place, so a killed creation breaks nothing. */
class StoreCreationTest {
    @TempDir
    Path dir;

    @Test
    void halfBuiltStoreOfAKilledGoliveIsIgnoredAndRemoved() throws Exception {
        Path golive = Files.createDirectories(dir.resolve(".golive"));
        long deadPid = deadProcess();
        // What a golive killed in the middle of the schema script leaves: some tables, no history.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + golive.resolve("store-new-" + deadPid));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE runs (id VARCHAR(40) PRIMARY KEY)");
        }

        Store store = Store.open(null, dir, UnaryOperator.identity());
        long seq = store.journal().append(null, "note", "after the crash", "alice", null);

        assertThat(seq).isPositive();
        assertThat(golive.resolve("store.mv.db")).exists();
        assertThat(golive.resolve("store-new-" + deadPid + ".mv.db")).doesNotExist();
    }

    @Test
    void creatingLeavesOnlyTheStore() throws Exception {
        Store.open(null, dir, UnaryOperator.identity()).journal().append(null, "note", "first", "alice", null);

        try (var files = Files.list(dir.resolve(".golive"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".mv.db")))
                    .containsExactly("store.mv.db");
        }
    }

    private static long deadProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
