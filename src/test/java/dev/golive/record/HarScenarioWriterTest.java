package dev.golive.record;

import static dev.golive.record.Recordings.load;
import static dev.golive.record.Recordings.requests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Scenario;
import dev.golive.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarScenarioWriterTest {
    @TempDir
    Path dir;

    @Test
    void everyRecordingImportsToAScenarioThePlanLoaderAccepts() {
        for (String har :
                List.of("shop-checkout.har", "spa-http2.har", "ambiguous.har", "static.har", "redirects.har")) {
            Scenario scenario = load(dir, Recordings.imported(har));

            assertThat(scenario).as(har).isNotNull();
            assertThat(requests(scenario)).as(har).isNotEmpty();
        }
    }

    @Test
    void valuesYamlWouldReadAsOtherThingsStayText() throws IOException {
        Path file = Files.writeString(dir.resolve("tricky.har"), """
                {"log": {"version": "1.2", "entries": [
                  {"startedDateTime": "2026-11-20T09:30:00.000Z", "time": 5,
                   "request": {"method": "POST", "url": "http://localhost:8080/form?n=01234&flag=yes#top",
                               "headers": [{"name": "X-Note", "value": "# not a comment: {a}, [b] & *c"}],
                               "postData": {"mimeType": "application/x-www-form-urlencoded",
                                            "text": "zip=01234&ok=no&empty=&multi=line%0Atwo&quote=%22it%27s%22"}},
                   "response": {"status": 200, "headers": [], "content": {"mimeType": "text/html", "text": ""}}}
                ]}}
                """);

        Imported imported = RecordImport.run(file, Recordings.options());
        Step.Request step = requests(load(dir, imported)).getFirst();

        assertThat(step.url()).isEqualTo("/form?n=01234&flag=yes");
        assertThat(step.headers()).containsExactly(Map.entry("X-Note", "# not a comment: {a}, [b] & *c"));
        assertThat(step.form())
                .containsExactly(
                        Map.entry("zip", "01234"),
                        Map.entry("ok", "no"),
                        Map.entry("empty", ""),
                        Map.entry("multi", "line\ntwo"),
                        Map.entry("quote", "\"it's\""));
    }

    @Test
    void aFormWithARepeatedFieldIsWrittenAsItsRawBody() throws IOException {
        Path file = Files.writeString(dir.resolve("repeated.har"), """
                {"log": {"version": "1.2", "entries": [
                  {"startedDateTime": "2026-11-20T09:30:00.000Z", "time": 5,
                   "request": {"method": "POST", "url": "http://localhost:8080/filter", "headers": [],
                               "postData": {"mimeType": "application/x-www-form-urlencoded",
                                            "text": "size=M&size=L&q=red+hat"}},
                   "response": {"status": 200, "headers": [], "content": {"mimeType": "text/html", "text": ""}}}
                ]}}
                """);

        Step.Request step = requests(load(dir, RecordImport.run(file, Recordings.options())))
                .getFirst();

        assertThat(step.form()).isEmpty();
        assertThat(step.body()).isEqualTo("size=M&size=L&q=red+hat");
        assertThat(step.headers()).containsExactly(Map.entry("Content-Type", "application/x-www-form-urlencoded"));
    }

    @Test
    void theHeaderCommentSaysWhereTheScenarioComesFrom() {
        Imported imported = Recordings.imported("shop-checkout.har");

        assertThat(imported.yaml())
                .startsWith("# Scenario 'flow' imported from shop-checkout.har by golive record import: 6 requests, "
                        + "4 think times, relative to http://localhost:8080.\n"
                        + "# Values the server hands out, saved and sent back: csrf, itemId, orderId, orderToken.\n")
                .contains("\nscenarios:\n  flow:\n    steps:\n      - get: \"/shop/signin\"\n");
    }
}
