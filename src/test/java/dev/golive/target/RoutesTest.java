package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Host;
import dev.golive.plan.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the plan and ~/.ssh/config combine into where a connection goes. */
class RoutesTest {
    private static final Location HERE = new Location(Path.of("golive.yaml"), 1, 1);

    @TempDir
    Path home;

    @TempDir
    Path planDir;

    @BeforeEach
    void sshConfig() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), """
                Host was1.prod
                  HostName 10.0.0.21
                  Port 2222
                  User deploy
                  IdentityFile ~/.ssh/prod_key
                  ProxyJump ops@bastion.prod:2200,gate.prod

                Host gate.prod
                  HostName 10.0.0.6
                  User gatekeeper
                """);
    }

    private Endpoint resolve(Host host, Host... others) {
        Map<String, Host> hosts = new LinkedHashMap<>();
        hosts.put(host.name(), host);
        for (Host other : others) {
            hosts.put(other.name(), other);
        }
        return new Routes(Settings.trusting(home, planDir), hosts).resolve(host);
    }

    @Test
    void sshConfigFillsInWhatThePlanLeavesOut() {
        Endpoint endpoint = resolve(new Host("was1", "was1.prod", 22, null, null, null, null, HERE));

        assertThat(endpoint.hostName()).isEqualTo("10.0.0.21");
        assertThat(endpoint.port()).isEqualTo(2222);
        assertThat(endpoint.user()).isEqualTo("deploy");
        assertThat(endpoint.keys()).containsExactly(home.resolve(".ssh/prod_key"));
        assertThat(endpoint.label()).isEqualTo("was1 (10.0.0.21:2222)");
    }

    @Test
    void whatThePlanSaysWins() {
        Endpoint endpoint = resolve(
                new Host("was1", "was1.prod", 2022, "ops", "keys/was1", "bastion", null, HERE),
                new Host("bastion", "10.0.0.5", 22, null, null, null, null, HERE));

        assertThat(endpoint.port()).isEqualTo(2022);
        assertThat(endpoint.user()).isEqualTo("ops");
        assertThat(endpoint.keys()).containsExactly(planDir.resolve("keys/was1"), home.resolve(".ssh/prod_key"));
        assertThat(endpoint.via().name()).isEqualTo("bastion");
        assertThat(endpoint.via().via()).isNull();
    }

    @Test
    void proxyJumpBecomesAChainOfHopsEachResolvedInSshConfig() {
        Endpoint endpoint = resolve(new Host("was1", "was1.prod", 22, null, null, null, null, HERE));

        Endpoint last = endpoint.via();
        assertThat(last.hostName()).isEqualTo("10.0.0.6");
        assertThat(last.user()).isEqualTo("gatekeeper");
        assertThat(last.port()).isEqualTo(22);
        Endpoint first = last.via();
        assertThat(first.hostName()).isEqualTo("bastion.prod");
        assertThat(first.user()).isEqualTo("ops");
        assertThat(first.port()).isEqualTo(2200);
        assertThat(first.via()).isNull();
    }

    @Test
    void aHostSshConfigDoesNotKnowUsesTheLocalUserAndPort22() {
        Endpoint endpoint = resolve(new Host("db1", "10.0.0.31", 22, null, null, null, null, HERE));

        assertThat(endpoint)
                .isEqualTo(new Endpoint(
                        "db1", "10.0.0.31", 22, Settings.trusting(home, planDir).localUser(), List.of(), null));
    }
}
