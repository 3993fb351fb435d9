package dev.golive.diag;

import java.time.LocalTime;
import java.util.Map;

/**
 * CPU use per thread measured outside the JVM, joined to dumps by the OS thread id ({@code nid}):
 * {@code top -H -b -n 1 -p PID} output, or lines {@code NID PERCENT} ({@code 4242 97.5}, {@code 0x1092 97.5}).
 *
 * @param source the file it was read from
 * @param line the line where the table starts
 * @param time the time {@code top} printed, null when not given
 * @param percentByNid percent of one CPU by OS thread id
 */
public record ThreadCpu(String source, int line, LocalTime time, Map<Long, Double> percentByNid) {
    public ThreadCpu {
        percentByNid = Map.copyOf(percentByNid);
    }
}
