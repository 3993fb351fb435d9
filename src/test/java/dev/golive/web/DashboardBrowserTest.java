package dev.golive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.golive.cli.Cli;
import dev.golive.release.ArtifactStore;
import dev.golive.release.Releases;
import dev.golive.runbook.StepStatus;
import dev.golive.testsupport.Browser;
import dev.golive.testsupport.ShopApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in real headless Chromium: several people follow the same runbook run, act on it
 * and see each other's actions arrive by the live feed; a viewer is refused; a load test's charts
 * grow while it runs. Screenshots of the pages go to {@code target/screenshots} (or where the
 * system property {@code golive.screenshots} says).
 */
class DashboardBrowserTest {
    private static final Duration GUARD = Duration.ofSeconds(20);
    private static final Path SHOTS = Path.of(System.getProperty("golive.screenshots", "target/screenshots"));

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private WarRoom room;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    @Test
    void threePeopleFollowARunbookLiveAndSeeEachOthersDecisions() {
        room = keep(WarRoom.open(dir));
        String run = room.start("opening", "olga");
        Browser olga = loggedIn("olga");
        Browser maria = loggedIn("maria");
        Browser kenji = loggedIn("kenji");
        for (Browser b : List.of(olga, maria, kenji)) {
            b.driver.get(room.url("/runbook"));
            awaitStatus(b, "freeze", "ready");
            script(b, "window.__sameLoad = true;");
        }
        assertThat(olga.driver.findElement(By.id("ready-freeze")).getText()).contains("code freeze until the open");
        olga.screenshot(SHOTS.resolve("runbook.png"));

        // olga confirms in her browser; maria and kenji see it without reloading.
        long sent = System.nanoTime();
        click(olga, "confirm-freeze");
        List<Long> seen = new ArrayList<>();
        for (Browser b : List.of(maria, kenji)) {
            awaitStatus(b, "freeze", "done");
            seen.add(Duration.ofNanos(System.nanoTime() - sent).toMillis());
            assertThat(script(b, "return window.__sameLoad === true;")).isEqualTo(true);
            assertThat(b.driver.findElement(By.id("step-freeze")).getText()).contains("olga");
        }
        System.out.println("a confirmation reached the two other browsers after " + seen + " ms");

        // A confirmation on the command line (the same engine and store) reaches the browsers too.
        room.runbooks.confirm(run, "backup", "olga", "done from the terminal");
        for (Browser b : List.of(olga, maria, kenji)) {
            awaitStatus(b, "backup", "done");
            awaitStatus(b, "go", "ready");
        }
        assertThat(olga.driver.findElements(By.id("approve-go")))
                .as("an operator gets no approve button")
                .isEmpty();

        // kenji (architect) and maria (pm) approve the gate in their browsers; what maria is
        // typing meanwhile survives the redraw kenji's approval causes on her page.
        type(maria, "reason-go", "the DBA has not answered");
        click(kenji, "approve-go");
        await().atMost(GUARD)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(
                                maria.driver.findElement(By.id("step-go")).getText())
                        .contains("kenji as architect"));
        assertThat(room.runbooks.view(run).step("go").orElseThrow().status()).isEqualTo(StepStatus.READY);
        assertThat(maria.driver.findElement(By.id("reason-go")).getAttribute("value"))
                .isEqualTo("the DBA has not answered");
        click(maria, "approve-go");
        for (Browser b : List.of(olga, maria, kenji)) {
            awaitStatus(b, "go", "done");
            awaitStatus(b, "announce", "ready");
        }
        assertThat(room.runbooks.view(run).step("go").orElseThrow().approvals())
                .containsExactlyInAnyOrder("kenji as architect", "maria as pm");

        // Rejecting needs a reason: the page says so and sends nothing.
        maria.driver.get(room.url("/runbook"));
        awaitStatus(maria, "announce", "ready");
        click(maria, "fail-announce");
        await().atMost(GUARD)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(
                                maria.driver.findElement(By.id("message")).getText())
                        .contains("Give the reason first."));
        assertThat(room.runbooks.view(run).step("announce").orElseThrow().status())
                .isEqualTo(StepStatus.READY);
        maria.screenshot(SHOTS.resolve("runbook-gate-passed.png"));

        maria.driver.get(room.url("/journal"));
        await().atMost(GUARD)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(
                                maria.driver.findElement(By.id("journal")).getText())
                        .contains("gate.approved", "kenji", "step.confirmed", "dashboard.login"));
        type(maria, "f-kind", "gate.");
        await().atMost(GUARD).ignoreExceptions().untilAsserted(() -> {
            String text = maria.driver.findElement(By.id("journal")).getText();
            assertThat(text).contains("gate.approved").doesNotContain("step.confirmed");
        });
        maria.screenshot(SHOTS.resolve("journal.png"));
    }

    @Test
    void aViewerSeesButCannotActAndSeesTheAdminAbortTheRun() {
        room = keep(WarRoom.open(dir));
        String run = room.start("opening", "olga");
        Browser vic = loggedIn("vic");
        vic.driver.get(room.url("/runbook"));
        awaitStatus(vic, "freeze", "ready");
        assertThat(vic.driver.findElements(By.cssSelector("button.act"))).isEmpty();
        Object answer = ((JavascriptExecutor) vic.driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "golive.post('/api/runbook/' + arguments[0] + '/steps/freeze/confirm', {})"
                                + ".then(() => done('accepted'), e => done(e.message));",
                        run);
        assertThat(answer).isEqualTo("vic is a viewer and may not confirm a step; that needs the operator role");
        assertThat(room.runbooks.view(run).step("freeze").orElseThrow().status())
                .isEqualTo(StepStatus.READY);
        assertThat(vic.driver.findElements(By.id("abort-run"))).isEmpty();

        // The admin aborts the run with a reason; the viewer's page shows it.
        Browser root = loggedIn("root");
        root.driver.get(room.url("/runbook"));
        awaitStatus(root, "freeze", "ready");
        type(root, "reason-abort", "the DBA is ill");
        click(root, "abort-run");
        awaitStatus(vic, "freeze", "cancelled");
        awaitText(vic, "main", "aborted", "the DBA is ill");
        assertThat(room.runbooks.view(run).outcome()).isEqualTo("aborted");
    }

    @Test
    void aLoadTestsChartsGrowWhileItRunsAndItsVerdictsShowAtTheEnd() throws Exception {
        ShopApp shop = keep(ShopApp.start());
        room = keep(WarRoom.open(dir, shop.url(), "8s"));
        Path war = Files.writeString(dir.resolve("shop-1.4.2.war"), "the shop, version 1.4.2");
        new Releases(room.store, new ArtifactStore(room.plan.artifactDirectory()), Clock.systemUTC())
                .add("1.4.2", List.of(war), "search twice as fast", "olga");
        Map<String, String> env = Map.of("GOLIVE_USER", "olga");
        String plan = dir.resolve("golive.yaml").toString();
        assertThat(Cli.run(env, "check", "production", "-f", plan).code()).isZero();

        Browser kenji = loggedIn("kenji");
        kenji.driver.get(room.url("/readiness"));
        await().atMost(GUARD)
                .ignoreExceptions()
                .untilAsserted(
                        () -> assertThat(kenji.driver.findElement(By.id("main")).getText())
                                .contains("production", "ready", "disk has room"));
        kenji.screenshot(SHOTS.resolve("readiness.png"));
        kenji.driver.get(room.url("/releases"));
        await().atMost(GUARD)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(
                                kenji.driver.findElement(By.id("releases")).getText())
                        .contains("1.4.2", "search twice as fast", "shop-1.4.2.war"));
        kenji.screenshot(SHOTS.resolve("releases.png"));

        kenji.driver.get(room.url("/load"));
        CompletableFuture<Cli.Result> load =
                CompletableFuture.supplyAsync(() -> Cli.run(env, "load", "production", "steady", "-f", plan));
        await().atMost(GUARD).ignoreExceptions().until(() -> points(kenji) >= 2);
        int early = points(kenji);
        assertThat(kenji.driver.findElement(By.id("load-state")).getText()).contains("running");
        await().atMost(GUARD).ignoreExceptions().until(() -> points(kenji) >= early + 2);
        kenji.screenshot(SHOTS.resolve("load-running.png"));
        Cli.Result result = load.get();
        assertThat(result.code()).as(result.err()).isZero();
        await().atMost(GUARD)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(
                                kenji.driver.findElement(By.id("load-state")).getText())
                        .contains("passed"));
        assertThat(kenji.driver.findElement(By.id("load-checks")).getText()).contains("met");
        assertThat(points(kenji)).isGreaterThanOrEqualTo(early + 2);
        assertThat(kenji.driver.findElements(By.cssSelector("#c-tps canvas"))).isNotEmpty();
        kenji.screenshot(SHOTS.resolve("load.png"));

        String runId = kenji.driver.findElement(By.id("load-run")).getText();
        kenji.driver.get(room.url("/reports/" + runId));
        assertThat(kenji.driver.getTitle()).contains(runId);
        await().atMost(GUARD)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(kenji.driver.findElements(By.tagName("canvas")))
                        .as("the report's charts are drawn")
                        .isNotEmpty());
    }

    private static int points(Browser b) {
        List<WebElement> chart = b.driver.findElements(By.id("c-tps"));
        if (chart.isEmpty()) {
            return 0;
        }
        String n = chart.get(0).getAttribute("data-points");
        return n == null ? 0 : Integer.parseInt(n);
    }

    private Browser loggedIn(String name) {
        Browser b = keep(Browser.start());
        b.driver.get(room.url("/runbook"));
        assertThat(b.driver.getCurrentUrl()).endsWith("/login");
        type(b, "name", name);
        type(b, "password", WarRoom.PASSWORDS.get(name));
        click(b, "login");
        try {
            await().atMost(GUARD)
                    .ignoreExceptions()
                    .until(() -> b.driver.getCurrentUrl().endsWith("/runbook"));
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "login failed at " + b.driver.getCurrentUrl() + ": " + b.driver.getPageSource(), e);
        }
        return b;
    }

    private static void awaitStatus(Browser b, String step, String status) {
        await().atMost(GUARD)
                .ignoreExceptions()
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(b.driver
                                .findElement(By.cssSelector("#step-" + step + " td.status"))
                                .getText())
                        .startsWith(status));
    }

    /**
     * Clicks the element once it is there; a page redrawn by someone else's action between finding
     * the element and clicking it is looked at again.
     */
    private static void click(Browser b, String id) {
        await().atMost(GUARD)
                .ignoreExceptions()
                .untilAsserted(() -> b.driver.findElement(By.id(id)).click());
    }

    private static void type(Browser b, String id, String text) {
        await().atMost(GUARD)
                .ignoreExceptions()
                .untilAsserted(() -> b.driver.findElement(By.id(id)).sendKeys(text));
    }

    private static void awaitText(Browser b, String id, String... parts) {
        await().atMost(GUARD)
                .ignoreExceptions()
                .untilAsserted(() ->
                        assertThat(b.driver.findElement(By.id(id)).getText()).contains(parts));
    }

    private static Object script(Browser b, String js) {
        return ((JavascriptExecutor) b.driver).executeScript(js);
    }

    private <T extends AutoCloseable> T keep(T c) {
        open.add(c);
        return c;
    }
}
