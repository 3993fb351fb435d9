package dev.golive.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a stack shows a thread doing, read from well-known frames of the JDK and common libraries. */
final class Frames {
    /** Frames of a pool worker waiting for its next task. */
    private static final Set<String> IDLE = Set.of(
            "java.util.concurrent.ThreadPoolExecutor.getTask",
            "org.apache.tomcat.util.threads.ThreadPoolExecutor.getTask",
            "java.util.concurrent.ForkJoinPool.awaitWork",
            "org.eclipse.jetty.util.thread.QueuedThreadPool.idleJobPoll",
            "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.idleJobPoll",
            "org.eclipse.jetty.util.thread.ReservedThreadExecutor$ReservedThread.reservedWait",
            "weblogic.work.ExecuteThread.waitForRequest");

    /** Top frames of a thread that is RUNNABLE but waits for the network, a selector, a signal or the like. */
    private static final Set<String> AT_REST = Set.of(
            "java.net.SocketInputStream.socketRead0",
            "sun.nio.ch.SocketDispatcher.read0",
            "sun.nio.ch.Net.poll",
            "sun.nio.ch.Net.accept",
            "java.net.PlainSocketImpl.socketAccept",
            "java.net.DualStackPlainSocketImpl.accept0",
            "sun.nio.ch.ServerSocketChannelImpl.accept0",
            "sun.nio.ch.EPoll.wait",
            "sun.nio.ch.EPoll.epollWait",
            "sun.nio.ch.EPollArrayWrapper.epollWait",
            "sun.nio.ch.KQueue.poll",
            "sun.nio.ch.KQueue.keventPoll",
            "sun.nio.ch.KQueueArrayWrapper.kevent0",
            "sun.nio.ch.WindowsSelectorImpl$SubSelector.poll0",
            "sun.nio.ch.PollArrayWrapper.poll0",
            "io.netty.channel.epoll.Native.epollWait",
            "io.netty.channel.epoll.Native.epollWait0",
            "io.netty.channel.kqueue.Native.keventWait",
            "java.io.FileInputStream.readBytes",
            "java.io.FileInputStream.read0",
            "java.lang.ref.Reference.waitForReferencePendingList",
            "java.lang.VirtualThread.takeVirtualThreadListToUnblock",
            "sun.awt.X11.XToolkit.waitForEvents",
            "java.lang.ProcessHandleImpl.waitForProcessExit0",
            "java.lang.UNIXProcess.waitForProcessExit",
            "sun.nio.fs.LinuxWatchService.poll",
            "sun.management.ThreadImpl.dumpThreads0",
            "jdk.internal.vm.ThreadSnapshot.create");

    /** Frames at the bottom of a pool's worker threads. */
    private static final List<String> WORKER = List.of(
            "ThreadPoolExecutor.runWorker",
            "ThreadPoolExecutor$Worker.run",
            "ForkJoinWorkerThread.run",
            "QueuedThreadPool$Runner.run",
            "QueuedThreadPool.runJob",
            "EnhancedQueueExecutor$ThreadBody.run",
            "weblogic.work.ExecuteThread.run",
            "ThreadPool$Worker.run");

    private static final Map<String, String> DRIVERS = Map.of(
            "org.postgresql.", "PostgreSQL",
            "oracle.jdbc.", "Oracle",
            "com.mysql.", "MySQL",
            "org.mariadb.jdbc.", "MariaDB",
            "org.h2.", "H2",
            "com.microsoft.sqlserver.", "SQL Server",
            "com.ibm.db2.", "Db2",
            "net.sourceforge.jtds.", "jTDS",
            "org.hsqldb.", "HSQLDB",
            "org.apache.derby.", "Derby");

    private static final Map<String, String> CONNECTION_POOLS = Map.of(
            "com.zaxxer.hikari.pool.HikariPool.getConnection", "HikariCP",
            "org.apache.commons.pool2.impl.GenericObjectPool.borrowObject", "DBCP (commons-pool)",
            "org.apache.commons.pool.impl.GenericObjectPool.borrowObject", "DBCP (commons-pool)",
            "org.apache.tomcat.jdbc.pool.ConnectionPool.borrowConnection", "Tomcat JDBC pool",
            "com.mchange.v2.resourcepool.BasicResourcePool.awaitAvailable", "c3p0",
            "oracle.ucp.common.UniversalConnectionPoolImpl.borrowConnection", "Oracle UCP");

    private static final int IDLE_DEPTH = 16;
    private static final int WORKER_DEPTH = 8;

    private Frames() {}

    /**
     * A pool worker waiting for its next task, or a thread waiting on a queue of the JDK for work
     * (but not a connection pool's queue: that thread waits for a connection, not for work).
     */
    static boolean idle(DumpThread t) {
        List<Frame> frames = t.frames();
        boolean waiting = t.state() == ThreadState.WAITING || t.state() == ThreadState.TIMED_WAITING;
        boolean jdk = true;
        boolean queued = false;
        for (int i = 0; i < Math.min(IDLE_DEPTH, frames.size()); i++) {
            Frame f = frames.get(i);
            if (IDLE.contains(f.method())) {
                return true;
            }
            jdk &= f.inJdk();
            queued |= waiting && jdk && queueTake(f.method());
        }
        return queued && connectionPool(t) == null;
    }

    /** {@code LinkedBlockingQueue.take}, {@code SynchronousQueue.poll} and the like. */
    private static boolean queueTake(String method) {
        return method.startsWith("java.util.concurrent.")
                && (method.endsWith(".take")
                        || method.endsWith(".poll")
                        || method.endsWith(".takeFirst")
                        || method.endsWith(".pollFirst")
                        || method.endsWith(".takeLast")
                        || method.endsWith(".pollLast"));
    }

    /** RUNNABLE in a frame that waits for something outside the JVM: the network, a selector, a signal. */
    static boolean atRest(DumpThread t) {
        return t.top() != null && AT_REST.contains(t.top().method());
    }

    /** Runs in a thread pool: an executor's, a ForkJoinPool's or an application server's worker. */
    static boolean worker(DumpThread t) {
        List<Frame> frames = t.frames();
        for (int i = frames.size() - 1; i >= Math.max(0, frames.size() - WORKER_DEPTH); i--) {
            String method = frames.get(i).method();
            for (String w : WORKER) {
                if (method.endsWith(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The database a thread waits for in a socket read under its JDBC driver, or null. */
    static String database(DumpThread t) {
        boolean read = false;
        for (Frame f : t.frames()) {
            if (!f.inJdk()) {
                return read ? driver(f.method()) : null;
            }
            read |= socketRead(f.method());
        }
        return null;
    }

    private static String driver(String method) {
        for (Map.Entry<String, String> driver : DRIVERS.entrySet()) {
            if (method.startsWith(driver.getKey())) {
                return driver.getValue();
            }
        }
        return null;
    }

    private static boolean socketRead(String method) {
        return method.contains("socketRead")
                || method.startsWith("sun.nio.ch.NioSocketImpl.")
                || method.startsWith("java.net.SocketInputStream.")
                || method.startsWith("java.net.Socket$SocketInputStream.")
                || method.startsWith("sun.nio.ch.SocketDispatcher.read")
                || method.equals("sun.nio.ch.Net.poll")
                || method.startsWith("sun.security.ssl.SSLSocketImpl$AppInputStream.");
    }

    /** The connection pool a thread waits in for a connection, or null. */
    static String connectionPool(DumpThread t) {
        if (t.state() == ThreadState.RUNNABLE) {
            return null;
        }
        for (Frame f : t.frames()) {
            String pool = CONNECTION_POOLS.get(f.method());
            if (pool != null) {
                return pool;
            }
        }
        return null;
    }

    /** Whether some frame is the application's or a library's rather than the JDK's. */
    static boolean application(DumpThread t) {
        for (Frame f : t.frames()) {
            if (!f.inJdk()) {
                return true;
            }
        }
        return false;
    }

    /** The first frame outside the JDK and outside the given packages, or the top frame. */
    static Frame caller(DumpThread t, String... skipped) {
        for (Frame f : t.frames()) {
            if (!f.inJdk() && !startsWithAny(f.method(), skipped)) {
                return f;
            }
        }
        return t.top();
    }

    /**
     * The frames that tell what a thread does: the top frame, then up to {@code n - 1} frames from
     * the first one outside the JDK on, with "…" where frames are left out.
     */
    static List<String> evidence(DumpThread t, int n) {
        List<Frame> frames = t.frames();
        List<String> lines = new ArrayList<>();
        if (frames.isEmpty()) {
            return lines;
        }
        lines.add("at " + frames.getFirst());
        int first = 1;
        while (first < frames.size() && frames.get(first).inJdk()) {
            first++;
        }
        if (first == frames.size()) {
            first = 1;
        }
        if (first > 1) {
            lines.add("…");
        }
        for (int i = first; i < frames.size() && lines.size() < n + (first > 1 ? 1 : 0); i++) {
            lines.add("at " + frames.get(i));
        }
        return lines;
    }

    private static boolean startsWithAny(String method, String... prefixes) {
        for (String p : prefixes) {
            if (method.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
