package dev.golive.runbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The journal kinds a runbook run writes, and their JSON data. */
final class Events {
    static final String STARTED = "runbook.started";
    static final String INTENT = "step.intent";
    static final String LAUNCHED = "step.started";
    static final String FINISHED = "step.finished";
    static final String CONFIRMED = "step.confirmed";
    static final String FAILED = "step.failed";
    static final String SKIPPED = "step.skipped";
    static final String RESOLVED = "step.resolved";
    static final String APPROVED = "gate.approved";
    static final String REJECTED = "gate.rejected";
    static final String ABORTED = "runbook.aborted";
    static final String ROLLBACK = "runbook.rollback";
    static final String ENDED = "runbook.ended";

    static final ObjectMapper JSON = new ObjectMapper();

    private Events() {}

    static ObjectNode data(String step) {
        ObjectNode data = JSON.createObjectNode();
        if (step != null) {
            data.put("step", step);
        }
        return data;
    }

    static ObjectNode data(String step, Map<String, ?> fields) {
        ObjectNode data = data(step);
        fields.forEach((k, v) -> data.set(k, JSON.valueToTree(v)));
        return data;
    }

    static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a runbook entry of the journal is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write runbook event: " + e.getOriginalMessage(), e);
        }
    }

    static String text(JsonNode data, String field) {
        JsonNode n = data.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
