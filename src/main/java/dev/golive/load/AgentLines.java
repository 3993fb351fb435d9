package dev.golive.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a load agent on a generator host tells its controller, one line of JSON per message after
 * {@value #PREFIX}: every second's figures (histograms whole, so the controller merges them
 * exactly), and at the end how it went.
 */
public final class AgentLines {
    public static final String PREFIX = "@golive-agent ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AgentLines() {}

    public static String second(Sample s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "second");
        o.put("second", s.second());
        o.put("wanted", s.wanted());
        o.put("arrivals", s.arrivals());
        o.put("late", s.late());
        o.put("dropped", s.dropped());
        o.put("active", s.active());
        o.put("cpu", s.cpu());
        ArrayNode intervals = o.putArray("intervals");
        for (Interval i : s.intervals()) {
            ObjectNode n = intervals.addObject();
            n.put("kind", i.kind());
            n.put("name", i.name());
            n.put("times", Histograms.encode(i.times()));
            n.put("service", Histograms.encode(i.service()));
            ObjectNode errors = n.putObject("errors");
            i.errors().forEach(errors::put);
        }
        return PREFIX + o;
    }

    public static String end(LoadResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "end");
        o.put("elapsedMs", r.elapsed().toMillis());
        o.put("completed", r.completed());
        o.put("stopped", r.stopped());
        o.set("health", JSON.valueToTree(r.health()));
        return PREFIX + o;
    }

    /** The message of a line, or null when the line is not one. */
    static JsonNode read(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        try {
            return JSON.readTree(line.substring(PREFIX.length()));
        } catch (JacksonException e) {
            throw new IllegalStateException("a load agent sent a line that cannot be read: " + e.getOriginalMessage());
        }
    }

    static Sample sample(JsonNode o) {
        List<Interval> intervals = new ArrayList<>();
        for (JsonNode n : o.path("intervals")) {
            Map<String, Long> errors = new TreeMap<>();
            n.path("errors")
                    .properties()
                    .forEach(e -> errors.put(e.getKey(), e.getValue().asLong()));
            intervals.add(new Interval(
                    n.path("kind").asText(),
                    n.path("name").asText(),
                    Histograms.decode(n.path("times").asText()),
                    Histograms.decode(n.path("service").asText()),
                    errors));
        }
        return new Sample(
                o.path("second").asInt(),
                o.path("wanted").asDouble(),
                o.path("arrivals").asLong(),
                o.path("late").asLong(),
                o.path("dropped").asLong(),
                o.path("active").asInt(),
                o.path("cpu").asDouble(),
                intervals);
    }

    static Health health(JsonNode o) {
        JsonNode h = o.path("health");
        List<String> invalid = new ArrayList<>();
        h.path("invalid").forEach(x -> invalid.add(x.asText()));
        return new Health(
                h.path("arrivals").asLong(),
                h.path("late").asLong(),
                h.path("dropped").asLong(),
                h.path("maxCpu").asDouble(),
                h.path("saturated").asInt(),
                invalid);
    }
}
