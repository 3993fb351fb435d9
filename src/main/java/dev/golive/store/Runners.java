package dev.golive.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Names the golive process that runs something ({@code pid@host@start}), and tells whether the
 * process so named still runs, so that work left running by a crashed golive is seen as in doubt
 * rather than as running for ever.
 */
public final class Runners {
    private Runners() {}

    /** This golive process, as {@code pid@host@start}. */
    public static String self() {
        ProcessHandle me = ProcessHandle.current();
        long start =
                me.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        return me.pid() + "@" + hostName() + "@" + start;
    }

    /** False only when the runner was on this machine and is gone; another machine's runner is trusted. */
    public static boolean alive(String runner) {
        if (runner == null) {
            return false;
        }
        String[] parts = runner.split("@");
        if (parts.length != 3 || !parts[1].equals(hostName())) {
            return true;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[0]));
        return process.filter(ProcessHandle::isAlive)
                .map(p -> p.info()
                        .startInstant()
                        .map(i -> i.toEpochMilli() == Long.parseLong(parts[2]))
                        .orElse(true))
                .orElse(false);
    }

    /** "PID 4242 on build7", said of a runner. */
    public static String describe(String runner) {
        String[] parts = runner.split("@");
        return parts.length == 3 ? "PID " + parts[0] + " on " + parts[1] : runner;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
