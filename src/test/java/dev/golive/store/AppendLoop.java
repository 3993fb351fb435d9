package dev.golive.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Run in a child JVM by the durability tests: appends journal entries one after the other and
 * prints {@code committed <seq> <i> ok} after each append has returned.
 * Arguments: store URL or {@code -} for H2, plan directory, label, count (0 for no end). The
 * embedded store is compacted far more often than by default.
 */
final class AppendLoop {
    static final String PAD = "x".repeat(500);
    // So small that the embedded store is compacted every few appends, and kills and the other
    // writer meet compactions too.
    private static final long COMPACT_ABOVE = 256 << 10;

    private AppendLoop() {}

    public static void main(String[] arguments) {
        String url = arguments[0].equals("-") ? null : arguments[0];
        StoreConfig config = StoreConfig.of(url, Path.of(arguments[1])).withMasker(UnaryOperator.identity());
        Store store = url == null ? Store.openEmbedded(config, COMPACT_ABOVE) : Store.open(config);
        String label = arguments[2];
        long count = Long.parseLong(arguments[3]);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (long i = 1; count == 0 || i <= count; i++) {
            long seq = store.journal().append(null, "test.tick", label + " " + i, label, data(label, i));
            // One write per line, so a kill leaves a whole line or none, and the marker tells which.
            out.print("committed " + seq + " " + i + " ok\n");
            out.flush();
        }
    }

    static String data(String label, long i) {
        return "{\"label\":\"" + label + "\",\"i\":" + i + ",\"pad\":\"" + PAD + "\"}";
    }
}
