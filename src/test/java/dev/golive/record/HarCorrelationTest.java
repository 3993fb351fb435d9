package dev.golive.record;

import static dev.golive.record.Recordings.imported;
import static dev.golive.record.Recordings.load;
import static dev.golive.record.Recordings.requests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarCorrelationTest {
    @TempDir
    Path dir;

    @Test
    void aHiddenCsrfInputIsSavedByRegexAndSentAsReference() {
        Imported imported = imported("shop-checkout.har");
        List<Step.Request> steps = requests(load(dir, imported));

        assertThat(steps.get(0).save()).containsExactly(Map.entry("csrf", "regex:name=\"csrf\"[^>]*?value=\"([^\"]+)"));
        assertThat(steps.get(1).form()).containsEntry("csrf", "${csrf}").containsEntry("id", "alice");
        assertThat(imported.summary().candidates().getFirst())
                .isEqualTo(new Candidate(
                        "c5f2a9e0…",
                        16,
                        List.of("#1 GET /shop/signin: hidden input csrf"),
                        List.of("#2 POST /shop/signin: form csrf"),
                        "csrf",
                        "regex:name=\"csrf\"[^>]*?value=\"([^\"]+)",
                        null));
    }

    @Test
    void jsonIdsAndResponseHeadersAreSavedAndReplacedWhereverTheyAreSent() {
        List<Step.Request> steps = requests(load(dir, imported("shop-checkout.har")));

        assertThat(steps.get(2).save()).containsExactly(Map.entry("itemId", "$.items[0].id"));
        assertThat(steps.get(3).json()).isEqualTo("{\"item\":\"${itemId}\",\"quantity\":1}");
        assertThat(steps.get(3).save()).containsExactly(Map.entry("orderId", "$.order.id"));
        assertThat(steps.get(4).url()).isEqualTo("/shop/orders/${orderId}");
        assertThat(steps.get(4).save()).containsExactly(Map.entry("orderToken", "header:X-Order-Token"));
        assertThat(steps.get(5).url()).isEqualTo("/shop/orders/${orderId}/pay");
        assertThat(steps.get(5).headers()).containsEntry("X-Order-Token", "${orderToken}");
    }

    @Test
    void aBearerTokenAndANumericIdInAJsonBodyAreReplaced() {
        List<Step.Request> steps = requests(load(dir, imported("spa-http2.har")));

        assertThat(steps.get(1).save()).containsExactly(Map.entry("accessToken", "$.access_token"));
        assertThat(steps.get(2).headers()).containsEntry("authorization", "Bearer ${accessToken}");
        assertThat(steps.get(2).save()).containsExactly(Map.entry("cartId", "$.cart.id"));
        Step.Request lines = steps.get(3);
        assertThat(lines.url()).isEqualTo("/api/carts/${cartId}/lines");
        assertThat(lines.json()).as("a number cannot be a reference in json:").isNull();
        assertThat(lines.body()).isEqualTo("{\"cartId\":${cartId},\"sku\":\"sku-hat-1\",\"qty\":2,\"price\":9.99}");
        assertThat(lines.headers()).containsEntry("Content-Type", "application/json");
    }

    @Test
    void aCookieCopiedIntoAHeaderAndACursorInTheQueryAreReplaced() throws IOException {
        Path file = Files.writeString(dir.resolve("cursor.har"), """
                {"log": {"version": "1.2", "entries": [
                  {"startedDateTime": "2026-11-20T09:30:00.000Z", "time": 5,
                   "request": {"method": "GET", "url": "http://localhost:8080/app", "headers": []},
                   "response": {"status": 200, "content": {"mimeType": "text/html", "text": "<p>shop</p>"},
                                "headers": [{"name": "Set-Cookie", "value": "XSRF-TOKEN=x7Kp2QmZ9w; Path=/"}]}},
                  {"startedDateTime": "2026-11-20T09:30:00.100Z", "time": 5,
                   "request": {"method": "POST", "url": "http://localhost:8080/api/list",
                               "headers": [{"name": "X-XSRF-TOKEN", "value": "x7Kp2QmZ9w"}]},
                   "response": {"status": 200, "headers": [],
                                "content": {"mimeType": "application/json", "text": "{\\"next\\": \\"p+Q/7z==\\"}"}}},
                  {"startedDateTime": "2026-11-20T09:30:00.200Z", "time": 5,
                   "request": {"method": "GET", "url": "http://localhost:8080/api/list?cursor=p%2BQ%2F7z%3D%3D&size=20",
                               "headers": []},
                   "response": {"status": 200, "headers": [], "content": {"mimeType": "application/json", "text": "{}"}}}
                ]}}
                """);

        List<Step.Request> steps = requests(load(dir, RecordImport.run(file, Recordings.options())));

        assertThat(steps.get(0).save()).containsExactly(Map.entry("xsrfToken", "cookie:XSRF-TOKEN"));
        assertThat(steps.get(1).headers()).containsExactly(Map.entry("X-XSRF-TOKEN", "${xsrfToken}"));
        assertThat(steps.get(1).save()).containsExactly(Map.entry("next", "$.next"));
        assertThat(steps.get(2).url()).isEqualTo("/api/list");
        assertThat(steps.get(2).query()).containsExactly(Map.entry("cursor", "${next}"), Map.entry("size", "20"));
    }

    @Test
    void ambiguousValuesAreListedWithTheirPlacesAndSentAsRecorded() {
        Imported imported = imported("ambiguous.har");
        Step.Request item = requests(load(dir, imported)).get(2);

        assertThat(item.url()).isEqualTo("/app/items/a1b2c3d4e5");
        assertThat(item.headers()).containsEntry("X-Token", "tok-99881122").containsEntry("X-Api-Key", "k-7d1e0a9c55");
        assertThat(imported.summary().candidates())
                .extracting(Candidate::value, Candidate::from, Candidate::saved, Candidate::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "a1b2c3d4e5",
                                List.of("#1 GET /app/list: $.items[0].id", "#1 GET /app/list: $.featured.id"),
                                null,
                                "found in 2 places; save the right one by hand"),
                        org.assertj.core.groups.Tuple.tuple(
                                "tok-99881122",
                                List.of("#1 GET /app/list: $.token", "#2 GET /app/session: $.token"),
                                null,
                                "found in 2 places; save the right one by hand"),
                        org.assertj.core.groups.Tuple.tuple(
                                "k-7d1e0a9c55",
                                List.of("GET http://localhost:8080/app/config.js: text at line 1"),
                                null,
                                "it comes from a dropped request (static)"));
        assertThat(imported.yaml())
                .contains("# Sent back as recorded, review these:\n"
                        + "#   'a1b2c3d4e5' from #1 GET /app/list: $.items[0].id and #1 GET /app/list: $.featured.id, "
                        + "sent in #3 GET /app/items/a1b2c3d4e5: path: found in 2 places; save the right one by hand\n")
                .doesNotContain("save:");
    }

    @Test
    void passwordsBecomeSecretsAndAreNeverCandidates() {
        Imported shop = imported("shop-checkout.har");
        Imported spa = imported("spa-http2.har");

        assertThat(shop.yaml()).contains("pw: \"${secret:PW}\"").doesNotContain("ecila");
        assertThat(shop.summary().secrets())
                .containsExactly(
                        "#2 POST /shop/signin: form pw is written ${secret:PW}; give PW in the secrets file or "
                                + "the environment");
        assertThat(spa.yaml())
                .contains("\\\"password\\\":\\\"${secret:PASSWORD}\\\"")
                .doesNotContain("ecila");
    }

    @Test
    void wordsShortValuesAndNumbersBelowSixDigitsAreNotCandidates() {
        assertThat(List.of("alice", "true", "checkout", "Red-Hat", "XMLHttpRequest", "application/json", "12345"))
                .allMatch(Correlations::trivial);
        assertThat(List.of("123456", "ord-3f9a1c22", "aGhTkLpQ", "c5f2a9e07b1d4c3a", "sku-hat-1"))
                .noneMatch(Correlations::trivial);
    }

    @Test
    void aValueInsideTextIsFoundByTheTextBeforeItAndWhatEndsIt() {
        String html = "<a href=\"/shop/orders/ord-1a2b3c\">ord-1a2b3c</a> <a href=\"/shop/orders/ord-9z8y7x\">x</a>";
        int at = html.indexOf("ord-9z8y7x");

        String regex = Regexes.around(html, at, "ord-9z8y7x".length());

        assertThat(regex).isEqualTo(" <a href=\"/shop/orders/([^\"]+)");
        assertThat(Regexes.finds(regex, html, at, "ord-9z8y7x".length())).isTrue();
    }
}
