package dev.golive.diag;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One thread dump.
 *
 * @param source the file it was read from, as given
 * @param index its number in the file, from 1
 * @param line the line of the file where it starts
 * @param timestamp when it was taken, as the dump or the line before it says; null when unknown
 * @param pid the process id when the capture printed it ({@code 12345:} from jcmd), else null
 * @param jvm the JVM, as the header prints it: {@code OpenJDK 64-Bit Server VM (11.0.6+10 mixed mode)}
 * @param format {@code text} (jstack, jcmd Thread.print, kill -3 and the like) or {@code json}
 * @param threads its threads, in the order printed
 * @param jvmDeadlocks the deadlocks the JVM found itself
 * @param jniRefs the JNI global references line's count, null when absent
 */
public record ThreadDump(
        String source,
        int index,
        int line,
        LocalDateTime timestamp,
        Long pid,
        String jvm,
        String format,
        List<DumpThread> threads,
        List<JvmDeadlock> jvmDeadlocks,
        Integer jniRefs) {
    public ThreadDump {
        jvm = jvm == null ? "" : jvm;
        threads = List.copyOf(threads);
        jvmDeadlocks = List.copyOf(jvmDeadlocks);
    }

    /** How many threads are in each state. */
    public Map<ThreadState, Integer> states() {
        Map<ThreadState, Integer> states = new EnumMap<>(ThreadState.class);
        for (DumpThread t : threads) {
            states.merge(t.state(), 1, Integer::sum);
        }
        return states;
    }

    /** The longest {@code elapsed=} of its threads: about the JVM's uptime, which orders dumps of one JVM. */
    double uptime() {
        double max = -1;
        for (DumpThread t : threads) {
            if (t.elapsedSeconds() != null) {
                max = Math.max(max, t.elapsedSeconds());
            }
        }
        return max;
    }

    /** Where it is: {@code dumps.txt dump 2 (2021-09-15 17:02:04)}. */
    public String label() {
        return source + " dump " + index + (timestamp == null ? "" : " (" + Times.format(timestamp) + ")");
    }
}
