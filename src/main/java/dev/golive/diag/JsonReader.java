package dev.golive.diag;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON thread dump of JDK 21 and later ({@code jcmd PID Thread.dump_to_file -format=json FILE}):
 * {@code threadDump.threadContainers[].threads[]} with {@code tid}, {@code name}, {@code stack} and, in
 * newer JDKs, {@code state}, {@code virtual}, {@code carrier}, {@code parkBlocker}, {@code blockedOn},
 * {@code waitingOn} and {@code monitorsOwned}.
 */
final class JsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReader() {}

    static Capture read(String source, Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[1 << 14];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            text.append(buffer, 0, n);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text.toString());
        } catch (JacksonException e) {
            throw new DiagException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode dump = root == null ? null : root.get("threadDump");
        if (dump == null || !dump.has("threadContainers")) {
            throw new DiagException(source + ": JSON without threadDump.threadContainers: not a JDK thread dump");
        }
        List<ThreadBuilder> threads = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (JsonNode container : dump.get("threadContainers")) {
            for (JsonNode t : container.path("threads")) {
                ThreadBuilder b = thread(t);
                threads.add(b);
                names.put(t.path("tid").asText(), b.name);
            }
        }
        List<DumpThread> built = new ArrayList<>();
        for (ThreadBuilder b : threads) {
            b.carrier = b.carrier == null ? null : names.getOrDefault(b.carrier, b.carrier);
            b.locks.replaceAll(l -> l.owner() == null
                    ? l
                    : new LockLine(l.kind(), l.lock(), l.depth(), names.getOrDefault(l.owner(), l.owner())));
            built.add(b.build());
        }
        ThreadDump td = new ThreadDump(
                source,
                1,
                1,
                timestamp(dump.path("time").asText(null)),
                ThreadHeader.number(dump.path("processId").asText("")),
                runtime(dump),
                "json",
                built,
                List.of(),
                null);
        return new Capture(source, lines(text), 0, List.of(td), List.of(), List.of());
    }

    private static int lines(CharSequence text) {
        int lines = text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? 0 : 1;
        for (int i = 0; i < text.length(); i++) {
            lines += text.charAt(i) == '\n' ? 1 : 0;
        }
        return lines;
    }

    private static ThreadBuilder thread(JsonNode t) {
        ThreadBuilder b = new ThreadBuilder(t.path("name").asText(""));
        b.id = ThreadHeader.number(t.path("tid").asText(""));
        b.virtual = t.path("virtual").asBoolean(false);
        b.carrier = t.hasNonNull("carrier") ? t.get("carrier").asText() : null;
        ThreadState state = ThreadState.of(t.path("state").asText(""));
        b.state = state == null ? ThreadState.UNKNOWN : state;
        for (JsonNode frame : t.path("stack")) {
            b.frames.add(Frame.parse(frame.asText()));
        }
        locks(t, b);
        return b;
    }

    private static void locks(JsonNode t, ThreadBuilder b) {
        JsonNode blocker = t.get("parkBlocker");
        if (blocker != null && blocker.hasNonNull("object")) {
            String owner = blocker.hasNonNull("owner") ? blocker.get("owner").asText() : null;
            b.locks.add(new LockLine(
                    LockLine.Kind.PARKING, Lock.of(blocker.get("object").asText(), null), 0, owner));
        }
        if (t.hasNonNull("blockedOn")) {
            b.locks.add(new LockLine(
                    LockLine.Kind.WAITING_TO_LOCK, Lock.of(t.get("blockedOn").asText(), null), 0, null));
        }
        if (t.hasNonNull("waitingOn")) {
            b.locks.add(new LockLine(
                    LockLine.Kind.WAITING_ON, Lock.of(t.get("waitingOn").asText(), null), 0, null));
        }
        for (JsonNode owned : t.path("monitorsOwned")) {
            int depth = owned.path("depth").asInt(0);
            for (JsonNode lock : owned.path("locks")) {
                if (!lock.isNull()) {
                    b.locks.add(new LockLine(LockLine.Kind.LOCKED, Lock.of(lock.asText(), null), depth, null));
                }
            }
        }
    }

    private static String runtime(JsonNode dump) {
        String version = dump.path("runtimeVersion").asText("");
        return version.isEmpty() ? "" : "Java " + version;
    }

    private static LocalDateTime timestamp(String text) {
        return text == null ? null : Times.parse(text);
    }
}
