package dev.golive.diag;

import java.util.List;
import java.util.Map;

/** Threads waiting for a database connection in a connection pool (HikariCP, DBCP, Tomcat JDBC, c3p0, UCP). */
final class ConnectionWaits {
    private static final String[] POOLS = {
        "com.zaxxer.hikari.",
        "org.apache.commons.pool",
        "org.apache.commons.dbcp",
        "org.apache.tomcat.jdbc.",
        "com.mchange.",
        "oracle.ucp."
    };

    private ConnectionWaits() {}

    static void find(LockGraph graph, Claims claims, List<Candidate> out) {
        Map<String, List<DumpThread>> byPool = Groups.by(graph.dump().threads(), t -> {
            String found = Frames.connectionPool(t);
            return found == null || claims.in(t) != null ? null : found;
        });
        byPool.forEach((pool, threads) -> {
            Candidate c = new Candidate(
                    pool,
                    FindingKind.CONNECTION_POOL_WAIT,
                    Severity.WARNING,
                    threads.size(),
                    Text.threads(threads.size()) + " waiting for a connection from the " + pool
                            + " pool: it is too small or connections are held too long",
                    graph.dump());
            Groups.where(threads, c, POOLS);
            c.evidence("\"" + threads.getFirst().name() + "\"").indented(Frames.evidence(threads.getFirst(), 8));
            threads.forEach(t -> claims.claim(t, c));
            out.add(c);
        });
    }
}
