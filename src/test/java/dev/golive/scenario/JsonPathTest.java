package dev.golive.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonPathTest {
    private static final String DOC = "{\"a\":{\"b\":[{\"c\":\"x\"},{\"c\":2}]},\"odd key\":true,\"list\":[1,[5]]}";

    private static String at(String path) throws Exception {
        JsonNode node = JsonPath.parse(path).find(new ObjectMapper().readTree(DOC));
        return node.isMissingNode() ? "missing" : JsonPath.text(node);
    }

    @Test
    void followsNamesIndexesAndQuotedNames() throws Exception {
        assertThat(at("$.a.b[0].c")).isEqualTo("x");
        assertThat(at("$.a.b[1].c")).isEqualTo("2");
        assertThat(at("$['odd key']")).isEqualTo("true");
        assertThat(at("$.list[1][0]")).isEqualTo("5");
        assertThat(at("$.a.b[0]")).isEqualTo("{\"c\":\"x\"}");
        assertThat(at("$.a.b[5].c")).isEqualTo("missing");
    }

    @Test
    void rejectsWhatItDoesNotKnowWithThePosition() {
        assertThatThrownBy(() -> JsonPath.parse("a.b"))
                .hasMessage("bad JSON path 'a.b': it must start with $, like $.items[0].id");
        assertThatThrownBy(() -> JsonPath.parse("$.a[*]"))
                .hasMessage("bad JSON path '$.a[*]' at position 3: expected .name, [index] or ['name']");
    }
}
