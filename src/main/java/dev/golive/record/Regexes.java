package dev.golive.record;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions with one group that find a value again in a response body, for {@code
 * save: { name: "regex:..." }}. golive saves the first group of the first match, so a pattern is
 * only offered when that is the recorded value, at the recorded place, in the recorded body.
 */
final class Regexes {
    private static final int LONGEST_PREFIX = 48;
    private static final int SHORTEST_PREFIX = 4;
    private static final Pattern INPUT = Pattern.compile("(?is)<input\\b[^>]*>");
    private static final Pattern NAME = Pattern.compile("(?i)\\bname\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)");
    private static final Pattern VALUE = Pattern.compile("(?i)\\bvalue\\s*=\\s*([\"']?)");

    private Regexes() {}

    /** The input field around {@code at}, when the value there is its value attribute; else null. */
    static Input input(String text, int at, int length) {
        Matcher tag = INPUT.matcher(text);
        tag.region(Math.max(0, text.lastIndexOf('<', at)), text.length());
        if (!tag.lookingAt() || tag.end() < at + length) {
            return null;
        }
        String html = tag.group();
        Matcher value = VALUE.matcher(html);
        Matcher name = NAME.matcher(html);
        while (value.find()) {
            if (tag.start() + value.end() == at && name.find()) {
                return new Input(
                        html,
                        name.group(),
                        unquote(name.group(1)),
                        name.start() < value.start(),
                        value.group(),
                        value.group(1));
            }
        }
        return null;
    }

    private static String unquote(String text) {
        boolean quoted = text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'');
        return quoted ? text.substring(1, text.length() - 1) : text;
    }

    /**
     * An input field of a form.
     *
     * @param html the whole tag
     * @param nameAttribute the name attribute as written: {@code name="csrf"}
     * @param name the field's name
     * @param nameFirst whether the name attribute comes before the value attribute
     * @param valueLead the value attribute up to the value: {@code value="}
     * @param quote the quote around the value, or empty
     */
    record Input(String html, String nameAttribute, String name, boolean nameFirst, String valueLead, String quote) {
        boolean hidden() {
            return html.toLowerCase(Locale.ROOT).matches("(?s).*\\btype\\s*=\\s*[\"']?hidden\\b.*");
        }

        /** {@code name="csrf"[^>]*?value="([^"]+)}, or the other way round. */
        String regex() {
            String group = quote.isEmpty() ? "([^\\s>]+)" : "([^" + quote + "]+)";
            return nameFirst
                    ? literal(nameAttribute) + "[^>]*?" + literal(valueLead) + group
                    : literal(valueLead) + group + literal(quote) + "[^>]*?" + literal(nameAttribute);
        }
    }

    /** A regex for the value at {@code at}: the shortest telling text before it, and a group. */
    static String around(String text, int at, int length) {
        String group = group(text, at, length);
        if (group == null) {
            return null;
        }
        for (int k = Math.min(at, SHORTEST_PREFIX); k <= Math.min(at, LONGEST_PREFIX); k++) {
            if (finds(literal(text.substring(at - k, at)) + group, text, at, length)) {
                while (k < Math.min(at, LONGEST_PREFIX) && Character.isLetterOrDigit(text.charAt(at - k - 1))) {
                    k++;
                }
                return literal(text.substring(at - k, at)) + group;
            }
        }
        return null;
    }

    /** Everything up to the character that ends the value, or a lazy match up to the text after it. */
    private static String group(String text, int at, int length) {
        int end = at + length;
        String value = text.substring(at, end);
        if (end < text.length()) {
            char next = text.charAt(end);
            if (value.indexOf(next) < 0 && !Character.isLetterOrDigit(next)) {
                return "([^" + inClass(next) + "]+)";
            }
            return "(.+?)" + literal(text.substring(end, Math.min(text.length(), end + 3)));
        }
        return "(.+)$";
    }

    /** Whether the first match of {@code regex} in {@code text} has its group exactly there. */
    static boolean finds(String regex, String text, int at, int length) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() && m.groupCount() == 1 && m.start(1) == at && m.end(1) == at + length;
    }

    static String literal(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
                }
            }
        }
        return out.toString();
    }

    private static String inClass(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\\', ']', '[', '^', '-', '&' -> "\\" + c;
            default -> c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c);
        };
    }
}
