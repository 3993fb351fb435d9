package dev.golive.record;

import static dev.golive.record.Recordings.imported;
import static dev.golive.record.Recordings.load;
import static dev.golive.record.Recordings.requests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarHeadersTest {
    @TempDir
    Path dir;

    @Test
    void http2PseudoHeadersCookiesAndBrowserHeadersAreDroppedAndTheApplicationsKept() {
        List<Step.Request> steps = requests(load(dir, imported("spa-http2.har")));

        assertThat(steps.get(0).headers()).as("a navigation").isEmpty();
        assertThat(steps.get(2).headers())
                .containsExactly(
                        Map.entry("accept", "application/json, text/plain, */*"),
                        Map.entry("authorization", "Bearer ${accessToken}"),
                        Map.entry("x-api-version", "3"));
    }

    @Test
    void http1BrowserHeadersAreDroppedAndAnApiCallKeepsItsAccept() {
        List<Step.Request> steps = requests(load(dir, imported("shop-checkout.har")));

        assertThat(steps.get(0).headers()).as("GET /shop/signin, a navigation").isEmpty();
        assertThat(steps.get(1).headers())
                .as("a form post: Content-Type comes with form:")
                .isEmpty();
        assertThat(steps.get(2).headers())
                .containsExactly(
                        Map.entry("Accept", "application/json"), Map.entry("X-Requested-With", "XMLHttpRequest"));
    }

    @Test
    void cacheRevalidationIsDroppedAndA304IsExpectedAsTheFullAnswer() {
        Step.Request categories = requests(load(dir, imported("static.har"))).get(3);

        assertThat(categories.url()).isEqualTo("/api/categories");
        assertThat(categories.headers()).containsOnlyKeys("Accept");
        assertThat(categories.expect().status()).containsExactly(200);
    }

    @Test
    void headersAreJudgedByNameWithoutRegardToCase() {
        List<HarEntry.Header> recorded = List.of(
                new HarEntry.Header(":authority", "shop.example"),
                new HarEntry.Header("COOKIE", "a=b"),
                new HarEntry.Header("Sec-Fetch-Mode", "cors"),
                new HarEntry.Header("If-None-Match", "\"x\""),
                new HarEntry.Header("Content-Type", "text/xml"),
                new HarEntry.Header("X-Tenant", "north"),
                new HarEntry.Header("x-tenant", "south"),
                new HarEntry.Header("Accept", "*/*"));

        assertThat(Headers.kept(recorded, false)).containsExactly(Map.entry("X-Tenant", "north, south"));
        assertThat(Headers.kept(recorded, true))
                .containsExactly(Map.entry("Content-Type", "text/xml"), Map.entry("X-Tenant", "north, south"));
    }
}
