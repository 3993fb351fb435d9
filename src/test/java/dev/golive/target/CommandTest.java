package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTest {
    @Test
    void wrapsTheScriptInSudoAsTheGivenUserWithoutAPasswordPrompt() {
        Command command = Command.of("echo 'it''s' \"$HOME\"").asUser("tomcat");

        assertThat(command.shellText())
                .isEqualTo("sudo -n -u tomcat -- bash -c 'echo '\\''it'\\'''\\''s'\\'' \"$HOME\"'");
    }

    @Test
    void aCommandWithoutSudoIsTheScriptItself() {
        assertThat(Command.of("uptime").shellText()).isEqualTo("uptime");
    }

    @Test
    void overSshTheHostStopsTheCommandShortlyAfterItsTimeout() {
        Command command = Command.of("sleep 5").withTimeout(Duration.ofMillis(1500));

        assertThat(command.remoteText()).isEqualTo("timeout -k 5 4 bash --norc -c 'sleep 5'");
        assertThat(command.asUser("tomcat").remoteText())
                .isEqualTo("sudo -n -u tomcat -- timeout -k 5 4 bash --norc -c 'sleep 5'");
    }

    @Test
    void theHostsSudoUserAppliesWhenTheCommandNamesNone() {
        var host = TestHosts.sudo(TestHosts.local("was1"), "tomcat");

        assertThat(Command.of("id").forHost(host).sudoUser()).isEqualTo("tomcat");
        assertThat(Command.of("id").asUser("root").forHost(host).sudoUser()).isEqualTo("root");
        assertThat(Command.of("id").forHost(TestHosts.local("was2")).sudoUser()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"root; rm -rf /", "to mcat", "$(id)", "'x'", ""})
    void refusesUserNamesThatWouldNeedQuoting(String user) {
        assertThatThrownBy(() -> Command.of("id").asUser(user))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a user name: '" + user + "'");
    }

    @Test
    void refusesAnEmptyScriptAndANonPositiveTimeout() {
        assertThatThrownBy(() -> Command.of(" ")).hasMessage("a command needs a script");
        assertThatThrownBy(() -> Command.of("id").withTimeout(Duration.ZERO))
                .hasMessage("timeout must be positive: PT0S");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain",
                "it's",
                "'",
                "''",
                "\"double\"",
                "$HOME `id` $(id)",
                "back\\slash",
                "new\nline",
                "*?[a]",
                " "
            })
    void quotingGivesBashTheTextBackExactly(String text) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", "printf %s " + Shell.quote(text)).start();

        assertThat(new String(bash.getInputStream().readAllBytes())).isEqualTo(text);
        assertThat(bash.waitFor()).isZero();
    }

    @Test
    void aSudoCommandReachesTheInnerBashIntact() throws IOException, InterruptedException {
        String script = "printf '%s|' \"it's\" '$HOME' \"$((2 * 3))\"";
        // The text after "bash -c" in the sudo form, handed to a real shell as sudo would hand it on.
        String text = Command.of(script).asUser("nobody").shellText();
        String afterSudo = text.substring(text.indexOf("-- ") + 3);

        Process bash = new ProcessBuilder(List.of("bash", "-c", afterSudo)).start();

        assertThat(new String(bash.getInputStream().readAllBytes())).isEqualTo("it's|$HOME|6|");
        assertThat(bash.waitFor()).isZero();
    }
}
