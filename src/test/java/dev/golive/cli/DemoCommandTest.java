package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.testsupport.Ports;
import dev.golive.testsupport.Processes;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo, end to end in its quick mode: every stage as expected, the cause found, the hotfix
 * released through staging to production, nothing left running.
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDemoRunsEveryStageFindsTheContentionShipsTheHotfixServesItsDashboardAndLeavesNoProcessBehind()
            throws Exception {
        Path work = dir.resolve("demo");

        int port = Ports.free();
        AtomicReference<CliRun> ran = new AtomicReference<>();
        Thread demo = new Thread(() -> ran.set(CliRun.of(
                Map.of("GOLIVE_USER", "tester"),
                "demo",
                "--quick",
                "--dir",
                work.toString(),
                "--serve",
                "--port",
                String.valueOf(port))));
        demo.start();
        Path users = work.resolve("dashboard-users.txt");
        await().atMost(Duration.ofMinutes(6)).until(() -> !demo.isAlive() || answers(port));
        assertThat(demo.isAlive())
                .as("the demo serves its dashboard at the end")
                .isTrue();
        assertThat(Files.getPosixFilePermissions(users))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String kenji = Files.readAllLines(users).stream()
                .filter(l -> l.startsWith("kenji approver "))
                .findFirst()
                .orElseThrow()
                .split(" ")[2];
        HttpClient browser = loggedIn(port, "kenji", kenji);
        var json = new ObjectMapper();
        var loads = json.readTree(get(browser, port, "/api/loads"));
        assertThat(loads).extracting(n -> n.get("outcome").asText()).containsExactlyInAnyOrder("failed", "passed");
        var releases = json.readTree(get(browser, port, "/api/releases"));
        assertThat(releases.get("deployed").get("production"))
                .extracting(
                        n -> n.get("instance").asText() + " " + n.get("version").asText())
                .containsExactlyInAnyOrder("shop/app1 1.0.1", "shop/app2 1.0.1");
        assertThat(json.readTree(get(browser, port, "/api/runbook"))
                        .get("view")
                        .get("outcome")
                        .asText())
                .isEqualTo("done");
        assertThat(json.readTree(get(browser, port, "/api/drills")))
                .extracting(n -> n.get("outcome").asText())
                .containsExactly("survived");
        demo.interrupt();
        demo.join(Duration.ofMinutes(2));
        assertThat(demo.isAlive()).isFalse();
        CliRun run = ran.get();

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains(
                        Files.isExecutable(Path.of("/usr/sbin/nginx"))
                                ? "In front of production: nginx, at http://127.0.0.1:"
                                : "In front of production: golive's own balancer",
                        "[1] The plan",
                        "$ golive release add build/1.0.0/shop.jar --version 1.0.0 --notes 'the first release'",
                        "shop/stage1: verified - SHA-256 on the host matches 1.0.0",
                        "deploy 1.0.0 to staging: passed",
                        "smoke staging: all 1 scenarios passed",
                        "shop/app2: smoke - order passed",
                        "deploy 1.0.0 to production: passed",
                        "/version of the production instances: app1 1.0.0, app2 1.0.0",
                        "[7] Load test",
                        "MISSED  search p95",
                        "capture 1 (overall p95 was",
                        "2 of 2 instances captured into .golive/captures/",
                        "golive diag reads them:",
                        "CRITICAL  ",
                        "threads blocked on",
                        "at dev.golive.demo.ShopServer$PriceCache.refresh",
                        "refused: release 1.0.1 was never deployed to staging",
                        "deploy 1.0.1 to staging: passed",
                        "shop/app1: stopped - stopped PID",
                        "deploy 1.0.1 to production: passed",
                        "/version of the production instances: app1 1.0.1, app2 1.0.1",
                        "all targets met",
                        "$ golive drill production lose-one-shop",
                        "Gate go approved by kenji; the gate is passed.",
                        "has ended: done.",
                        "] The war room",
                        "$ golive user add kenji --role approver",
                        "The dashboard is at http://127.0.0.1:" + port + "/",
                        "The dashboard has stopped.",
                        "Everything the demo started has stopped.")
                .containsPattern("ok +shop/app1 +1\\.0\\.1 +1\\.0\\.1 +the host has the bytes of 1\\.0\\.1")
                .containsPattern("ok +shop/app2 +1\\.0\\.1 +1\\.0\\.1 +the host has the bytes of 1\\.0\\.1")
                .containsPattern("production runs 1\\.0\\.1 +yes")
                .doesNotContain(" NO (exit", " NO\n");
        assertThat(work.resolve("reports/index.html")).exists();
        assertThat(Files.readString(work.resolve("reports/index.html")))
                .contains("load-with-fault.html", "load-after-fix.html", "runbook.html");
        assertThat(Files.readString(work.resolve("reports/load-with-fault.html")))
                .contains("<h2>Captures</h2>", "capture.taken shop/app1: 3 thread dumps");
        assertThat(Processes.containing(work.toString()))
                .as("processes of the demo still running")
                .isEmpty();
        for (String host : List.of("app1", "app2")) {
            Path jar = work.resolve("apps/" + host + "/shop.jar");
            assertThat(jar).hasSameBinaryContentAs(work.resolve("build/1.0.1/shop.jar"));
            assertThat(version(jar)).isEqualTo("1.0.1");
            assertThat(version(jar.resolveSibling("shop.jar.golive-previous"))).isEqualTo("1.0.0");
            assertThat(work.resolve("logs/" + host + "/gc.log"))
                    .as("each instance logs apart")
                    .isNotEmptyFile();
        }
        assertThat(work.resolve("logs/shop.out")).doesNotExist();
        CliRun deployed = CliRun.of(
                Map.of("GOLIVE_USER", "tester"),
                "deployed",
                "production",
                "--json",
                "-f",
                work.resolve("golive.yaml").toString());
        assertThat(deployed.code()).as(deployed.out() + deployed.err()).isZero();
        assertThat(new ObjectMapper().readTree(deployed.out()))
                .extracting(n -> n.get("instance").asText() + " "
                        + n.get("state").asText() + " " + n.get("onHost").asText())
                .containsExactly("shop/app1 ok 1.0.1", "shop/app2 ok 1.0.1");
    }

    private static boolean answers(int port) {
        try {
            return HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpClient loggedIn(int port, String name, String password) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = get(client, port, "/login");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).as(form).isTrue();
        String body = "_csrf=" + token.group(1) + "&name=" + name + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isIn(200, 303);
        return client;
    }

    private static String get(HttpClient client, int port, String path) throws Exception {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static String version(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
    }

    @Test
    void aDirectoryThatIsNotADemosIsLeftAlone() throws IOException {
        Files.writeString(dir.resolve("precious.txt"), "keep me");

        CliRun run = CliRun.of(Map.of(), "demo", "--quick", "--dir", dir.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("is not a golive demo's directory");
        assertThat(dir.resolve("precious.txt")).hasContent("keep me");
    }
}
