package dev.golive.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether a production JVM is set up to be diagnosed: heap sizes set rather than left to the
 * JVM's guess from the machine, a heap dump written on OutOfMemoryError, and a GC log.
 */
final class JvmOptions {
    private static final String HEAP_DUMP = "HeapDumpOnOutOfMemoryError";

    private JvmOptions() {}

    /** What is missing, in the words of the options to add; empty when all is set. */
    static List<String> missing(List<String> options) {
        List<String> out = new ArrayList<>();
        if (none(
                options,
                o -> o.startsWith("-Xmx")
                        || o.startsWith("-XX:MaxHeapSize=")
                        || o.startsWith("-XX:MaxRAMPercentage="))) {
            out.add("a maximum heap (-Xmx)");
        }
        if (none(
                options,
                o -> o.startsWith("-Xms")
                        || o.startsWith("-XX:InitialHeapSize=")
                        || o.startsWith("-XX:InitialRAMPercentage="))) {
            out.add("an initial heap (-Xms)");
        }
        if (!heapDump(options)) {
            out.add("-XX:+" + HEAP_DUMP);
        }
        if (!gcLog(options)) {
            out.add("a GC log (-Xlog:gc*:file=...)");
        }
        return out;
    }

    /** What is set, briefly: {@code -Xms512m -Xmx2g, heap dump on OOM, GC log}. */
    static String summary(List<String> options) {
        List<String> heap = options.stream()
                .filter(o -> o.startsWith("-Xm") || o.contains("HeapSize=") || o.contains("RAMPercentage="))
                .toList();
        return String.join(" ", heap) + ", heap dump on OOM, GC log";
    }

    // The last of -XX:+ and -XX:- wins, as in the JVM.
    private static boolean heapDump(List<String> options) {
        boolean on = false;
        for (String o : options) {
            if (o.equals("-XX:+" + HEAP_DUMP)) {
                on = true;
            } else if (o.equals("-XX:-" + HEAP_DUMP)) {
                on = false;
            }
        }
        return on;
    }

    private static boolean gcLog(List<String> options) {
        return options.stream()
                .anyMatch(o -> o.equals("-Xlog:gc")
                        || o.startsWith("-Xlog:gc*")
                        || o.startsWith("-Xlog:gc:")
                        || o.startsWith("-Xlog:gc+")
                        || o.startsWith("-Xloggc:")
                        || o.equals("-verbose:gc"));
    }

    private static boolean none(List<String> options, Predicate<String> test) {
        return options.stream().noneMatch(test);
    }
}
