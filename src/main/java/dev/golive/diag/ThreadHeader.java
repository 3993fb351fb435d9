package dev.golive.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first line of a thread in its text forms:
 * {@code "name" #12 [4242] daemon prio=5 os_prio=0 cpu=1.5ms elapsed=2.0s tid=0x… nid=0x… waiting on condition [0x…]}
 * (HotSpot 5 to 26, with or without the newer fields), {@code "name" id=12 in RUNNABLE} (JMX),
 * {@code "name" - Thread t@12} (VisualVM) and {@code #12 "name" virtual RUNNABLE 2024-…} (Thread.dump_to_file).
 */
final class ThreadHeader {
    private ThreadHeader() {}

    /** A HotSpot, JMX or VisualVM header: the line starts with the quoted name. */
    static ThreadBuilder quoted(String line) {
        int close = line.lastIndexOf('"');
        if (close <= 0) {
            return new ThreadBuilder(line.substring(1));
        }
        ThreadBuilder t = new ThreadBuilder(line.substring(1, close));
        List<String> words = new ArrayList<>();
        String[] tokens = line.substring(close + 1).split(" ");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty() || field(t, token)) {
                continue;
            }
            if (token.equals("-") && i + 2 < tokens.length && tokens[i + 1].equals("Thread")) {
                t.id = number(tokens[i + 2].substring(tokens[i + 2].indexOf('@') + 1));
                i += 2;
            } else if (!token.startsWith("[0x")) {
                words.add(token);
            }
        }
        t.state = fromWords(words, t);
        return t;
    }

    /** A Thread.dump_to_file text header: {@code #12 "name" virtual RUNNABLE 2024-01-01T…}. */
    static ThreadBuilder numbered(String line) {
        int open = line.indexOf('"');
        int close = line.lastIndexOf('"');
        ThreadBuilder t = new ThreadBuilder(line.substring(open + 1, Math.max(open + 1, close)));
        t.id = number(line.substring(1, open).strip());
        for (String word : line.substring(close + 1).strip().split(" ")) {
            ThreadState state = ThreadState.of(word);
            if (state != null) {
                t.state = state;
            } else if (word.equals("virtual")) {
                t.virtual = true;
            }
        }
        return t;
    }

    /** Whether a line is a Thread.dump_to_file text header. */
    static boolean isNumbered(String line) {
        if (line.length() < 4 || line.charAt(0) != '#' || !Character.isDigit(line.charAt(1))) {
            return false;
        }
        int space = line.indexOf(' ');
        return space > 1 && space + 1 < line.length() && line.charAt(space + 1) == '"';
    }

    private static boolean field(ThreadBuilder t, String token) {
        if (token.charAt(0) == '#' && token.length() > 1 && Character.isDigit(token.charAt(1))) {
            t.id = number(token.substring(1));
        } else if (token.charAt(0) == '[' && token.length() > 2 && Character.isDigit(token.charAt(1))) {
            t.nid = t.nid == null ? number(token.substring(1, token.length() - 1)) : t.nid;
        } else if (token.equals("daemon")) {
            t.daemon = true;
        } else if (token.startsWith("nid=")) {
            t.nid = number(token.substring(4));
        } else if (token.startsWith("id=")) {
            t.id = number(token.substring(3));
        } else if (token.startsWith("cpu=")) {
            t.cpuMillis = decimal(token.substring(4), "ms");
        } else if (token.startsWith("elapsed=")) {
            t.elapsedSeconds = decimal(token.substring(8), "s");
        } else {
            return token.startsWith("prio=") || token.startsWith("os_prio=") || token.startsWith("tid=");
        }
        return true;
    }

    /** The state the header's words say; a {@code java.lang.Thread.State:} line may say more. */
    private static ThreadState fromWords(List<String> words, ThreadBuilder t) {
        for (String word : words) {
            ThreadState state = ThreadState.of(word);
            if (state != null) {
                return state;
            }
        }
        String text = String.join(" ", words);
        if (text.startsWith("waiting for monitor entry")) {
            return ThreadState.BLOCKED;
        }
        if (text.startsWith("in Object.wait()")) {
            t.detail = "on object monitor";
            return ThreadState.WAITING;
        }
        if (text.startsWith("sleeping")) {
            return ThreadState.TIMED_WAITING;
        }
        if (text.startsWith("waiting on condition")) {
            return ThreadState.WAITING;
        }
        return text.startsWith("runnable") ? ThreadState.RUNNABLE : ThreadState.UNKNOWN;
    }

    /** {@code 0x2a43} or {@code 10819}; null when neither. */
    static Long number(String text) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double decimal(String text, String unit) {
        String t = text.endsWith(unit) ? text.substring(0, text.length() - unit.length()) : text;
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
