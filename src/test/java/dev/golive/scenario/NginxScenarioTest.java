package dev.golive.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.testsupport.NginxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NginxScenarioTest {
    private static NginxServer nginx;
    private static final String TEXT = "golive reads gzip\n".repeat(500);

    @TempDir
    static Path nginxDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void startNginx() throws IOException {
        nginx = NginxServer.startWithTls(nginxDir);
        Files.writeString(nginx.root().resolve("static/big.txt"), TEXT);
        Files.writeString(nginx.root().resolve("static/page.html"), "<p>the page</p>");
    }

    @AfterAll
    static void stopNginx() {
        nginx.close();
    }

    @Test
    void gzipBodiesAreDecompressedAndChecked() {
        Scenarios s = new Scenarios(dir, nginx.url(), """
                text:
                  steps:
                    - { get: /static/big.txt, expect: { status: 200, regex: "(golive reads gzip\\\\n){500}" } }
                """);

        ScenarioResult result = s.run("text");

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.steps().getFirst().response()).contains("gzip on the wire");
    }

    @Test
    void redirectsOfNginxAreFollowedOrShown() {
        Scenarios s = new Scenarios(dir, nginx.url(), """
                follow:
                  steps:
                    - { get: /old/page.html, expect: { status: 200, contains: the page } }
                stay:
                  steps:
                    - { get: /old/page.html, redirects: false, expect: { status: 302 }, save: { to: "header:Location" } }
                    - { get: "${to}", expect: { contains: the page } }
                """);

        ScenarioResult follow = s.run("follow");
        ScenarioResult stay = s.run("stay");

        assertThat(follow.passed()).as(follow.toString()).isTrue();
        assertThat(follow.steps().getFirst().response()).contains("from " + nginx.url() + "/old/page.html\n302");
        assertThat(stay.passed()).as(stay.toString()).isTrue();
        assertThat(stay.steps().getFirst().status()).isEqualTo(302);
    }

    @Test
    void absoluteUrlsIgnoreTheEntry() {
        Scenarios s = new Scenarios(
                dir,
                "http://entry.invalid",
                "abs:\n  steps:\n    - { get: \"" + nginx.url()
                        + "/static/page.html\", expect: { contains: the page } }\n");

        ScenarioResult result = s.run("abs");

        assertThat(result.passed()).as(result.toString()).isTrue();
    }

    @Test
    void aMissingFileFailsWithItsStatus() {
        Scenarios s = new Scenarios(dir, nginx.url(), "gone:\n  steps:\n    - { get: /static/nope.html }\n");

        assertThat(s.run("gone").failed().orElseThrow().failure())
                .isEqualTo("status: expected 2xx or 3xx, got 404 Not Found");
    }

    @Test
    void theSizeChecksMeasureTheBodyAsDecompressed() {
        Scenarios s = new Scenarios(dir, nginx.url(), """
                exact:
                  steps:
                    - { get: /static/big.txt, expect: { minSize: 9000, maxSize: 9000 } }
                small:
                  steps:
                    - { get: /static/big.txt, expect: { maxSize: 8KB } }
                """);

        ScenarioResult exact = s.run("exact");
        StepResult small = s.run("small").failed().orElseThrow();

        assertThat(exact.passed()).as(exact.toString()).isTrue();
        assertThat(exact.steps().getFirst().response()).contains("gzip on the wire");
        assertThat(small.failure()).isEqualTo("maxSize: expected at most 8 KB, the body is 8.8 KB (9000 bytes)");
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessTheEnvironmentIsInsecure() {
        String https = nginx.httpsUrl();
        String page = """
                page:
                  steps:
                    - { get: /static/page.html, expect: { contains: the page } }
                """;
        Scenarios verified = Scenarios.withEnvironments(dir, "test: { entry: \"" + https + "\" }\n", page);
        Scenarios insecure =
                Scenarios.withEnvironments(dir, "test: { entry: \"" + https + "\", insecure: true }\n", page);

        StepResult refused = verified.run("page").failed().orElseThrow();
        ScenarioResult accepted = insecure.run("page");

        assertThat(refused.failure())
                .startsWith("GET " + https + "/static/page.html: TLS handshake with " + https
                        + " failed: the server's certificate was not accepted (")
                .contains("certification path")
                .endsWith("); for the self-signed certificate of a test environment, set `insecure: true` on the"
                        + " environment");
        assertThat(accepted.passed()).as(accepted.toString()).isTrue();
        assertThat(accepted.steps().getFirst().request()).startsWith("GET " + https + "/static/page.html\n");
    }
}
