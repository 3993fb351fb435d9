package dev.golive.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The values of one virtual user: its feed row and what earlier steps saved, used as {@code ${name}}. */
final class Values {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)}");

    /** Made with the first value: most iterations of a load test have none. */
    private Map<String, String> values = Map.of();

    void putAll(Map<String, String> more) {
        writable().putAll(more);
    }

    void put(String name, String value) {
        writable().put(name, value);
    }

    String get(String name) {
        return values.get(name);
    }

    private Map<String, String> writable() {
        if (values.isEmpty() && !(values instanceof LinkedHashMap)) {
            values = new LinkedHashMap<>();
        }
        return values;
    }

    /** Whether a text has no {@code ${name}} to fill in (null has none). */
    static boolean fixed(String text) {
        return text == null || !text.contains("${");
    }

    String fill(String text) {
        return fill(text, UnaryOperator.identity());
    }

    /** Replaces every {@code ${name}}, passing each value through {@code escape} first. */
    String fill(String text, UnaryOperator<String> escape) {
        if (fixed(text)) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new StepFailure("no value for ${" + m.group(1) + "} in '" + text
                        + "': no feed column or earlier save has that name; known: " + new TreeSet<>(values.keySet()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
        }
        return m.appendTail(out).toString();
    }
}
