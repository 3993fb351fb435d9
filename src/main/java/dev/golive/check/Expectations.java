package dev.golive.check;

import dev.golive.plan.Expectation;
import java.util.regex.Pattern;

/** Judges a value against a check's expectation. */
final class Expectations {
    private Expectations() {}

    /** Null when the value meets the expectation, else why not. */
    static String judge(Expectation expect, String value) {
        String v = value == null ? "" : value.strip();
        boolean ok = switch (expect.operator()) {
            case "contains" -> v.contains(expect.value());
            case "matches" -> Pattern.compile(expect.value()).matcher(v).find();
            case "==" -> same(v, expect.value());
            case "!=" -> !same(v, expect.value());
            default -> compare(v, expect);
        };
        return ok ? null : "expected " + expect + ", found " + (v.isEmpty() ? "nothing" : "'" + abbreviate(v) + "'");
    }

    private static boolean same(String a, String b) {
        Double x = number(a);
        Double y = number(b);
        return x != null && y != null ? x.doubleValue() == y.doubleValue() : a.equals(b);
    }

    private static boolean compare(String v, Expectation expect) {
        Double x = number(v);
        Double y = number(expect.value());
        if (x == null || y == null) {
            return false;
        }
        return switch (expect.operator()) {
            case ">=" -> x >= y;
            case "<=" -> x <= y;
            case ">" -> x > y;
            default -> x < y;
        };
    }

    private static Double number(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
