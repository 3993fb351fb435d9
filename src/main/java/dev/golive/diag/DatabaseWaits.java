package dev.golive.diag;

import java.util.List;
import java.util.Map;

/** Threads waiting on the database: a socket read at the top of the stack, under a JDBC driver's frames. */
final class DatabaseWaits {
    private static final String[] DRIVERS = {
        "org.postgresql.",
        "oracle.jdbc.",
        "com.mysql.",
        "org.mariadb.",
        "org.h2.",
        "com.microsoft.sqlserver.",
        "com.ibm.db2.",
        "net.sourceforge.jtds.",
        "org.hsqldb.",
        "org.apache.derby.",
        "com.zaxxer.hikari."
    };

    private DatabaseWaits() {}

    static void find(LockGraph graph, Claims claims, List<Candidate> out) {
        Map<String, List<DumpThread>> byDatabase = Groups.by(graph.dump().threads(), t -> {
            String found = Frames.database(t);
            return found == null || claims.in(t) != null ? null : found;
        });
        byDatabase.forEach((database, threads) -> {
            Candidate c = new Candidate(
                    database,
                    FindingKind.DATABASE_WAIT,
                    Severity.WARNING,
                    threads.size(),
                    Text.threads(threads.size()) + " waiting on the database (" + database
                            + "): a socket read in the JDBC driver",
                    graph.dump());
            Groups.where(threads, c, DRIVERS);
            c.evidence("\"" + threads.getFirst().name() + "\"").indented(stack(threads.getFirst()));
            threads.forEach(t -> claims.claim(t, c));
            out.add(c);
        });
    }

    /** From the socket read through the driver to the application's first frame. */
    private static List<String> stack(DumpThread t) {
        List<Frame> frames = t.frames();
        int caller = frames.indexOf(Frames.caller(t, DRIVERS));
        int end = Math.min(frames.size(), Math.max(caller + 1, 6));
        int start = Math.max(0, end - 12);
        return frames.subList(start, end).stream().map(f -> "at " + f).toList();
    }
}
