package dev.golive.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.testsupport.Ports;
import dev.golive.testsupport.ShopApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopScenarioTest {
    private static ShopApp shop;

    @TempDir
    Path dir;

    @BeforeAll
    static void startShop() throws IOException {
        shop = ShopApp.start();
    }

    @AfterAll
    static void stopShop() {
        shop.close();
    }

    private Scenarios plan(String yaml) {
        return new Scenarios(dir, shop.url(), yaml);
    }

    @Test
    void cookiesAreKeptWithinAUserAndNeverSharedBetweenUsers() {
        Scenarios s = plan("""
                login:
                  steps:
                    - { post: /shop/login, form: { id: alice, pw: ecila }, expect: { contains: Welcome alice } }
                    - { get: /shop/home, expect: { status: 200, contains: Welcome alice } }
                stranger:
                  steps:
                    - { get: /shop/home, expect: { status: 401 } }
                """);

        List<ScenarioResult> users = s.runTimes("login", 2);
        ScenarioResult stranger = s.run("stranger");

        assertThat(users)
                .allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
        assertThat(stranger.passed()).as(stranger.toString()).isTrue();
    }

    @Test
    void savedValuesFlowIntoLaterStepsWithFeedColumnsAndSavedHeadersAndCookies() throws IOException {
        java.nio.file.Files.writeString(dir.resolve("users.csv"), "id,pw,term\nbob,bob,red shoes\n");
        Scenarios s = plan("""
                order:
                  feed: { file: users.csv, mode: queue }
                  steps:
                    - { post: /shop/login, form: { id: "${id}", pw: "${pw}" }, save: { sid: "cookie:session" } }
                    - { get: "/shop/search?q=${term}", save: { item: "$.items[0].id", price: "regex:\\"price\\":(\\\\d+)" } }
                    - { post: /shop/cart, json: { item: "${item}" }, save: { cart: "header:X-Cart-Id" },
                        expect: { json: { "$.item": sku-red-shoes-1, "$.user": bob } } }
                    - { get: "/echo", query: { cart: "${cart}", sid: "${sid}", price: "${price}" },
                        expect: { contains: "cart=cart-bob&sid=t-bob-" } }
                """);

        ScenarioResult result = s.run("order");

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.steps().getLast().response()).contains("price=12");
    }

    @Test
    void aValueNoStepSavedFailsTheStepNamingIt() {
        Scenarios s = plan("""
                typo:
                  steps:
                    - { get: "/shop/search?q=${term}" }
                """);

        StepResult failed = s.run("typo").failed().orElseThrow();

        assertThat(failed.failure())
                .isEqualTo("no value for ${term} in '/shop/search?q=${term}': no feed column or earlier save has"
                        + " that name; known: []");
    }

    @Test
    void statusCheckSaysWhatWasExpectedAndWhatCame() {
        assertThat(failureOf("{ get: /shop/home, expect: { status: 200 } }"))
                .isEqualTo("status: expected 200, got 401 Unauthorized");
        assertThat(failureOf("{ get: /shop/home }")).isEqualTo("status: expected 2xx or 3xx, got 401 Unauthorized");
        assertThat(failureOf("{ get: /shop/home, expect: { status: [200, 204] } }"))
                .isEqualTo("status: expected one of [200, 204], got 401 Unauthorized");
    }

    @Test
    void containsCheckQuotesTheBody() {
        assertThat(failureOf("{ get: /shop/home, expect: { status: 401, contains: Welcome } }"))
                .isEqualTo("contains: expected the body to contain 'Welcome', got 'log in first' (12 bytes)");
    }

    @Test
    void regexCheckQuotesThePatternAndTheBody() {
        assertThat(failureOf("{ get: /shop/home, expect: { status: 401, regex: \"^Welcome \\\\w+\" } }"))
                .isEqualTo("regex: expected the body to match /^Welcome \\w+/, got 'log in first' (12 bytes)");
    }

    @Test
    void jsonCheckShowsTheValueFoundOrThatNothingIsThere() {
        assertThat(failureOf("{ get: \"/shop/search?q=hat\", expect: { json: { \"$.items[1].id\": sku-hat-1 } } }"))
                .isEqualTo("json $.items[1].id: expected 'sku-hat-1', got 'sku-hat-2'");
        assertThat(failureOf("{ get: \"/shop/search?q=hat\", expect: { json: { \"$.items[2].id\": x } } }"))
                .startsWith("json $.items[2].id: expected 'x', the body has nothing there: '{\"query\":\"hat\"");
        assertThat(failureOf("{ get: /shop/home, expect: { status: 401, json: { \"$.a\": x } } }"))
                .isEqualTo("json $.a: the body is not JSON: 'log in first' (12 bytes)");
    }

    @Test
    void maxTimeCheckShowsTheLimitAndTheTimeTaken() {
        assertThat(failureOf("{ get: /slow, expect: { maxTime: 100ms } }"))
                .matches("maxTime: expected at most 100 ms, took \\d{3,} ms");
    }

    @Test
    void aSaveThatFindsNothingFailsTheStep() {
        assertThat(failureOf("{ get: \"/shop/search?q=hat\", save: { id: \"$.missing\" } }"))
                .startsWith("save id ($.missing): nothing at that path in '{\"query\":\"hat\"");
        assertThat(failureOf("{ get: \"/shop/search?q=hat\", save: { c: \"cookie:session\" } }"))
                .isEqualTo("save c (cookie:session): the user has no cookie session");
        assertThat(failureOf("{ get: \"/shop/search?q=hat\", save: { h: \"header:X-Nope\" } }"))
                .isEqualTo("save h (header:X-Nope): the response has no header X-Nope");
    }

    @Test
    void redirectsAreFollowedUnlessTurnedOff() {
        Scenarios s = plan("""
                follow:
                  steps:
                    - { post: /shop/login, form: { id: ann, pw: nna }, expect: { status: 200 } }
                stay:
                  steps:
                    - { post: /shop/login, form: { id: ann, pw: nna }, redirects: false, save: { to: "header:Location" },
                        expect: { status: 302 } }
                    - { get: "${to}", expect: { status: 200, contains: Welcome ann } }
                """);

        ScenarioResult follow = s.run("follow");
        ScenarioResult stay = s.run("stay");

        assertThat(follow.passed()).as(follow.toString()).isTrue();
        assertThat(follow.steps().getFirst().request()).contains("POST " + shop.url() + "/shop/login", "GET ");
        assertThat(stay.passed()).as(stay.toString()).isTrue();
        assertThat(stay.steps().getFirst().status()).isEqualTo(302);
    }

    @Test
    void spacesInAUrlOrItsValuesAreEncoded() throws IOException {
        java.nio.file.Files.writeString(dir.resolve("terms.csv"), "term\nblue cap\n");
        Scenarios s = plan("""
                spaces:
                  feed: { file: terms.csv }
                  steps:
                    - { get: "/echo?a=red hat&b=${term}", expect: { contains: "GET /echo?a=red%20hat&b=blue%20cap" } }
                """);

        ScenarioResult result = s.run("spaces");

        assertThat(result.passed()).as(result.toString()).isTrue();
    }

    @Test
    void headersQueryAndRawBodyAreSentAsWritten() {
        Scenarios s = plan("""
                echo:
                  steps:
                    - { put: /echo, headers: { X-Trace: abc, Content-Type: text/csv }, query: { q: "a b&c" }, body: "1,2" }
                """);

        StepResult step = s.run("echo").steps().getFirst();

        assertThat(step.response()).contains("PUT /echo?q=a+b%26c", "x-trace: abc", "content-type: text/csv", "\n1,2");
    }

    @Test
    void aRequestSaysHowLongItsBodyIsOnlyWhenItHasOneOrItsMethodDefinesOne() {
        Scenarios s = plan("""
                lengths:
                  steps:
                    - { get: /echo }
                    - { post: /echo }
                    - { delete: /echo, body: "x" }
                """);

        List<StepResult> steps = s.run("lengths").steps();

        assertThat(steps.get(0).response()).contains("GET /echo").doesNotContain("content-length");
        assertThat(steps.get(1).response()).contains("POST /echo", "content-length: 0");
        assertThat(steps.get(2).response()).contains("DELETE /echo", "content-length: 1");
    }

    @Test
    void aUserKeepsItsConnectionAliveAndAnotherUserOpensItsOwn() {
        Scenarios s = plan("""
                twice:
                  steps:
                    - { get: /echo, save: { port: "regex:from port (\\\\d+)" } }
                    - { get: /echo, expect: { contains: "from port ${port}" } }
                """);

        List<ScenarioResult> users = s.runTimes("twice", 2);

        assertThat(users)
                .allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
        assertThat(clientPort(users.get(0))).isNotEqualTo(clientPort(users.get(1)));
    }

    @Test
    void aUserRunningAgainKeepsItsConnectionButStartsWithoutCookies() {
        Scenarios s = plan("""
                session:
                  steps:
                    - { get: /shop/home, expect: { status: 401 } }
                    - { post: /shop/login, form: { id: eve, pw: eve }, expect: { contains: Welcome eve } }
                    - { get: /echo }
                """);

        List<ScenarioResult> runs = s.runAsOneUser("session", 2);

        assertThat(runs).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
        assertThat(lastPort(runs.get(0))).isEqualTo(lastPort(runs.get(1)));
    }

    private static String lastPort(ScenarioResult result) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("from port (\\d+)")
                .matcher(result.steps().getLast().response());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void aLateStartIsChargedToTheFirstStepAndTheTransactionsAroundIt() {
        Scenarios s = plan("""
                late:
                  steps:
                    - transaction: browse
                      steps:
                        - { get: "/shop/search?q=a" }
                        - { get: "/shop/search?q=b" }
                """);

        List<StepResult> steps = s.runLate("late", Duration.ofSeconds(5)).steps();

        assertThat(steps.get(0).time()).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(steps.get(1).time()).isLessThan(Duration.ofSeconds(5));
        assertThat(steps.get(2).time())
                .isEqualTo(steps.get(0).time().plus(steps.get(1).time()));
    }

    @Test
    void transactionsAreReportedAfterTheirStepsWithTheirTotalTime() {
        Scenarios s = plan("""
                tx:
                  steps:
                    - transaction: browse
                      steps:
                        - { get: \"/shop/search?q=a\" }
                        - { think: 1s..3s }
                        - { get: \"/shop/search?q=b\" }
                """);

        List<StepResult> steps = s.run("tx").steps();

        assertThat(steps).extracting(StepResult::kind).containsExactly("request", "think", "request", "transaction");
        assertThat(steps).extracting(StepResult::depth).containsExactly(1, 1, 1, 0);
        Duration sum = steps.subList(0, 3).stream().map(StepResult::time).reduce(Duration.ZERO, Duration::plus);
        assertThat(steps.getLast().time()).isEqualTo(sum);
        assertThat(s.pauses)
                .singleElement()
                .satisfies(p -> assertThat(p).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3)));
    }

    @Test
    void aFailedStepEndsItsTransactionAndTheScenario() {
        Scenarios s = plan("""
                tx:
                  steps:
                    - transaction: checkout
                      steps:
                        - { post: /shop/cart, json: { item: x } }
                        - { get: \"/shop/search?q=never\" }
                    - { get: \"/shop/search?q=never\" }
                """);

        List<StepResult> steps = s.run("tx").steps();

        assertThat(steps).extracting(StepResult::kind).containsExactly("request", "transaction");
        assertThat(steps.getLast().failure()).isEqualTo("step 'POST /shop/cart' failed");
    }

    @Test
    void aServerThatIsNotThereFailsWithTheAddress() throws IOException {
        int port = Ports.closed();
        Scenarios s = new Scenarios(dir, "http://127.0.0.1:" + port, "down:\n  steps:\n    - { get: /x }\n");

        StepResult failed = s.run("down").failed().orElseThrow();

        assertThat(failed.failure())
                .startsWith("GET http://127.0.0.1:" + port + "/x: cannot connect to http://127.0.0.1:" + port);
        assertThat(failed.request()).startsWith("GET http://127.0.0.1:" + port + "/x\n");
    }

    @Test
    void anUploadSendsItsFieldsAndTheFileAsMultipartFormData() throws Exception {
        byte[] pdf = new byte[20_000];
        new java.util.Random(11).nextBytes(pdf);
        byte[] lookalike = "\r\n--golive-\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(lookalike, 0, pdf, 100, lookalike.length);
        Files.createDirectories(dir.resolve("docs"));
        Files.write(dir.resolve("docs/invoice.pdf"), pdf);
        Files.writeString(dir.resolve("notes.csv"), "note\n\"paid, with thanks\"\n");
        Scenarios s = plan("""
                upload:
                  feed: { file: notes.csv }
                  steps:
                    - post: /upload
                      upload: { file: docs/invoice.pdf, field: document, type: application/pdf,
                                fields: { note: "${note}", by: golive } }
                      expect:
                        json: { "$.parts[0].name": note, "$.parts[0].value": "paid, with thanks",
                                "$.parts[1].name": by, "$.parts[1].value": golive,
                                "$.parts[2].name": document, "$.parts[2].filename": invoice.pdf,
                                "$.parts[2].type": application/pdf, "$.parts[2].size": "20000",
                                "$.parts[2].sha256": "%s" }
                """.formatted(sha256(pdf)));

        ScenarioResult result = s.run("upload");

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.steps().getFirst().request())
                .contains("Content-Type: multipart/form-data; boundary=golive-", "(20000 bytes of docs/invoice.pdf)")
                .hasSizeLessThan(2000);
    }

    @Test
    void anUploadGuessesTheTypeFromTheExtensionAndSendsTheFileAsFieldFile() throws IOException {
        Files.writeString(dir.resolve("photo.PNG"), "not really a png");
        Files.writeString(dir.resolve("data.bin"), "");
        Scenarios s = plan("""
                guess:
                  steps:
                    - { post: /upload, upload: { file: photo.PNG },
                        expect: { json: { "$.parts[0].name": file, "$.parts[0].type": image/png, "$.parts[0].size": "16" } } }
                    - { put: /upload, upload: { file: data.bin },
                        expect: { json: { "$.parts[0].type": application/octet-stream, "$.parts[0].size": "0" } } }
                """);

        ScenarioResult result = s.run("guess");

        assertThat(result.passed()).as(result.toString()).isTrue();
    }

    @Test
    void anUploadOfAFileThatIsNotThereFailsTheStepNamingThePath() {
        assertThat(failureOf("{ post: /upload, upload: { file: scans/nope.pdf } }"))
                .isEqualTo("upload scans/nope.pdf: there is no file " + dir.resolve("scans/nope.pdf")
                        + " (upload files are relative to the plan's directory)");
    }

    @Test
    void headerChecksAcceptTheExactValueOrAMatchIgnoringTheCaseOfTheName() {
        Scenarios s = plan("""
                headers:
                  steps:
                    - { get: "/shop/search?q=hat", expect: { headers: { content-type: application/json } } }
                    - { get: "/headers?X-Id=a1&X-Id=42", expect: { headers: { X-ID: "regex:^[0-9]+$" } } }
                """);

        ScenarioResult result = s.run("headers");

        assertThat(result.passed()).as(result.toString()).isTrue();
    }

    @Test
    void patternsWithSavedValuesAreCompletedWhenTheStepRuns() {
        Scenarios s = plan("""
                match:
                  steps:
                    - { get: "/headers?X-Id=42", save: { id: "header:X-Id" } }
                    - { get: "/headers?X-Id=42", expect: { headers: { X-Id: "regex:^${id}$" } } }
                    - { get: "/echo?id=${id}", expect: { regex: "GET /echo[?]id=${id}" } }
                differ:
                  steps:
                    - { get: "/headers?X-Id=42", save: { id: "header:X-Id" } }
                    - { get: "/echo?id=7", expect: { regex: "GET /echo[?]id=${id}" } }
                """);

        ScenarioResult match = s.run("match");
        StepResult differ = s.run("differ").failed().orElseThrow();

        assertThat(match.passed()).as(match.toString()).isTrue();
        assertThat(differ.failure())
                .startsWith("regex: expected the body to match /GET /echo[?]id=42/, got 'GET /echo?id=7");
    }

    @Test
    void headerCheckShowsWhatWasExpectedAndEveryValueThatCame() {
        assertThat(failureOf("{ get: \"/shop/search?q=hat\", expect: { headers: { Content-Type: text/html } } }"))
                .isEqualTo("header Content-Type: expected 'text/html', got 'application/json'");
        assertThat(failureOf(
                        "{ get: \"/headers?X-Id=a1&X-Id=b2\", expect: { headers: { X-Id: \"regex:^[0-9]+$\" } } }"))
                .isEqualTo("header X-Id: expected a match of /^[0-9]+$/, got ['a1', 'b2']");
        assertThat(failureOf("{ get: /headers, expect: { headers: { X-Id: \"regex:^[0-9]+$\" } } }"))
                .isEqualTo("header X-Id: expected a match of /^[0-9]+$/, the response has no X-Id header");
    }

    @Test
    void sizeChecksCompareTheBodyWithTheLimits() {
        Scenarios s = plan("""
                sizes:
                  steps:
                    - { get: "/bytes?n=2048", expect: { minSize: 2KB, maxSize: 2KB } }
                """);

        ScenarioResult result = s.run("sizes");

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(failureOf("{ get: \"/bytes?n=3250586\", expect: { maxSize: 2MB } }"))
                .isEqualTo("maxSize: expected at most 2 MB, the body is 3.1 MB (3250586 bytes)");
        assertThat(failureOf("{ get: \"/bytes?n=12\", expect: { minSize: 1KB, maxSize: 1MB } }"))
                .isEqualTo("minSize: expected at least 1 KB, the body is 12 bytes");
    }

    @Test
    void aServiceUrlGoesToThatHttpServiceOfTheEnvironment() {
        Scenarios s = Scenarios.withEnvironments(dir, """
                test:
                  entry: http://entry.invalid
                  services:
                    api: { kind: http, url: "%s/shop/" }
                other:
                  services:
                    web: { kind: http, url: http://web.invalid }
                """.formatted(shop.url()), """
                api:
                  steps:
                    - { get: "service:api/search?q=hat", expect: { json: { "$.items[0].id": sku-hat-1 } } }
                    - { get: "service:api", expect: { status: 404 } }
                web:
                  steps:
                    - { get: "service:web/health" }
                """);

        ScenarioResult api = s.run("api");
        StepResult web = s.run("web").failed().orElseThrow();

        assertThat(api.passed()).as(api.toString()).isTrue();
        assertThat(api.steps().getFirst().request()).startsWith("GET " + shop.url() + "/shop/search?q=hat\n");
        assertThat(api.steps().get(1).request()).startsWith("GET " + shop.url() + "/shop/\n");
        assertThat(web.name()).isEqualTo("GET service:web/health");
        assertThat(web.failure())
                .isEqualTo("cannot request 'service:web/health': environment test has no http service 'web'; it has"
                        + " [api]");
    }

    @Test
    void aFeedRowIsGivenBackWhenTheUserEndsEvenAfterAFailure() throws IOException {
        Files.writeString(dir.resolve("one.csv"), "id\nann\n");
        Scenarios s = plan("""
                once:
                  feed: { file: one.csv, mode: circular }
                  steps:
                    - { get: "/shop/search?q=${id}", expect: { status: 201 } }
                """);

        List<ScenarioResult> runs = s.runTimes("once", 3);

        assertThat(runs)
                .allSatisfy(r ->
                        assertThat(r.failed().orElseThrow().failure()).isEqualTo("status: expected 201, got 200 OK"));
    }

    private static String sha256(byte[] content) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static String clientPort(ScenarioResult result) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("from port (\\d+)")
                .matcher(result.steps().getFirst().response());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String failureOf(String step) {
        Scenarios s = plan("one:\n  steps:\n    - " + step + "\n");
        return s.run("one").failed().orElseThrow().failure();
    }
}
