package dev.golive.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reading response bodies for checks and saves, and quoting them in messages. */
final class Bodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUOTE = 200;

    private Bodies() {}

    /** The body as a JSON tree, or a failure that says what came instead. */
    static JsonNode json(Incoming response, String purpose) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new StepFailure(purpose + ": the body is not JSON: " + quote(response));
        }
    }

    /** The start of the body, for a message. */
    static String quote(Incoming response) {
        String text = response.text();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        String head = text.length() > QUOTE ? text.substring(0, QUOTE) + "…" : text;
        return "'" + head.replace("\n", "\\n") + "' (" + response.size() + " bytes)";
    }
}
