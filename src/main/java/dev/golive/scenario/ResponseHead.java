package dev.golive.scenario;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** The bytes of a long read as eight bytes, the first in the lowest: for finding line ends a word at a time. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** Headers a response's framing depends on, noted as they are read: asked of every response. */
    private static final String[] FRAMING = {
        "content-length", "transfer-encoding", "connection", "content-encoding", "set-cookie"
    };

    /** For each of {@link #FRAMING}, the index of its first header, or {@link #count} when it has none. */
    private final int[] framing;

    /** The index just past the empty line that ends the head, in the bytes it was read from. */
    private final int consumed;

    private final byte[] bytes;
    private final int minorVersion;
    private final int status;
    /** Where the reason phrase ends; it starts at 13 when there is one. */
    private final int reasonEnd;
    /** For header i: name start, name end, value start, value end. */
    private final int[] fields;

    private final int count;
    /** Headers this response is shown without, lower case (framing that golive has undone). */
    private List<String> hidden = List.of();

    private long shownLength = -1;

    private ResponseHead(
            byte[] bytes,
            int minorVersion,
            int status,
            int reasonEnd,
            int[] fields,
            int count,
            int[] framing,
            int consumed) {
        this.bytes = bytes;
        this.minorVersion = minorVersion;
        this.status = status;
        this.reasonEnd = reasonEnd;
        this.framing = framing;
        this.consumed = consumed;
        this.fields = fields;
        this.count = count;
    }

    /**
     * Reads a head from {@code bytes[from, to)}: the status line and the header lines, each ended
     * by LF or CRLF, up to the empty line that ends them. The head keeps its own copy of its bytes.
     *
     * @return the head, or null when it has not all come before {@code to}; {@link #consumed()}
     *     tells how far it went
     * @throws IllegalArgumentException when it is not an HTTP/1.x response head
     */
    static ResponseHead read(byte[] bytes, int from, int to) {
        // The line ends first, a word at a time: the status line's, then each header line's.
        int[] ends = new int[24];
        int lines = 0;
        int at = from;
        int stop;
        while (true) {
            int lf = find(bytes, at, to, (byte) '\n');
            if (lf < 0) {
                return null;
            }
            if (lf == at || (lf == at + 1 && bytes[at] == '\r')) {
                if (lines > 0) {
                    stop = lf + 1;
                    break;
                }
            }
            if (lines == ends.length) {
                ends = Arrays.copyOf(ends, lines * 2);
            }
            ends[lines++] = lf;
            at = lf + 1;
        }
        byte[] own = Arrays.copyOfRange(bytes, from, ends[lines - 1] + 1);
        for (int i = 0; i < lines; i++) {
            ends[i] -= from;
        }
        return parse(own, ends, lines, stop - from);
    }

    /** Parses a head's own bytes, given where each line ends. */
    private static ResponseHead parse(byte[] bytes, int[] ends, int lines, int consumed) {
        int lineStop = trimCr(bytes, 0, ends[0]);
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
        int reasonEnd = lineStop;
        int[] fields = new int[Math.max(4, (lines - 1) * 4)];
        int[] framing = new int[FRAMING.length];
        Arrays.fill(framing, -1);
        int count = 0;
        for (int line = 1; line < lines; line++) {
            int at = ends[line - 1] + 1;
            lineStop = trimCr(bytes, at, ends[line]);
            if (lineStop > at && isSpace(bytes[at]) && count > 0) {
                // A folded line continues the value before it: the line end between them becomes
                // spaces (the bytes are the head's own copy).
                bytes[at - 1] = ' ';
                if (at >= 2 && bytes[at - 2] == '\r') {
                    bytes[at - 2] = ' ';
                }
                fields[count * 4 - 1] = trailing(bytes, at, lineStop);
            } else if (lineStop > at) {
                int colon = find(bytes, at, lineStop, (byte) ':');
                if (colon <= at) {
                    throw new IllegalArgumentException("invalid header line: "
                            + new String(bytes, at, Math.min(lineStop - at, 100), StandardCharsets.ISO_8859_1));
                }
                int valueStart = colon + 1;
                while (valueStart < lineStop && isSpace(bytes[valueStart])) {
                    valueStart++;
                }
                int nameEnd = trailing(bytes, at, colon);
                fields[count * 4] = at;
                fields[count * 4 + 1] = nameEnd;
                fields[count * 4 + 2] = valueStart;
                fields[count * 4 + 3] = trailing(bytes, valueStart, lineStop);
                int k = framing(nameEnd - at);
                if (k >= 0 && framing[k] < 0 && same(bytes, at, nameEnd, FRAMING[k])) {
                    framing[k] = count;
                } else if (k == 2 && framing[4] < 0 && same(bytes, at, nameEnd, FRAMING[4])) {
                    framing[4] = count;
                }
                count++;
            }
        }
        for (int k = 0; k < framing.length; k++) {
            if (framing[k] < 0) {
                framing[k] = count;
            }
        }
        return new ResponseHead(bytes, minor, status, reasonEnd, fields, count, framing, consumed);
    }

    /** The index of the first {@code b} in {@code bytes[from, to)}, or -1; eight bytes at a time. */
    private static int find(byte[] bytes, int from, int to, byte b) {
        long eight = (b & 0xFFL) * ONES;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) WORDS.get(bytes, i) ^ eight;
            // A byte that was the one looked for is now 0: the lowest such byte sets the lowest
            // high bit here.
            long zeros = (word - ONES) & ~word & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code bytes[from, to)} is {@code text}, without regard to case. */
    private static boolean same(byte[] bytes, int from, int to, CharSequence text) {
        if (to - from != text.length()) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            int a = bytes[from + k];
            int b = text.charAt(k);
            if (a != b && toLower(a) != toLower(b)) {
                return false;
            }
        }
        return true;
    }

    /** How many bytes the head took where it was read, its empty line included. */
    int consumed() {
        return consumed;
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

    private static int trimCr(byte[] bytes, int from, int end) {
        return end > from && bytes[end - 1] == '\r' ? end - 1 : end;
    }

    private static int trailing(byte[] bytes, int from, int end) {
        while (end > from && isSpace(bytes[end - 1])) {
            end--;
        }
        return end;
    }

    int status() {
        return status;
    }

    String reason() {
        return reasonEnd > 13 ? new String(bytes, 13, reasonEnd - 13, StandardCharsets.ISO_8859_1) : "";
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
        for (int i = first(name); i < count; i++) {
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
        for (int i = first(name); i < count; i++) {
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
        for (int i = first(name); i < count; i++) {
            if (nameIs(i, name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a value of the header, read as a comma-separated list, has the token (any case);
     * {@code first} is the index of its first header, the rest are looked for after it.
     */
    private boolean hasToken(int first, CharSequence name, String token) {
        for (int i = first; i < count; i++) {
            if (i == first || nameIs(i, name)) {
                int at = fields[i * 4 + 2];
                int end = fields[i * 4 + 3];
                while (at <= end) {
                    int comma = find(bytes, at, end, (byte) ',');
                    int stop = comma < 0 ? end : comma;
                    int start = at;
                    while (start < stop && isSpace(bytes[start])) {
                        start++;
                    }
                    if (same(bytes, start, trailing(bytes, start, stop), token)) {
                        return true;
                    }
                    at = stop + 1;
                }
            }
        }
        return false;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    /**
     * The value of header {@code i} as a decimal number, as it came: -2 when it is not a number of
     * up to 18 digits.
     */
    private long number(int i) {
        int start = fields[i * 4 + 2];
        int end = fields[i * 4 + 3];
        if (end == start || end - start > 18) {
            return -2;
        }
        long n = 0;
        for (int k = start; k < end; k++) {
            if (!isDigit(bytes[k])) {
                return -2;
            }
            n = n * 10 + (bytes[k] - '0');
        }
        return n;
    }

    // The framing of the response, as it came, for its decoder: found where the head was read.

    /** The first {@code Content-Length} as a number: -1 when there is none, -2 when it is not a number. */
    long contentLength() {
        return framing[0] < count ? number(framing[0]) : -1;
    }

    /** Whether {@code Transfer-Encoding} has {@code chunked}. */
    boolean chunked() {
        return framing[1] < count && hasToken(framing[1], FRAMING[1], "chunked");
    }

    /** Whether {@code Connection} has the token. */
    boolean connection(String token) {
        return framing[2] < count && hasToken(framing[2], FRAMING[2], token);
    }

    /** The first {@code Content-Encoding}, or null. */
    String contentEncoding() {
        return framing[3] < count ? value(framing[3]) : null;
    }

    /** Whether it has a {@code Set-Cookie} header. */
    boolean setsCookies() {
        return framing[4] < count;
    }

    /**
     * What the head shows for a header golive has undone: empty for a hidden one, the decoded
     * length for {@code Content-Length}; null for every other header, read as it came.
     */
    private Optional<String> shown(CharSequence name) {
        for (int i = 0; i < hidden.size(); i++) {
            if (sameName(hidden.get(i), name)) {
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

    /**
     * Where to look for a header from: its first index for a framing header (or {@link #count}
     * when the response has none), 0 for any other.
     */
    private int first(CharSequence name) {
        int k = framing(name.length());
        if (k >= 0 && sameName(FRAMING[k], name)) {
            return framing[k];
        }
        return k == 2 && sameName(FRAMING[4], name) ? framing[4] : 0;
    }

    /**
     * The framing header a name of this length may be, as its index in {@link #FRAMING}, or -1;
     * for 10 it is {@code connection}, or else {@code set-cookie}, which is as long.
     */
    private static int framing(int length) {
        return switch (length) {
            case 14 -> 0;
            case 17 -> 1;
            case 10 -> 2;
            case 16 -> 3;
            default -> -1;
        };
    }

    private boolean nameIs(int i, CharSequence name) {
        return same(bytes, fields[i * 4], fields[i * 4 + 1], name);
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
