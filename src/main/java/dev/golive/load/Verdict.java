package dev.golive.load;

/**
 * One target, met or missed.
 *
 * @param scope {@code overall} or the transaction's name
 * @param target {@code p95}, {@code errors}, {@code tps}, …
 * @param expected the target as written, e.g. {@code <= 800 ms}
 * @param actual what the test achieved, e.g. {@code 912 ms}
 * @param met whether the target was met
 */
public record Verdict(String scope, String target, String expected, String actual, boolean met) {
    public Verdict {
        if (scope == null || target == null || expected == null || actual == null) {
            throw new IllegalArgumentException("scope, target, expected and actual are required");
        }
    }

    @Override
    public String toString() {
        return (met ? "met     " : "MISSED  ") + scope + " " + target + ": expected " + expected + ", got " + actual;
    }
}
