package dev.golive.record;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Reads a HAR 1.2 file, as browsers save it, into entries ordered by their start. */
final class Har {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;

    private Har(String file) {
        this.file = file;
    }

    static List<HarEntry> read(Path path) {
        return new Har(path.toString()).entries(tree(path));
    }

    private static JsonNode tree(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new HarException(path + ": no such file");
        } catch (IOException e) {
            throw new HarException(path + ": cannot read it: " + e.getMessage());
        }
        try {
            JsonNode root = JSON.readTree(text);
            return root == null ? JSON.missingNode() : root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new HarException(path + where + ": not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    private List<HarEntry> entries(JsonNode root) {
        JsonNode entries = root.path("log").path("entries");
        if (!entries.isArray()) {
            throw new HarException(file + ": not a HAR file: expected a JSON object with log.entries, as a "
                    + "browser's network panel saves it (Save all as HAR)");
        }
        List<HarEntry> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            out.add(entry(entries.get(i), "log.entries[" + i + "]", i));
        }
        List<HarEntry> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(HarEntry::start));
        List<HarEntry> indexed = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            indexed.add(sorted.get(i).at(i));
        }
        return indexed;
    }

    private HarEntry entry(JsonNode node, String path, int index) {
        Instant start = start(text(node, path, "startedDateTime"), path);
        double millis = node.path("time").asDouble(0);
        return new HarEntry(
                index,
                start,
                Duration.ofNanos((long) (millis * 1_000_000)),
                request(node.path("request"), path + ".request"),
                response(node.path("response")));
    }

    private Instant start(String text, String path) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new HarException(file + ": " + path + ".startedDateTime: expected a date and time like "
                    + "2026-11-29T10:15:30.123Z, found '" + text + "'");
        }
    }

    private HarEntry.Request request(JsonNode node, String path) {
        JsonNode post = node.path("postData");
        return new HarEntry.Request(
                text(node, path, "method").toUpperCase(Locale.ROOT),
                text(node, path, "url"),
                headers(node.path("headers")),
                nullable(post.path("mimeType")),
                nullable(post.path("text")),
                headers(post.path("params")));
    }

    private static HarEntry.Response response(JsonNode node) {
        JsonNode content = node.path("content");
        String mimeType = nullable(content.path("mimeType"));
        return new HarEntry.Response(
                node.path("status").asInt(0), headers(node.path("headers")), mimeType, body(content, mimeType));
    }

    /** The body as text; base64 content is decoded when it is text. */
    private static String body(JsonNode content, String mimeType) {
        String text = nullable(content.path("text"));
        if (text == null || !textual(mimeType)) {
            return null;
        }
        if ("base64".equalsIgnoreCase(content.path("encoding").asText(""))) {
            try {
                return new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return text;
    }

    static boolean textual(String mimeType) {
        String t = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        return t.isBlank()
                || t.startsWith("text/")
                || t.contains("json")
                || t.contains("xml")
                || t.contains("javascript")
                || t.contains("x-www-form-urlencoded");
    }

    private static List<HarEntry.Header> headers(JsonNode list) {
        List<HarEntry.Header> out = new ArrayList<>();
        for (JsonNode h : list) {
            if (h.hasNonNull("name")) {
                out.add(new HarEntry.Header(
                        h.path("name").asText(), h.path("value").asText("")));
            }
        }
        return out;
    }

    private String text(JsonNode node, String path, String key) {
        JsonNode value = node.path(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new HarException(file + ": " + path + "." + key + ": "
                    + (value.isMissingNode() || value.isNull() ? "missing" : "expected text, found " + value));
        }
        return value.asText();
    }

    private static String nullable(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message;
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }
}
