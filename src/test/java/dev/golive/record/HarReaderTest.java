package dev.golive.record;

import static dev.golive.record.Recordings.har;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsEntriesWithTheirStartDurationRequestAndResponse() {
        List<HarEntry> entries = Har.read(har("shop-checkout.har"));

        assertThat(entries).hasSize(11);
        HarEntry signin = entries.get(5);
        assertThat(signin.start()).isEqualTo(Instant.parse("2026-11-20T09:30:04.200Z"));
        assertThat(signin.time()).isEqualTo(Duration.ofNanos(21_300_000));
        assertThat(signin.request().method()).isEqualTo("POST");
        assertThat(signin.request().body()).isEqualTo("csrf=c5f2a9e07b1d4c3a&id=alice&pw=ecila");
        assertThat(signin.response().status()).isEqualTo(302);
        assertThat(signin.response().header("location")).contains("/shop/home");
        assertThat(entries.get(2).response().text()).as("a PNG has no text").isNull();
    }

    @Test
    void ordersEntriesByStartAndDecodesBase64Bodies() throws IOException {
        Path file = Files.writeString(dir.resolve("firefox.har"), """
                {"log": {"version": "1.2", "creator": {"name": "Firefox", "version": "133.0"}, "entries": [
                  {"startedDateTime": "2026-11-20T10:30:02.000+01:00", "time": 5,
                   "request": {"method": "get", "url": "http://localhost:8080/b", "headers": []},
                   "response": {"status": 200, "headers": [],
                                "content": {"mimeType": "application/json", "encoding": "base64",
                                            "text": "eyJpZCI6ICJvcmQtMSJ9"}}},
                  {"startedDateTime": "2026-11-20T10:30:01.000+01:00", "time": 5,
                   "request": {"method": "GET", "url": "http://localhost:8080/a", "headers": []},
                   "response": {"status": 200, "headers": [], "content": {"mimeType": "text/html"}}}
                ]}}
                """);

        List<HarEntry> entries = Har.read(file);

        assertThat(entries)
                .extracting(e -> e.request().url())
                .containsExactly("http://localhost:8080/a", "http://localhost:8080/b");
        assertThat(entries).extracting(HarEntry::index).containsExactly(0, 1);
        assertThat(entries.get(1).request().method()).isEqualTo("GET");
        assertThat(entries.get(1).response().text()).isEqualTo("{\"id\": \"ord-1\"}");
    }

    @Test
    void aJsonSyntaxErrorNamesTheFileLineAndColumn() {
        Path file = har("broken.har");

        assertThatThrownBy(() -> Har.read(file))
                .isInstanceOf(HarException.class)
                .hasMessage(file + ":6:70: not valid JSON: Unexpected character ('}' (code 125)): was expecting "
                        + "double-quote to start field name");
    }

    @Test
    void jsonThatIsNotARecordingIsRefused() {
        Path file = har("not-a-har.har");

        assertThatThrownBy(() -> Har.read(file))
                .isInstanceOf(HarException.class)
                .hasMessage(file + ": not a HAR file: expected a JSON object with log.entries, as a browser's network "
                        + "panel saves it (Save all as HAR)");
    }

    @Test
    void anEntryWithoutAUrlIsNamedByItsPath() {
        Path file = har("missing-url.har");

        assertThatThrownBy(() -> Har.read(file))
                .isInstanceOf(HarException.class)
                .hasMessage(file + ": log.entries[1].request.url: missing");
    }

    @Test
    void aMissingFileIsSaidSo() {
        Path file = dir.resolve("nothing.har");

        assertThatThrownBy(() -> Har.read(file))
                .isInstanceOf(HarException.class)
                .hasMessage(file + ": no such file");
    }
}
