package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookReportCommandTest {
    private static final String SVG_NAMESPACE = "xmlns=\"http://www.w3.org/2000/svg\"";

    @TempDir
    Path dir;

    private String plan;
    private Map<String, String> env;

    @BeforeEach
    void writePlan() throws IOException {
        Path file = dir.resolve("golive.yaml");
        try (InputStream in = getClass().getResourceAsStream("/runbooks/cli-open-day.yaml")) {
            Files.copy(in, file);
        }
        plan = file.toString();
        env = Map.of("MARKER", dir.resolve("deployed.txt").toString());
    }

    @Test
    void reportWritesASelfContainedPageWithTheTimeline() throws IOException {
        golive("runbook", "start", "open-day", "--env", "staging", "--as", "alice");
        golive("runbook", "confirm", "freeze", "--as", "alice");
        Path file = dir.resolve("night.html");

        CliRun report = golive("runbook", "report", "-o", file.toString());

        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).isEqualTo("Wrote " + file + "\n");
        String html = Files.readString(file);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<svg")
                .contains("</svg>")
                .endsWith("</html>\n");
        assertThat(html.replace(SVG_NAMESPACE, ""))
                .doesNotContain("http://", "https://", "<script", "<link", "@import", "url(");
        assertThat(html).contains("<h1>Runbook open-day — run ");
        assertThat(html).contains("In staging, started by alice at ");
    }

    @Test
    void reportOfAnEndedRunNamedByItsId() throws IOException {
        golive("runbook", "start", "open-day", "--env", "staging", "--as", "alice");
        golive("runbook", "abort", "--as", "alice", "--reason", "the <vendor> postponed");
        String run = latestRun();
        Path file = dir.resolve("aborted.html");

        CliRun report = golive("runbook", "report", run, "-o", file.toString());

        assertThat(report.code()).as(report.err()).isZero();
        assertThat(Files.readString(file))
                .contains(": aborted — the &lt;vendor&gt; postponed.")
                .doesNotContain("<vendor>");
    }

    private String latestRun() throws IOException {
        CliRun status = golive("runbook", "status", "--json");
        assertThat(status.code()).as(status.err()).isZero();
        return new ObjectMapper().readTree(status.out()).get("run").asText();
    }

    private CliRun golive(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-f");
        all.add(plan);
        return CliRun.withInput("", env, all.toArray(String[]::new));
    }
}
