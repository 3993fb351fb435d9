package dev.golive.plan;

import java.util.List;

/**
 * What a check's result must satisfy: an operator and a value, written {@code ">= 10000"}, {@code
 * "== 0"}, {@code "contains READY"}, {@code "matches ^ok"}; a bare value means {@code ==}.
 *
 * @param operator one of {@link #OPERATORS}
 * @param value the value to compare with
 */
public record Expectation(String operator, String value) {
    /** The operators, longest first so that {@code >=} is found before {@code >}. */
    public static final List<String> OPERATORS = List.of(">=", "<=", "==", "!=", ">", "<", "contains", "matches");

    public Expectation {
        if (!OPERATORS.contains(operator) || value == null) {
            throw new IllegalArgumentException("bad expectation: " + operator + " " + value);
        }
    }

    /** Parses the written form; null when it has an operator but no value. */
    static Expectation parse(String text) {
        String s = text.strip();
        for (String op : OPERATORS) {
            if (s.startsWith(op)) {
                String rest = s.substring(op.length()).strip();
                return rest.isEmpty() ? null : new Expectation(op, rest);
            }
        }
        return s.isEmpty() ? null : new Expectation("==", s);
    }

    /** True when the operator compares numbers, so the value must be one. */
    public boolean numeric() {
        return operator.startsWith(">") || operator.startsWith("<");
    }

    @Override
    public String toString() {
        return operator + " " + value;
    }
}
