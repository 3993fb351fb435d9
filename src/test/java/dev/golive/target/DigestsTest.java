package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The check after an upload, with the host's answer injected: a damaged copy cannot be made on demand. */
class DigestsTest {
    private static final String EXPECTED = "a".repeat(64);

    private static Result answer(int status, String stdout) {
        return new Result("was1", status, stdout, "", Duration.ZERO, false, null);
    }

    @Test
    void acceptsTheSameDigest() {
        assertThatCode(() -> Digests.verify(
                        command -> answer(0, EXPECTED + "  /opt/shop.war\n"), "was1 (h:22)", "/opt/shop.war", EXPECTED))
                .doesNotThrowAnyException();
    }

    @Test
    void aDifferentDigestOnTheHostIsAnErrorSayingBoth() {
        String actual = "b".repeat(64);

        assertThatThrownBy(() -> Digests.verify(
                        command -> answer(0, actual + "  /opt/shop.war\n"), "was1 (h:22)", "/opt/shop.war", EXPECTED))
                .isInstanceOf(TargetException.class)
                .hasMessage("was1 (h:22): /opt/shop.war has SHA-256 " + actual + " on the host but " + EXPECTED
                        + " here; the copy is damaged (a full disk?) or was changed while copying. Check the space"
                        + " on the host and upload again");
    }

    @Test
    void aHostWithoutSha256sumIsTold() {
        assertThatThrownBy(() -> Digests.verify(command -> answer(127, ""), "was1 (h:22)", "/opt/shop.war", EXPECTED))
                .hasMessageStartingWith("was1 (h:22): checking the SHA-256 of /opt/shop.war after the upload failed:")
                .hasMessageEndingWith("golive needs sha256sum (coreutils) on the host");
    }

    @Test
    void quotesThePathForTheShell() {
        String[] sent = new String[1];
        Digests.verify(
                command -> {
                    sent[0] = command.script();
                    return answer(0, EXPECTED + "  x\n");
                },
                "was1 (h:22)",
                "/opt/it's here.war",
                EXPECTED);

        assertThat(sent[0]).isEqualTo("sha256sum -- '/opt/it'\\''s here.war'");
    }
}
