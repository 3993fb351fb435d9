package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheScenarioOnStandardOutputAndTheSummaryOnStandardError() {
        String har = har("shop-checkout.har");

        CliRun run = CliRun.of("record", "import", har, "--scenario", "checkout");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("# Scenario 'checkout' imported from shop-checkout.har")
                .contains("scenarios:\n");
        assertThat(run.err())
                .startsWith(har + ": 11 entries, 6 kept (and 1 redirect followed within them), 4 dropped (static 3, "
                        + "other origin 1); 4 think times; relative to http://localhost:8080\n"
                        + "other origins dropped: analytics.example.net\n"
                        + "saved ${csrf} = regex:name=\"csrf\"[^>]*?value=\"([^\"]+): 'c5f2a9e0…' (16 chars)\n"
                        + "    from #1 GET /shop/signin: hidden input csrf\n"
                        + "    sent #2 POST /shop/signin: form csrf\n")
                .contains("secret: #2 POST /shop/signin: form pw is written ${secret:PW}");
    }

    @Test
    void listsCandidatesItDidNotReplaceWithTheReason() {
        CliRun run = CliRun.of("record", "import", har("ambiguous.har"), "--scenario", "items");

        assertThat(run.code()).isZero();
        assertThat(run.err())
                .contains("NOT replaced: 'tok-99881122' (12 chars)\n"
                        + "    from #1 GET /app/list: $.token; #2 GET /app/session: $.token\n"
                        + "    sent #3 GET /app/items/a1b2c3d4e5: header X-Token\n"
                        + "    found in 2 places; save the right one by hand\n");
    }

    @Test
    void outWritesTheFileAndRefusesToOverwriteItWithoutForce() throws IOException {
        Path out = dir.resolve("checkout.yaml");

        CliRun first = CliRun.of(
                "record", "import", har("shop-checkout.har"), "--scenario", "checkout", "--out", out.toString());
        String written = Files.readString(out);
        CliRun second =
                CliRun.of("record", "import", har("static.har"), "--scenario", "checkout", "--out", out.toString());
        String afterRefusal = Files.readString(out);
        CliRun forced = CliRun.of(
                "record", "import", har("static.har"), "--scenario", "browse", "--out", out.toString(), "--force");

        assertThat(first.code()).isZero();
        assertThat(first.out()).isEmpty();
        assertThat(first.err()).endsWith("scenario checkout written to " + out + "\n");
        assertThat(written).contains("scenarios:\n  checkout:\n");
        assertThat(second.code()).isEqualTo(2);
        assertThat(second.err()).isEqualTo(out + " exists; give --force to overwrite it\n");
        assertThat(afterRefusal).isEqualTo(written);
        assertThat(forced.code()).isZero();
        assertThat(Files.readString(out)).contains("scenarios:\n  browse:\n");
    }

    @Test
    void outInADirectoryThatDoesNotExistIsBadUsage() {
        Path out = dir.resolve("no/such/dir/checkout.yaml");

        CliRun run =
                CliRun.of("record", "import", har("shop-checkout.har"), "--scenario", "c", "--out", out.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("cannot write " + out + ": its directory does not exist\n");
    }

    @Test
    void aFileThatIsNotJsonIsBadUsageWithLineAndColumnAndWritesNothing() {
        Path out = dir.resolve("broken.yaml");
        String har = har("broken.har");

        CliRun run = CliRun.of("record", "import", har, "--scenario", "x", "--out", out.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(har + ":6:70: not valid JSON: Unexpected character ('}' (code 125)): was expecting "
                        + "double-quote to start field name\n");
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void jsonThatIsNotARecordingIsBadUsage() {
        CliRun run = CliRun.of("record", "import", har("not-a-har.har"), "--scenario", "x");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("not-a-har.har: not a HAR file: expected a JSON object with log.entries");
    }

    @Test
    void badOptionsAreBadUsage() {
        String har = har("static.har");

        CliRun noScenario = CliRun.of("record", "import", har);
        CliRun badName = CliRun.of("record", "import", har, "--scenario", "my flow");
        CliRun badDrop = CliRun.of("record", "import", har, "--scenario", "x", "--drop", "([a-z");

        assertThat(noScenario.code()).isEqualTo(2);
        assertThat(noScenario.err()).contains("Missing required option: '--scenario=NAME'");
        assertThat(badName.code()).isEqualTo(2);
        assertThat(badName.err())
                .isEqualTo("--scenario 'my flow': a scenario name starts with a letter or digit and holds only "
                        + "letters, digits, _, . and -\n");
        assertThat(badDrop.code()).isEqualTo(2);
        assertThat(badDrop.err()).startsWith("--drop '([a-z': not a regular expression: ");
    }

    @Test
    void jsonPrintsTheSummaryWithTheScenario() throws IOException {
        CliRun run = CliRun.of("record", "import", har("shop-checkout.har"), "--scenario", "checkout", "--json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(json.at("/summary/kept").asInt()).isEqualTo(6);
        assertThat(json.at("/summary/dropped/static").asInt()).isEqualTo(3);
        assertThat(json.at("/summary/candidates/2/saved").asText()).isEqualTo("orderId");
        assertThat(json.at("/summary/candidates/2/to/1").asText())
                .isEqualTo("#6 POST /shop/orders/ord-3f9a1c22/pay: path");
        assertThat(json.at("/yaml").asText()).contains("scenarios:\n  checkout:\n");
    }

    @Test
    void theRecordCommandAloneSaysWhatToDo() {
        CliRun run = CliRun.of("record");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Missing subcommand: try 'golive record import FILE.har --scenario NAME'");
    }

    private static String har(String name) {
        try {
            return Path.of(RecordImportCommandTest.class
                            .getResource("/har/" + name)
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
