package dev.golive.drill;

import dev.golive.scenario.Errors;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a drill measured.
 *
 * @param baselineErrors the error rate before the fault, in percent
 * @param baselineP95 the 95th percentile before the fault, in ms, or null
 * @param requests requests that came back during the fault (from the fault to the restore)
 * @param errors of them, the failed ones
 * @param errorKinds the failed ones by kind ({@code reset}, {@code status}, …), in the kinds' order
 * @param errorRate errors during the fault, in percent
 * @param p95 the 95th percentile during the fault, in ms, or null when none passed
 * @param detection seconds from the fault until the load first saw it, or null when it never did
 * @param recovery seconds from the fault until the error rate was back at the baseline for good,
 *     or null when it never was
 * @param seconds every whole second of load
 */
public record Figures(
        double baselineErrors,
        Double baselineP95,
        long requests,
        long errors,
        Map<String, Long> errorKinds,
        double errorRate,
        Double p95,
        Double detection,
        Double recovery,
        List<Point> seconds) {
    public Figures {
        errorKinds = Collections.unmodifiableMap(new TreeMap<>(errorKinds));
        seconds = List.copyOf(seconds);
    }

    /**
     * The errors during the fault as the matrix shows them, with their kinds when there are any:
     * {@code 7.50% (6/80: status 6)}, or {@code 7.50% (6 of 80: status 6)} with {@code of}.
     */
    public String errorsShown(String of) {
        return shown(errorRate, errors, requests, errorKinds, of);
    }

    /** See {@link #errorsShown(String)}; for figures read back from the journal. */
    public static String shown(double rate, long errors, long requests, Map<String, Long> kinds, String of) {
        String byKind = kinds.isEmpty() ? "" : ": " + Errors.list(kinds);
        return String.format(Locale.ROOT, "%.2f%% (%d%s%d%s)", rate, errors, of, requests, byKind);
    }

    /**
     * One second of load, as the report draws it.
     *
     * @param second seconds since the load began
     * @param ok responses that passed
     * @param errors responses that failed
     * @param p95 the 95th percentile of those that passed, in ms, or null
     */
    public record Point(int second, long ok, long errors, Double p95) {}
}
