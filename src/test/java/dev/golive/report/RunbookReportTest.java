package dev.golive.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import dev.golive.runbook.RunView;
import dev.golive.runbook.Runbooks;
import dev.golive.store.Store;
import dev.golive.store.StoreConfig;
import dev.golive.target.SshSettings;
import dev.golive.testsupport.TestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report of a run, rendered against a clock that stands still. */
class RunbookReportTest {
    private static final String SVG_NAMESPACE = "xmlns=\"http://www.w3.org/2000/svg\"";

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-12-04T20:00:00Z");
    private Runbooks runbooks;
    private String run;

    @BeforeEach
    void walkTheOpenDay() throws Exception {
        Path fixture = Path.of(getClass().getResource("/runbooks/report.yaml").toURI());
        Plan plan = new PlanLoader(Map.of(), null).load(fixture);
        Store store = Store.open(StoreConfig.of(null, dir).withClock(clock));
        runbooks = new Runbooks(plan, store, clock, SshSettings.forPlan(dir));
        run = runbooks.start("open-day", "staging", "alice", Runbooks.StartOptions.real())
                .runId();
        clock.advance(Duration.ofMinutes(25));
        runbooks.confirm(run, "freeze", "alice", null);
        clock.advance(Duration.ofMinutes(2));
        runbooks.execute(run, "deploy", "alice", null, new PrintWriter(new StringWriter()));
        runbooks.fail(run, "warm", "alice", "<img src=x onerror=alert(1)>");
    }

    @Test
    void reportLoadsNothingFromTheNetwork() {
        String html = render();

        assertThat(html.replace(SVG_NAMESPACE, ""))
                .doesNotContain("http://", "https://", "<script", "<link", "<img", "@import", "url(", "src=\"");
    }

    @Test
    void reportDrawsTheTimelineAsInlineSvgWithAPlannedBarPerStep() {
        String html = render();

        assertThat(html).containsOnlyOnce("<svg").contains("</svg>");
        assertThat(count(html, "<title>planned ")).isEqualTo(4);
        assertThat(html).contains("<title>deploy: done</title>").contains("<title>warm: failed</title>");
    }

    @Test
    void stepTextIsEscaped() {
        String html = render();

        assertThat(html)
                .contains("&lt;script&gt;alert(&#39;freeze&#39;)&lt;/script&gt;")
                .contains("pm &amp; co")
                .contains("&lt;b&gt;deployed&lt;/b&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<b>deployed</b>");
    }

    @Test
    void reportShowsLatenessAndTheCriticalPath() {
        String html = render();

        // deploy was planned for 20:10, after freeze's ten minutes, and started at 20:27
        assertThat(html).contains("<td>17 min</td>");
        assertThat(html).contains("Critical path: freeze → deploy → go.");
        assertThat(html).contains("<b>deploy</b>");
        assertThat(html).contains("In staging, started by alice at 2026-12-04 20:00:00; still running.");
    }

    @Test
    void reportOfAnEndedRunSaysHowItEnded() {
        runbooks.approve(run, "go", "bob");

        String html = render();

        assertThat(html).contains("ended 2026-12-04 20:27:00: done.");
        assertThat(html).contains("approved by bob as architect");
    }

    @Test
    void reportOfADryRunRehearsalSaysSo() {
        runbooks.abort(run, "alice", "walked through");
        String dry = runbooks.start("open-day", "staging", "alice", new Runbooks.StartOptions(true, true, null))
                .runId();

        String html = new RunbookReport(ZoneId.of("UTC"), clock.instant()).render(runbooks.view(dry));

        assertThat(html).contains("In staging (rehearsal, dry run), started by alice at 2026-12-04 20:27:00;");
    }

    private String render() {
        RunView view = runbooks.view(run);
        return new RunbookReport(ZoneId.of("UTC"), clock.instant()).render(view);
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
