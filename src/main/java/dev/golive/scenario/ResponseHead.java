package dev.golive.scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The status line and headers of a response, kept as the bytes that came and looked up in them
 * when someone asks: a load test reads a few headers of each response, if any, so no string is
 * made for a header nobody reads. Names are matched without regard to case; values come without
 * the whitespace around them. Folded header lines (obsolete) are read as part of the line before.
 */
final class ResponseHead {
    private final byte[] bytes;
    private final int minorVersion;
    private final int status;
    private final String reason;
    /** For header i: name start, name end, value start, value end. */
    private final int[] fields;

    private final int count;
    /** Headers this response is shown without, lower case (framing that golive has undone). */
    private List<String> hidden = List.of();

    private long shownLength = -1;

    private ResponseHead(byte[] bytes, int minorVersion, int status, String reason, int[] fields, int count) {
        this.bytes = bytes;
        this.minorVersion = minorVersion;
        this.status = status;
        this.reason = reason;
        this.fields = fields;
        this.count = count;
    }

    /**
     * Parses a head: the status line and the header lines, each ended by LF or CRLF, without the
     * empty line that ends them.
     *
     * @throws IllegalArgumentException when it is not an HTTP/1.x response head
     */
    static ResponseHead parse(byte[] bytes) {
        int end = lineEnd(bytes, 0);
        int lineStop = trimCr(bytes, 0, end);
        // HTTP/1.x SP 3DIGIT [SP reason]
        if (lineStop < 12
                || !startsWith(bytes, "HTTP/1.")
                || !isDigit(bytes[7])
                || bytes[8] != ' '
                || !isDigit(bytes[9])
                || !isDigit(bytes[10])
                || !isDigit(bytes[11])
                || (lineStop > 12 && bytes[12] != ' ')) {
            throw new IllegalArgumentException("invalid status line: "
                    + new String(bytes, 0, Math.min(lineStop, 100), StandardCharsets.ISO_8859_1));
        }
        int minor = bytes[7] - '0';
        int status = (bytes[9] - '0') * 100 + (bytes[10] - '0') * 10 + (bytes[11] - '0');
        String reason = lineStop > 13 ? new String(bytes, 13, lineStop - 13, StandardCharsets.ISO_8859_1) : "";
        int[] fields = new int[32];
        int count = 0;
        int at = end + 1;
        while (at < bytes.length) {
            end = lineEnd(bytes, at);
            lineStop = trimCr(bytes, at, end);
            if (lineStop > at && (bytes[at] == ' ' || bytes[at] == '\t') && count > 0) {
                // A folded line continues the value before it: the line end between them becomes
                // spaces (the bytes are the head's own copy).
                bytes[at - 1] = ' ';
                if (at >= 2 && bytes[at - 2] == '\r') {
                    bytes[at - 2] = ' ';
                }
                fields[count * 4 - 1] = trailing(bytes, at, lineStop);
            } else if (lineStop > at) {
                int colon = indexOf(bytes, at, lineStop, (byte) ':');
                if (colon <= at) {
                    throw new IllegalArgumentException("invalid header line: "
                            + new String(bytes, at, Math.min(lineStop - at, 100), StandardCharsets.ISO_8859_1));
                }
                if ((count + 1) * 4 > fields.length) {
                    fields = java.util.Arrays.copyOf(fields, fields.length * 2);
                }
                int valueStart = colon + 1;
                while (valueStart < lineStop && (bytes[valueStart] == ' ' || bytes[valueStart] == '\t')) {
                    valueStart++;
                }
                fields[count * 4] = at;
                fields[count * 4 + 1] = trailing(bytes, at, colon);
                fields[count * 4 + 2] = valueStart;
                fields[count * 4 + 3] = trailing(bytes, valueStart, lineStop);
                count++;
            }
            at = end + 1;
        }
        return new ResponseHead(bytes, minor, status, reason, fields, count);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int lineEnd(byte[] bytes, int from) {
        int lf = indexOf(bytes, from, bytes.length, (byte) '\n');
        return lf < 0 ? bytes.length : lf;
    }

    private static int trimCr(byte[] bytes, int from, int end) {
        return end > from && bytes[end - 1] == '\r' ? end - 1 : end;
    }

    private static int trailing(byte[] bytes, int from, int end) {
        while (end > from && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    /** 0 for HTTP/1.0, 1 for HTTP/1.1. */
    int minorVersion() {
        return minorVersion;
    }

    /** The first value of the header, or null. */
    String get(CharSequence name) {
        Optional<String> shown = shown(name);
        if (shown != null) {
            return shown.orElse(null);
        }
        for (int i = 0; i < count; i++) {
            if (nameIs(i, name)) {
                return value(i);
            }
        }
        return null;
    }

    /** Every value of the header, in order. */
    List<String> getAll(CharSequence name) {
        Optional<String> shown = shown(name);
        if (shown != null) {
            return shown.map(List::of).orElse(List.of());
        }
        List<String> out = new ArrayList<>(1);
        for (int i = 0; i < count; i++) {
            if (nameIs(i, name)) {
                out.add(value(i));
            }
        }
        return out;
    }

    boolean contains(CharSequence name) {
        Optional<String> shown = shown(name);
        if (shown != null) {
            return shown.isPresent();
        }
        for (int i = 0; i < count; i++) {
            if (nameIs(i, name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a value of the header, read as a comma-separated list, has the token (any case). */
    boolean hasToken(CharSequence name, String token) {
        for (int i = 0; i < count; i++) {
            if (nameIs(i, name)) {
                for (String part : value(i).split(",")) {
                    if (part.strip().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * What the head shows for a header golive has undone: empty for a hidden one, the decoded
     * length for {@code Content-Length}; null for every other header, read as it came.
     */
    private Optional<String> shown(CharSequence name) {
        for (String h : hidden) {
            if (sameName(h, name)) {
                return Optional.empty();
            }
        }
        return shownLength >= 0 && sameName("content-length", name) ? Optional.of(String.valueOf(shownLength)) : null;
    }

    private static boolean sameName(String a, CharSequence b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int k = 0; k < a.length(); k++) {
            if (toLower(a.charAt(k)) != toLower(b.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * From now on the head is shown as a whole, decoded response: without these framing headers,
     * and with a {@code Content-Length} of {@code length} (when not negative).
     */
    void showAsWhole(List<String> hiddenLowerCase, long length) {
        this.hidden = hiddenLowerCase;
        this.shownLength = length;
    }

    /** Every header as it is shown, in the order they came. */
    void forEach(BiConsumer<String, String> action) {
        boolean lengthShown = shownLength < 0;
        for (int i = 0; i < count; i++) {
            String name = name(i);
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (hidden.contains(lower)) {
                continue;
            }
            if (lower.equals("content-length") && shownLength >= 0) {
                if (!lengthShown) {
                    action.accept(name, String.valueOf(shownLength));
                    lengthShown = true;
                }
                continue;
            }
            action.accept(name, value(i));
        }
        if (!lengthShown) {
            action.accept("content-length", String.valueOf(shownLength));
        }
    }

    private boolean nameIs(int i, CharSequence name) {
        int start = fields[i * 4];
        int length = fields[i * 4 + 1] - start;
        if (length != name.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            int a = bytes[start + k];
            int b = name.charAt(k);
            if (a != b && toLower(a) != toLower(b)) {
                return false;
            }
        }
        return true;
    }

    private static int toLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private String name(int i) {
        return new String(bytes, fields[i * 4], fields[i * 4 + 1] - fields[i * 4], StandardCharsets.ISO_8859_1);
    }

    private String value(int i) {
        return new String(bytes, fields[i * 4 + 2], fields[i * 4 + 3] - fields[i * 4 + 2], StandardCharsets.ISO_8859_1);
    }
}
