package dev.golive.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Breaks plan text the way hands and editors do: lines lost or doubled, stray punctuation, bad numbers. */
final class PlanMutator {
    private static final List<String> PUNCTUATION = List.of(
            ":",
            "-",
            "[",
            "]",
            "{",
            "}",
            "\"",
            "'",
            "&",
            "*",
            "!",
            "%",
            "\t",
            "#",
            "|",
            ">",
            ",",
            "?",
            "@",
            "`",
            "${",
            "..",
            " ",
            "\n",
            "é",
            "\r",
            "\u2028",
            "\u0085",
            "~",
            "&a ",
            "*a",
            "!!str ",
            "!!binary ",
            "? ",
            "---\n");
    private static final List<String> NUMBERS =
            List.of("0", "-1", "-5", "1.5", "65536", "99999999999999999999", "1e9", "007", "0x1F", "200000", ".5");
    private static final List<String> UNITS =
            List.of("ms", "s", "m", "h", "d", "%", "/s", "/m", "x", "", "..", "s..1s");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern UNIT = Pattern.compile("(?<=\\d)(ms|s|m|h|d|%|/s)");

    private final Random random;

    PlanMutator(Random random) {
        this.random = random;
    }

    /** One to three mutations of the text. */
    String mutate(String text) {
        String out = text;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            out = once(out);
        }
        return out;
    }

    private String once(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (lines.isEmpty()) {
            return pick(PUNCTUATION);
        }
        int at = random.nextInt(lines.size());
        return switch (random.nextInt(10)) {
            case 0 -> join(remove(lines, at));
            case 1 -> {
                lines.add(at, lines.get(at));
                yield join(lines);
            }
            case 2 -> {
                int other = random.nextInt(lines.size());
                String swap = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, swap);
                yield join(lines);
            }
            case 3 -> {
                lines.set(at, reindent(lines.get(at)));
                yield join(lines);
            }
            case 4 -> overwrite(text, pick(PUNCTUATION));
            case 5 -> replace(text, NUMBER, pick(NUMBERS));
            case 6 -> replace(text, UNIT, pick(UNITS));
            case 7 -> text.substring(0, random.nextInt(text.length() + 1));
            case 8 -> deleteSpan(text);
            default -> insert(text, pick(PUNCTUATION));
        };
    }

    private String insert(String text, String what) {
        int position = random.nextInt(text.length() + 1);
        return text.substring(0, position) + what + text.substring(position);
    }

    private static List<String> remove(List<String> lines, int at) {
        lines.remove(at);
        return lines;
    }

    private String reindent(String line) {
        String stripped = line.stripLeading();
        int indent = line.length() - stripped.length();
        return switch (random.nextInt(3)) {
            case 0 -> " ".repeat(indent + 1 + random.nextInt(4)) + stripped;
            case 1 -> " ".repeat(Math.max(0, indent - 1 - random.nextInt(4))) + stripped;
            default -> "\t" + line;
        };
    }

    private String overwrite(String text, String what) {
        if (text.isEmpty()) {
            return what;
        }
        int position = random.nextInt(text.length());
        return text.substring(0, position) + what + text.substring(position + 1);
    }

    private String replace(String text, Pattern pattern, String replacement) {
        Matcher m = pattern.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return overwrite(text, replacement);
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + replacement + text.substring(span[1]);
    }

    private String deleteSpan(String text) {
        int from = random.nextInt(text.length() + 1);
        int to = Math.min(text.length(), from + 1 + random.nextInt(40));
        return text.substring(0, from) + text.substring(to);
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
