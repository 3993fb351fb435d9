package dev.golive.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A request body as a scenario writes it. */
sealed interface Body {
    /** {@code application/x-www-form-urlencoded}: fields in order, decoded. */
    record Form(List<Url.Param> fields) implements Body {
        public Form {
            fields = List.copyOf(fields);
        }
    }

    /** A JSON document: the text as recorded and its tree. */
    record Json(String text, JsonNode tree) implements Body {}

    /** Anything else, sent as recorded with its Content-Type. */
    record Raw(String text) implements Body {}
}
