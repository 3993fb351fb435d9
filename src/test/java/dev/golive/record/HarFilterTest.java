package dev.golive.record;

import static dev.golive.record.Recordings.imported;
import static dev.golive.record.Recordings.load;
import static dev.golive.record.Recordings.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.golive.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarFilterTest {
    @TempDir
    Path dir;

    @Test
    void staticResourcesAreDroppedByTypeAndByExtension() {
        Imported imported = imported("static.har");

        assertThat(urls(imported)).containsExactly("/", "/api/products", "/api/ping?t=1763631001", "/api/categories");
        assertThat(imported.summary().dropped())
                .containsExactly(Map.entry("static", 6), Map.entry("no response", 1), Map.entry("not http", 1));
        assertThat(imported.summary().entries()).isEqualTo(12);
        assertThat(imported.summary().kept()).isEqualTo(4);
    }

    @Test
    void keepStaticKeepsThemAndStillDropsWhatCannotBeRequested() {
        Imported imported = imported("static.har", new ImportOptions("flow", true, false, List.of(), null));

        assertThat(urls(imported))
                .contains("/static/app.js", "/avatar?user=7", "/fonts/inter.woff2", "/favicon.ico")
                .hasSize(10);
        assertThat(imported.summary().dropped()).containsExactly(Map.entry("no response", 1), Map.entry("not http", 1));
    }

    @Test
    void dropPatternsLeaveOutMatchingUrls() {
        Imported imported = imported("static.har", Recordings.dropping("/api/ping\\b", "categories$"));

        assertThat(urls(imported)).containsExactly("/", "/api/products");
        assertThat(imported.summary().dropped()).containsEntry("--drop", 2);
    }

    @Test
    void otherOriginsAndPreflightsAreDroppedAndNamed() {
        Imported imported = imported("spa-http2.har");

        assertThat(urls(imported))
                .containsExactly("/app/", "/api/login", "/api/carts/current", "/api/carts/${cartId}/lines");
        assertThat(imported.summary().dropped())
                .containsExactly(
                        Map.entry("static", 3), Map.entry("other origin", 1), Map.entry("unsupported method", 1));
        assertThat(imported.summary().otherOrigins()).containsExactly("o4507.ingest.sentry.example");
        assertThat(imported.summary().entry()).isEqualTo("https://shop.example");
    }

    @Test
    void keepOtherOriginsWritesThemWithAbsoluteUrls() {
        Imported imported = imported("spa-http2.har", new ImportOptions("flow", false, true, List.of(), null));

        assertThat(urls(imported)).endsWith("https://o4507.ingest.sentry.example/api/55/envelope/?sentry_key=ab12cd34");
        assertThat(imported.summary().dropped()).doesNotContainKey("other origin");
    }

    @Test
    void anEntryWithAPathMakesRequestsBelowItRelativeAndOthersAbsolute() {
        Imported imported = imported(
                "spa-http2.har", new ImportOptions("flow", false, false, List.of(), "https://shop.example/api/"));

        assertThat(urls(imported))
                .containsExactly("https://shop.example/app/", "/login", "/carts/current", "/carts/${cartId}/lines");
        assertThat(imported.summary().entry()).isEqualTo("https://shop.example/api");
    }

    @Test
    void nothingLeftIsAnErrorThatSaysWhatWasDropped() {
        Path file = Recordings.har("static.har");
        ImportOptions options = new ImportOptions("flow", false, false, List.of(), "https://elsewhere.example");

        assertThatThrownBy(() -> RecordImport.run(file, options))
                .isInstanceOf(HarException.class)
                .hasMessage(
                        file + ": no request is left to import: 12 in the recording, dropped static 6, other origin 4, "
                                + "no response 1, not http 1; try --keep-static, --keep-other-origins or another --entry");
    }

    @Test
    void anEmptyRecordingIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.har"), """
                {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": []}}
                """);

        assertThatThrownBy(() -> RecordImport.run(file, Recordings.options()))
                .isInstanceOf(HarException.class)
                .hasMessage(file + ": the recording holds no requests");
    }

    @Test
    void anEntryOptionThatIsNotAUrlWithoutQueryIsRefused() {
        ImportOptions options = new ImportOptions("flow", false, false, List.of(), "shop.example/app?x=1");

        assertThatThrownBy(() -> imported("static.har", options))
                .isInstanceOf(HarException.class)
                .hasMessage("--entry 'shop.example/app?x=1': expected an http or https URL without a query, like "
                        + "https://shop.example/app");
    }

    private List<String> urls(Imported imported) {
        return requests(load(dir, imported)).stream().map(Step.Request::url).toList();
    }
}
